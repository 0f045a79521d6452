/**
 * The benchmark's reading of a Chromium trace: which tasks are the extension's, what started
 * each of them, and which one a run reports as its longest. Built from hand-made trace events
 * shaped like those Chromium records (see tests/bench/lib/trace.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadCost, medianCost } from '../../bench/lib/task-stats';
import { mainThreadOf, type TraceEvent } from '../../bench/lib/trace';

const PAGE = 'http://127.0.0.1:8000/page.html';
const SCRIPT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/content-scripts/content.js';
const PID = 7;
const TID = 1;

/** A complete event on the page's main thread: `ts` and `dur` in µs, thread time `tdur`. */
const event = (name: string, ts: number, dur: number, tdur = dur, url?: string): TraceEvent => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  ts,
  dur,
  tdur,
  pid: PID,
  tid: TID,
  args: url === undefined ? {} : { data: { url } },
});

/** A trace of one load: DOMContentLoaded at 1 ms, then the tasks given. */
function trace(...tasks: TraceEvent[][]): TraceEvent[] {
  return [
    {
      name: 'TracingStartedInBrowser',
      cat: '',
      ph: 'I',
      ts: 0,
      pid: 1,
      tid: 1,
      args: { data: { frames: [{ url: PAGE, processId: PID }] } },
    },
    { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: PID, tid: TID, args: { name: 'CrRendererMain' } },
    { name: 'MarkDOMContent', cat: 'devtools.timeline', ph: 'I', ts: 1_000, pid: PID, tid: TID, args: { data: {} } },
    ...tasks.flat(),
  ];
}

/** The bundle's evaluation: 3.5 ms of the extension's script. */
const start = (at: number) => [
  event('RunTask', at, 5_000, 4_000),
  event('EvaluateScript', at + 100, 4_000, 3_500, SCRIPT),
];
/** A slice the extension's scheduler posted, `cpu` µs of script. */
const slice = (at: number, cpu: number) => [
  event('RunTask', at, cpu + 2_000, cpu + 1_000),
  event('RunPostTaskCallback', at + 100, cpu + 1_000, cpu + 500),
  event('FunctionCall', at + 200, cpu + 500, cpu, SCRIPT),
];
/** A storage event's listener: script without a URL, nothing that posted it. */
const callback = (at: number) => [event('RunTask', at, 3_000, 2_500), event('FunctionCall', at + 100, 2_000, 2_000)];
/** Script resumed after an `await`: only the task's microtask checkpoint runs it. */
const continuation = (at: number) => [
  event('RunTask', at, 4_000, 3_500),
  event('BlinkScheduler_PerformMicrotaskCheckpoint', at + 100, 3_000, 3_000),
  event('RunMicrotasks', at + 150, 2_500, 2_500),
];
/** The page's own script. */
const pageScript = (at: number) => [
  event('RunTask', at, 9_000, 9_000),
  event('FunctionCall', at + 100, 8_000, 8_000, 'https://example.com/app.js'),
];

describe('reading the extension’s tasks from a trace', () => {
  it('tells the extension’s tasks from the page’s and names what started each', () => {
    const thread = mainThreadOf(
      trace(start(10_000), slice(20_000, 12_000), callback(40_000), continuation(45_000), pageScript(50_000)),
      PAGE,
    );
    expect(thread.tasks.map((t) => [t.extension, t.cause])).toEqual([
      [true, 'script start'],
      [true, 'scheduled slice'],
      [true, 'callback'],
      [true, 'continuation'],
      [false, undefined],
    ]);
  });

  it('reports the longest extension task with what it was and when, after DOMContentLoaded', () => {
    const cost = loadCost(mainThreadOf(trace(start(10_000), slice(20_000, 12_000), slice(40_000, 6_000)), PAGE));
    expect(cost.longestExtensionTaskMs).toBe(12);
    expect(cost.longestExtensionTask).toEqual({ cause: 'scheduled slice', atMs: 19 });
  });

  it('keeps, over several runs, the description of the run whose task was longest', () => {
    const shortSlices = loadCost(mainThreadOf(trace(start(10_000), slice(20_000, 3_000)), PAGE));
    const longSlice = loadCost(mainThreadOf(trace(start(10_000), slice(30_000, 9_000)), PAGE));
    expect(shortSlices.longestExtensionTask).toEqual({ cause: 'script start', atMs: 9 });
    const median = medianCost([shortSlices, longSlice, shortSlices]);
    expect(median.longestExtensionTaskMs).toBe(9);
    expect(median.longestExtensionTask).toEqual({ cause: 'scheduled slice', atMs: 29 });
  });

  it('charges a page timer that ran our observer callback with the callback only, not the page’s function', () => {
    // The page's timer appends rows (8 ms of its script); our mutation observer's callback
    // then runs in the task's microtask checkpoint (2 ms).
    const timerTask = [
      event('RunTask', 10_000, 12_000, 11_000),
      event('TimerFire', 10_100, 11_000, 10_500),
      event('FunctionCall', 10_200, 8_000, 8_000, 'http://127.0.0.1:8000/page.html'),
      event('RunMicrotasks', 18_300, 2_500, 2_200),
      event('FunctionCall', 18_400, 2_000, 2_000, SCRIPT),
    ];
    const [task] = mainThreadOf(trace(timerTask), PAGE).tasks;
    expect(task!.extension).toBe(true);
    expect(task!.extensionCpu).toBe(2_200);
  });
});

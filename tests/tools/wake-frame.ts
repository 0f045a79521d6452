/**
 * What any script run costs an idle page, against a switch-on and the floor, all three by
 * the browser's task accounting (the benchmark times its floor with the walk's own clock).
 * On some loaded pages Chromium renders a frame after script of any kind has run (layer
 * commit and hover hit tests: 4–11 ms on Reddit's saved page, 1–2 ms on CNN's, with the
 * extension installed or not), and a switch-on pays it like any other script would. Per
 * load, highlights off, settled: a no-op evaluated in a fresh isolated world, the floor's
 * walk evaluated there, or highlights switched on; every main-thread task of the next second
 * is summed (an idle page adds about a millisecond). Medians of `--runs` loads (default 5),
 * each measurement on a load of its own. `--compile` also traces V8 compiling functions on
 * their first call and reports that time (the tracing adds a little to every column).
 * `npx tsx tests/tools/wake-frame.ts <corpus page | generated | small> [--runs n] [--compile]`
 * after `npm run build` (COLUMNLENS_OUT_DIR picks another build).
 */
import { launchWithExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';
import { setHighlightsEnabled } from '../bench/lib/extension-settings';
import { evaluateInFreshWorld, walkSource } from '../bench/lib/measure-load';
import { median } from '../bench/lib/task-stats';
import {
  COMPILE_CATEGORY,
  mainThreadOf,
  startTrace,
  stopTrace,
  type MainThread,
  type Task,
  type TraceEvent,
} from '../bench/lib/trace';
import { flag, option, pageName, pageUrl } from './lib/tool-page';

const runs = option('--runs', 5);
const compile = flag('--compile');
const WATCH_MS = 1_000;
const SETTLE_MS = 1_500;

const server = await startServer();
const url = pageUrl(server, pageName('postlight/www.reddit.com--image.html'));
const browser = await launchWithExtension();

type Action = 'no-op script' | 'floor walk' | 'switch on';
interface Watched {
  /** Every task of the watched second, ms of CPU. */
  totalMs: number;
  /** Tasks with script in them (the extension's, or the evaluated expression's). */
  scriptMs: number;
  /** The longest task without script: the frame rendered after it. */
  longestOtherMs: number;
  /** The walk's own clock, for the floor. */
  ownClockMs?: number;
  /** Of all that, V8 compiling functions on their first call (`--compile` only). */
  compileMs?: number;
}

async function watch(action: Action, run: number): Promise<Watched> {
  await setHighlightsEnabled(browser.serviceWorker, false);
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const cdp = await browser.context.newCDPSession(page);
  await startTrace(cdp, compile ? [COMPILE_CATEGORY] : []);
  let ownClockMs: number | undefined;
  if (action === 'no-op script') await evaluateInFreshWorld(page, '0', `wake-${run}`);
  else if (action === 'floor walk') {
    const value = await evaluateInFreshWorld(page, walkSource(`wake ${run} ${Date.now()}`), `floor-${run}`);
    ownClockMs = (value as { ms: number }).ms;
  } else await setHighlightsEnabled(browser.serviceWorker, true);
  await page.waitForTimeout(WATCH_MS);
  const events = await stopTrace(cdp);
  const thread = mainThreadOf(events, page.url());
  const tasks = thread.tasks;
  await cdp.detach();
  await page.close();
  const ms = (list: Task[]) => list.reduce((sum, t) => sum + t.cpu, 0) / 1000;
  const other = tasks.filter((t) => !t.extension);
  return {
    totalMs: ms(tasks),
    scriptMs: ms(tasks.filter((t) => t.extension)),
    longestOtherMs: Math.max(0, ...other.map((t) => t.cpu)) / 1000,
    ownClockMs,
    compileMs: compile ? compileUs(events, thread) / 1000 : undefined,
  };
}

/** CPU the main thread spent compiling functions on their first call (V8.CompileCode, not nested). */
function compileUs(events: readonly TraceEvent[], thread: MainThread): number {
  let sum = 0;
  let end = -Infinity;
  const compiles = events
    .filter((e) => e.name === 'V8.CompileCode' && e.pid === thread.pid && e.tid === thread.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  for (const e of compiles) {
    if (e.ts < end) continue;
    sum += e.tdur ?? e.dur!;
    end = e.ts + e.dur!;
  }
  return sum;
}

const actions: Action[] = ['no-op script', 'floor walk', 'switch on'];
const results = new Map<Action, Watched[]>(actions.map((a) => [a, []]));
try {
  for (let run = 0; run < runs; run++)
    for (const action of actions) results.get(action)!.push(await watch(action, run));
  const fmt = (v: number | undefined) => (v === undefined ? '–' : `${v.toFixed(1)} ms`);
  console.log(`${url}, medians of ${runs} loads, CPU of the main thread in the second after:`);
  console.log(
    `| action | every task | tasks with script | longest task without script | own clock |${compile ? ' compiling |' : ''}`,
  );
  console.log(`| --- | --- | --- | --- | --- |${compile ? ' --- |' : ''}`);
  for (const [action, list] of results) {
    const pick = (key: keyof Watched) => median(list.map((w) => w[key]));
    console.log(
      `| ${action} | ${fmt(pick('totalMs'))} | ${fmt(pick('scriptMs'))} | ${fmt(pick('longestOtherMs'))} | ${fmt(pick('ownClockMs'))} |${compile ? ` ${fmt(pick('compileMs'))} |` : ''}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

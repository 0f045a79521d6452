/**
 * The extension's tasks on one page load, from a Chromium trace: each task's CPU time and the
 * trace events inside it that took longest. A tool for finding which task is too long and why:
 * `npm run tasks -- <corpus page | generated | small | huge | appended> [--settle ms] [--runs n]`.
 * Uses the build in COLUMNLENS_OUT_DIR (default .output), or EXT_DIR (an unpacked build).
 * Environment: TIMELINE=1 also prints when every task ran (ms after DOMContentLoaded) and the
 * page's own long tasks before ours; ANY_TASK=1 lists the longest tasks of any kind from our
 * start instead of ours (rendering included); MIN_US=n shows nested events from n µs (300).
 */
import { mainThreadOf, startTrace, stopTrace, type TraceEvent } from '../bench/lib/trace';
import { launchWithExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';
import { option, pageName, pageUrl } from './lib/tool-page';

const target = pageName('small');
const settleMs = option('--settle', 5_000);
const runs = option('--runs', 3);

const server = await startServer();
const url = pageUrl(server, target);
const browser = await launchWithExtension(process.env.EXT_DIR);
const ms = (us: number) => (us / 1000).toFixed(1);
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await new Promise((r) => setTimeout(r, settleMs));
    const events = await stopTrace(cdp);
    await page.close();
    const thread = mainThreadOf(events, url);
    const ext = thread.tasks.filter((t) => t.extension);
    const sorted = process.env.ANY_TASK
      ? thread.tasks.filter((t) => t.start >= (ext[0]?.start ?? 0)).sort((a, b) => b.cpu - a.cpu)
      : [...ext].sort((a, b) => (b.extensionCpu ?? 0) - (a.extensionCpu ?? 0));
    console.log(
      `run ${run + 1}: ${ext.length} extension tasks, ${ms(ext.reduce((s, t) => s + (t.extensionCpu ?? 0), 0))} ms CPU`,
    );
    const first = ext[0];
    if (process.env.TIMELINE)
      console.log(
        '  before us (ms after DCL: CPU ms): ' +
          thread.tasks
            .filter(
              (t) =>
                t.start >= (thread.domContentLoaded ?? 0) - 200_000 && t.start < (first?.start ?? 0) && t.cpu > 1_000,
            )
            .map((t) => `${ms(t.start - (thread.domContentLoaded ?? 0))}:${ms(t.cpu)}`)
            .join(' '),
      );
    if (process.env.TIMELINE)
      console.log(
        '  timeline (ms after DCL: CPU ms): ' +
          ext
            .slice(0, 40)
            .map((t) => `${ms(t.start - (thread.domContentLoaded ?? 0))}:${ms(t.extensionCpu ?? 0)}`)
            .join(' '),
      );
    for (const task of [first, ...sorted.slice(0, 4)].filter((t, i, all) => t && all.indexOf(t) === i)) {
      const owner = events.find((e) => e.ph === 'X' && e.ts === task!.start && /RunTask/.test(e.name));
      const inside = events.filter(
        (e: TraceEvent) =>
          e.pid === owner?.pid &&
          e.tid === owner?.tid &&
          e.ph === 'X' &&
          e.ts >= task!.start &&
          e.ts <= task!.end &&
          e.dur !== undefined &&
          e.dur > Number(process.env.MIN_US ?? 300),
      );
      console.log(
        `  task at +${ms(task!.start - (thread.domContentLoaded ?? task!.start))} ms after DCL: ${ms(task!.extensionCpu ?? 0)} ms CPU extension, ${ms(task!.cpu)} ms CPU task${task === first ? ' (first)' : ''}`,
      );
      for (const e of inside.sort((a, b) => a.ts - b.ts).slice(0, 25))
        console.log(
          `      ${e.name.padEnd(28)} ${ms(e.tdur ?? e.dur!).padStart(6)} cpu ${ms(e.dur!).padStart(6)} wall ${String(e.args?.data?.url ?? e.args?.data?.functionName ?? '').slice(0, 60)}`,
        );
    }
  }
} finally {
  await browser.close();
  await server.close();
}

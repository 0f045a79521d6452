/**
 * Where the content script spends its time on one page: a CPU profile of a load with the
 * unminified build, printed as the functions with the most time (their own, plus the browser
 * built-ins and DOM calls they make). A tool for finding what to optimise, not a benchmark:
 * `npm run profile -- <corpus page | generated | small | huge | appended> [--settle ms] [--top n] [--first-task] [--switch-on] [--no-build]`
 * (`--first-task`: only the script's start; `--switch-on`: the page loaded with highlights off
 * and settled, then only what switching them on costs; `--no-build`: reuse the last profile build).
 */
import { join } from 'node:path';
import { buildProfileVariant, PROFILE_BUILD_DIR } from '../bench/lib/breakdown';
import { launchWithExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';
import { setHighlightsEnabled } from '../bench/lib/extension-settings';
import { flag, option, pageName, pageUrl } from './lib/tool-page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const target = pageName('generated');
const settleMs = option('--settle', 8_000);
const top = option('--top', 30);
const switchOn = flag('--switch-on');

const PROFILE_DIR = join(import.meta.dirname, '../..', PROFILE_BUILD_DIR, 'chrome-mv3');
const dir = flag('--no-build') ? undefined : buildProfileVariant();
const server = await startServer();
const url = pageUrl(server, target);
const browser = await launchWithExtension(dir ?? PROFILE_DIR);
try {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (switchOn) {
    await setHighlightsEnabled(browser.serviceWorker, false);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await new Promise((r) => setTimeout(r, 1_500));
    await cdp.send('Profiler.start');
    await setHighlightsEnabled(browser.serviceWorker, true);
  } else {
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  }
  await new Promise((r) => setTimeout(r, settleMs));
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // --first-task: only the samples of the extension's first stretch of work (until the first
  // 2 ms in which none of its code ran), which is the script's start.
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const inExtension = (id: number): boolean => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parentOf.get(cur))
      if (byId.get(cur)?.callFrame.url.startsWith('chrome-extension://')) return true;
    return false;
  };
  let keep = (_i: number) => true;
  if (flag('--first-task')) {
    let t = 0;
    let started = -1;
    let lastOurs = 0;
    let end = profile.samples.length;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i] ?? 0;
      if (inExtension(profile.samples[i]!)) {
        if (started < 0) started = i;
        lastOurs = t;
      } else if (started >= 0 && t - lastOurs > 2_000) {
        end = i;
        break;
      }
    }
    keep = (i) => i >= started && i < end;
  }
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (keep(i)) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totals = new Map<string, number>();
  let all = 0;
  // Time of built-ins and DOM calls goes to the nearest frame of the extension above them.
  const visit = (id: number, owner: string | undefined) => {
    const node = byId.get(id);
    if (!node) return;
    const f = node.callFrame;
    const here = f.url.startsWith('chrome-extension://')
      ? `${f.functionName || '(anonymous)'} ${f.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${f.lineNumber + 1}`
      : owner;
    const time = (self.get(id) ?? 0) / 1000;
    if (here && time) {
      totals.set(here, (totals.get(here) ?? 0) + time);
      all += time;
    }
    for (const child of node.children ?? []) visit(child, here);
  };
  visit(profile.nodes[0]!.id, undefined);
  console.log(`${url}: ${all.toFixed(1)} ms in the content script (sampled)`);
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * What a page's frames cost its main thread with the extension: an article with ad-sized
 * frames every few paragraphs, a quarter of them hidden (`display: none`) and a quarter
 * 0 × 0, as trackers are, all same-origin so they share the page's main thread. Traced loads,
 * without the extension and with it; prints the main thread's CPU and the extension's share.
 * `npx tsx tests/tools/frame-cost.ts [frames, default 20] [--runs n]` after `npm run build`
 * (COLUMNLENS_OUT_DIR picks another build).
 */
import { mainThreadOf, startTrace, stopTrace } from '../bench/lib/trace';
import { launchWithExtension, launchWithoutExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';
import { option } from './lib/tool-page';

const frameCount = Number(process.argv[2] ?? 20) || 20;
const runs = option('--runs', 4);

const server = await startServer();
const ad = server.setPage(
  'ad',
  '<!doctype html><meta charset=utf-8><body style="margin:0"><a href="#"><img width=300 height=250 alt=""></a><p>Buy now, 限時優惠</p></body>',
);
const paragraphs = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12)}</p>`.repeat(6);
const frames = Array.from({ length: frameCount }, (_, i) =>
  i % 4 === 0
    ? `<iframe src="${ad}" style="display:none"></iframe>`
    : i % 4 === 1
      ? `<iframe src="${ad}" width=0 height=0 style="border:0"></iframe>`
      : `${paragraphs}<iframe src="${ad}" width=300 height=250></iframe>`,
).join('');
const url = server.setPage(
  'framed-article',
  `<!doctype html><meta charset=utf-8><title>Framed article</title><body><p>英伟达 and Nvidia in the news.</p>${frames}</body>`,
);
const ms = (us: number) => (us / 1000).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`${frameCount} frames, medians of ${runs} traced loads (CPU ms):`);
try {
  for (const withExtension of [false, true]) {
    const browser = withExtension ? await launchWithExtension() : await launchWithoutExtension();
    const mainThread: number[] = [];
    const extension: number[] = [];
    try {
      for (let run = 0; run < runs; run++) {
        const page = await browser.context.newPage();
        const cdp = await browser.context.newCDPSession(page);
        await startTrace(cdp);
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(3_000);
        const thread = mainThreadOf(await stopTrace(cdp), url);
        mainThread.push(thread.tasks.reduce((sum, t) => sum + t.cpu, 0));
        extension.push(thread.tasks.reduce((sum, t) => sum + (t.extension ? (t.extensionCpu ?? 0) : 0), 0));
        await page.close();
      }
    } finally {
      await browser.close();
    }
    const label = withExtension ? 'with the extension   ' : 'without the extension';
    console.log(`  ${label}  main thread ${ms(median(mainThread))}, extension ${ms(median(extension))}`);
  }
} finally {
  await server.close();
}

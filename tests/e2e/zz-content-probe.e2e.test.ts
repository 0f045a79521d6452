import { it } from 'vitest';
import { launchWithExtension, launchWithoutExtension } from '/work/main/tests/e2e/harness/chromium';
import { startServer } from '/work/main/tests/e2e/harness/server';

function generated(): string {
  const names = ['輝達', '英偉達', '英伟达', 'Nvidia', '月之暗面', 'Moonshot AI', '騰訊', '腾讯', 'Tencent', '阿里巴巴', 'Alibaba', 'RISC-V', '百川智能', '大语言模型', 'export controls', '晶片', '芯片'];
  const parts: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const a = names[i % names.length], b = names[(i * 7) % names.length];
    parts.push(`<p>第${i}段：據報導，${a}本週公布了新的計劃，分析師認為這對${b}影響重大。 Paragraph ${i}: analysts said ${b} and ${a} were in talks about the next generation of products, while regulators watched closely and markets moved.</p>`);
  }
  return `<!doctype html><meta charset="utf-8"><title>gen</title><body>${parts.join('\n')}</body>`;
}

it('probe', async () => {
  const s = await startServer();
  const urls = (process.env.PAGES ?? 'GEN').split(',').map((p) => (p === 'GEN' ? s.setPage('gen', generated()) : `${s.origin}/corpus/${p}`));
  for (const withExt of [false, true]) {
    const b = withExt ? await launchWithExtension('/work/main/.output-content-debug/chrome-mv3') : await launchWithoutExtension();
    for (const url of urls) {
      const page = await b.context.newPage();
      let slices = '';
      page.on('console', (m) => { if (m.text().startsWith('STEPS')) slices += m.text().split(' | ').map((x) => x.slice(0, 60)).join(' | '); });
      await page.addInitScript(() => {
        (window as any).__lt = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
        const W = window as any; W.__marks = { first: 0, last: 0 };
        new MutationObserver((recs) => { for (const r of recs) for (const n of r.addedNodes) if ((n as Element).localName === 'mark' || (n as Element).querySelector?.('mark')) { const t = Math.round(performance.now()); W.__marks.first ||= t; W.__marks.last = t; return; } }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(url, { waitUntil: 'load', timeout: 60000 });
      const t0 = Date.now();
      let last = -1, stable = Date.now();
      while (Date.now() - t0 < 20000) {
        const n = await page.evaluate(() => document.querySelectorAll('mark[data-glossary-id]').length);
        if (n !== last) { last = n; stable = Date.now(); } else if (Date.now() - stable > 1500) break;
        await page.waitForTimeout(100);
      }
      const info = await page.evaluate(() => ({ lt: (window as any).__lt.filter((x: number[]) => x[1] > 50), dcl: Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd), marksAt: (window as any).__marks, load: Math.round(performance.getEntriesByType('navigation')[0]!.duration), marks: document.querySelectorAll('mark[data-glossary-id]').length, text: document.body.textContent!.length }));
      console.log('RESULT', withExt ? 'EXT ' : 'NONE', url.split('/').slice(-2).join('/'), JSON.stringify(info), slices);
      await page.close();
    }
    await b.close();
  }
  await s.close();
}, 300000);

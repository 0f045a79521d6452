import { it } from 'vitest';
import { launchWithExtension } from '/work/main/tests/e2e/harness/chromium';
import { startServer } from '/work/main/tests/e2e/harness/server';
function generated(): string {
  const names = ['輝達', '英偉達', '英伟达', 'Nvidia', '月之暗面', 'Moonshot AI', '騰訊', '腾讯', 'Tencent', '阿里巴巴', 'Alibaba', 'RISC-V', '百川智能', '大语言模型', 'export controls', '晶片', '芯片'];
  const parts: string[] = [];
  for (let i = 0; i < 3000; i++) { const a = names[i % names.length], b = names[(i * 7) % names.length]; parts.push(`<p>第${i}段：據報導，${a}本週公布了新的計劃，分析師認為這對${b}影響重大。 Paragraph ${i}: analysts said ${b} and ${a} were in talks about the next generation of products, while regulators watched closely and markets moved.</p>`); }
  return `<!doctype html><meta charset="utf-8"><title>gen</title><body>${parts.join('\n')}</body>`;
}
it('probe', async () => {
  const s = await startServer();
  const b = await launchWithExtension('/work/main/.output-content-debug/chrome-mv3');
  const urls = (process.env.PAGES ?? 'GEN').split(',').map((p) => (p === 'GEN' ? s.setPage('gen', generated()) : `${s.origin}/corpus/${p}`));
  for (const url of urls) {
    const page = await b.context.newPage();
    let slices = '';
    page.on('console', (m) => { if (m.text().startsWith('SLICES')) slices = m.text(); });
    await page.goto(url, { waitUntil: 'load', timeout: 90000 });
    await page.waitForTimeout(6000);
    console.log('RESULT', url.split('/').slice(-2).join('/'), await page.evaluate(() => document.querySelectorAll('mark').length), slices);
    await page.close();
  }
  await b.close(); await s.close();
}, 600000);

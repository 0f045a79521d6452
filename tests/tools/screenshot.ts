/**
 * Takes the README's screenshot: a short news page with ColumnLens highlights and one
 * tooltip open, in real Chromium with the built extension. Run `npm run build` first, then
 * `npx tsx tests/tools/screenshot.ts [out.png]` (Chinese text needs a CJK font, e.g. Debian's
 * fonts-wqy-microhei).
 */
import { launchWithExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';

const out = process.argv[2] ?? '.github/screenshot.png';
const ARTICLE = `<!doctype html><html lang="zh-Hant"><meta charset="utf-8"><title>科技新聞</title>
<body style="font: 17px/1.7 sans-serif; max-width: 760px; margin: 32px auto; color: #222">
<h1 style="font-size: 26px">雲端巨頭掀起大模型價格戰</h1>
<p>阿里雲宣布旗下通義千問模型降價 97%,百度隨即宣布文心一言部分模型免費,騰訊與字節跳動也跟進。
分析師指出,在美國晶片禁令之下,中國新創公司如月之暗面與百川智能,仍難以取得輝達的高階 GPU。</p>
<p>Nvidia's H20, a chip cut down to meet US export controls, sells in China alongside Huawei's Ascend.
Start-ups building LLMs say the price war leaves little room for AI-native applications.</p>
</body></html>`;

const server = await startServer();
const browser = await launchWithExtension();
try {
  await browser.serviceWorker.evaluate(async () => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), language: 'zh-Hant' } });
  });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 560 });
  await page.goto(server.setPage('article', ARTICLE));
  const mark = page.locator('mark[data-glossary-id="price-war"]').first();
  await mark.waitFor();
  await mark.hover();
  await page.locator('columnlens-tooltip .panel').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}

// The part of the worker's global used above.
declare const chrome: {
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
};

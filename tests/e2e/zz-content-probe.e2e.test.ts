import { it } from 'vitest';
import { launchWithExtension } from '/work/main/tests/e2e/harness/chromium';
import { startServer } from '/work/main/tests/e2e/harness/server';
import { settledMarks } from '/work/main/tests/e2e/highlight-helpers';
it('probe', async () => {
  const [b, s] = await Promise.all([launchWithExtension('/work/main/.output-content-debug/chrome-mv3'), startServer()]);
  const page = await b.context.newPage();
  const t0 = Date.now();
  page.on('console', (m) => { if (m.text().startsWith('SLICE')) console.log(Date.now() - t0, m.text()); });
  await page.goto(`${s.origin}/fixtures/${process.env.FIXTURE ?? 'highlight-dynamic.html'}`);
  await settledMarks(page, 1);
  console.log('TICKER START', Date.now() - t0);
  await page.evaluate(() => (window as any).startTicker?.());
  await page.waitForTimeout(3000);
  await b.close(); await s.close();
}, 120000);

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForHighlights } from '../../bench/lib/highlight-wait';
import { EXTENSION_UUID, geckoId, launchFirefoxWithExtension, type FirefoxWithExtension } from './harness/firefox';
import { startServer, type TestServer } from './harness/server';

// The WebExtension global of extension pages, as far as these tests use it.
declare const browser: {
  runtime: { getManifest(): { name: string; manifest_version: number } };
  tabs: { query(q: { url?: string }): Promise<{ id?: number; url?: string }[]> };
  storage: { sync: { get(key: string): Promise<Record<string, unknown>> } };
};

// The glossary's names for one entry in its three scripts, inside ordinary prose, plus the
// same name where it must never be highlighted (a textarea the reader types into).
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chips</title></head><body>
<h1>Export rules</h1>
<p>輝達的晶片在中國很難買到。</p>
<p>英伟达的H20芯片。</p>
<p>Nvidia said demand in China stays strong.</p>
<textarea id="notes">Nvidia</textarea>
</body></html>`;

const markIds = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('mark[data-glossary-id]')].map((m) => m.getAttribute('data-glossary-id')));

describe('the built extension in Firefox ESR (WebDriver BiDi)', () => {
  let firefox: FirefoxWithExtension;
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await startServer();
    url = server.setPage('firefox-chips', PAGE);
    firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('installs as a temporary add-on under its fixed id and origin', async () => {
    expect(firefox.addonId).toBe(geckoId());
    const options = await firefox.openExtensionPage('options.html');
    const seen = await options.evaluate(() => [location.href, browser.runtime.getManifest().name, browser.runtime.getManifest().manifest_version]);
    expect(seen).toEqual([`moz-extension://${EXTENSION_UUID}/options.html`, 'ColumnLens', 3]);
    await options.close();
  });

  it('highlights the names of a glossary entry in all three scripts, never inside a textarea', async () => {
    const page = await firefox.open(url);
    const settled = await waitForHighlights(page, { min: 3, timeoutMs: 20_000 });
    expect(settled.timedOut).toBe(false);
    const ids = await markIds(page);
    expect(ids).toEqual(['nvidia', 'nvidia', 'nvidia']);
    const texts = await page.evaluate(() => [...document.querySelectorAll('mark[data-glossary-id]')].map((m) => m.textContent));
    expect(texts).toEqual(['輝達', '英伟达', 'Nvidia']);
    expect(await page.evaluate(() => (document.getElementById('notes') as HTMLTextAreaElement).value)).toBe('Nvidia');
    await page.close();
  });

  it('is switched off and on from its popup, and the page returns exactly to what it was', async () => {
    const page = await firefox.open(url);
    expect((await waitForHighlights(page, { min: 3, timeoutMs: 20_000 })).timedOut).toBe(false);
    // The popup reports on one tab: opened as a page, it is told which with ?tab=<id>.
    const probe = await firefox.openExtensionPage('options.html');
    const [tab] = await probe.evaluate((pageUrl) => browser.tabs.query({ url: pageUrl }), url);
    await probe.close();
    expect(tab?.id).toBeTypeOf('number');
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tab!.id}`);
    const toggle = '[data-testid="highlights-toggle"]';
    await popup.waitForSelector(toggle, { timeout: 10_000 });
    expect(await popup.$eval(toggle, (el) => (el as HTMLInputElement).checked)).toBe(true);

    await popup.click(toggle);
    expect(await waitForHighlights(page, { exact: 0, timeoutMs: 10_000 })).toMatchObject({ count: 0, timedOut: false });
    const stored = await popup.evaluate(async () => (await browser.storage.sync.get('settings')).settings);
    expect(stored).toMatchObject({ enabled: false });
    const plain = await page.evaluate(() => document.body.innerHTML);
    expect(plain).toBe(PAGE.slice(PAGE.indexOf('<body>') + '<body>'.length, PAGE.indexOf('</body>')));

    await popup.click(toggle);
    expect((await waitForHighlights(page, { exact: 3, timeoutMs: 10_000 })).timedOut).toBe(false);
    expect(await markIds(page)).toEqual(['nvidia', 'nvidia', 'nvidia']);
    await popup.close();
    await page.close();
  });
});

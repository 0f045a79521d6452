import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledMatcher } from '../bench/lib/glossary';
import { waitForHighlights } from '../bench/lib/highlight-wait';
import { EXTENSION_UUID, geckoId, tabShowing, waitInPage } from './harness/firefox';
import { FIXTURES_DIR } from './harness/server';
import { firefoxSuite } from './harness/suite';

const matcher = bundledMatcher();

// The WebExtension global of extension pages, as far as these tests use it.
declare const browser: {
  runtime: { getManifest(): { name: string; manifest_version: number } };
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

/** The highlights on the page, a match split over several marks joined into one. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const found: { id: string; text: string }[] = [];
    for (const mark of document.querySelectorAll('mark[data-glossary-id]')) {
      const id = mark.getAttribute('data-glossary-id') ?? '';
      const last = found[found.length - 1];
      if (last && last.id === id && !mark.hasAttribute('data-columnlens-start')) last.text += mark.textContent;
      else found.push({ id, text: mark.textContent ?? '' });
    }
    return found;
  });

/** What the bundled glossary names in the page's prose, scanned in Node with the extension's matcher. */
async function expected(page: Page): Promise<{ id: string; text: string }[]> {
  const blocks = await page.evaluate(() => [...document.querySelectorAll('h1, p')].map((el) => el.textContent ?? ''));
  return blocks.flatMap((text) =>
    matcher.scan(text).map((m) => ({ id: matcher.entryIds[m.entry]!, text: text.slice(m.start, m.end) })),
  );
}

describe('the built extension in Firefox ESR (WebDriver BiDi)', () => {
  const suite = firefoxSuite();
  let url: string;
  beforeAll(async () => {
    url = suite.server.setPage('firefox-chips', PAGE);
  });

  it('installs as a temporary add-on under its fixed id and origin', async () => {
    expect(suite.browser.addonId).toBe(geckoId());
    const options = await suite.browser.openExtensionPage('options.html');
    const seen = await options.evaluate(() => [
      location.href,
      browser.runtime.getManifest().name,
      browser.runtime.getManifest().manifest_version,
    ]);
    expect(seen).toEqual([`moz-extension://${EXTENSION_UUID}/options.html`, 'ColumnLens', 3]);
    await options.close();
  });

  it('highlights the names of glossary entries in all three scripts, never inside a textarea', async () => {
    const page = await suite.browser.open(url);
    const want = await expected(page);
    // The page names Nvidia in each script; the test is only as good as that.
    expect(want.filter((h) => h.id === 'nvidia').map((h) => h.text)).toEqual(['輝達', '英伟达', 'Nvidia']);
    const settled = await waitForHighlights(page, { min: want.length, timeoutMs: 20_000 });
    expect(settled.timedOut).toBe(false);
    expect(await drawn(page)).toEqual(want);
    expect(await page.evaluate(() => document.querySelectorAll('textarea mark').length)).toBe(0);
    expect(await page.evaluate(() => (document.getElementById('notes') as HTMLTextAreaElement).value)).toBe('Nvidia');
    await page.close();
  });

  it('is switched off and on from its popup, and the page returns exactly to what it was', async () => {
    const page = await suite.browser.open(url);
    const want = await expected(page);
    expect((await waitForHighlights(page, { min: want.length, timeoutMs: 20_000 })).timedOut).toBe(false);
    // The popup reports on one tab: opened as a page, it is told which with ?tab=<id>. Without
    // the tabs permission tab URLs are hidden, so the content script that answers with this
    // page's URL tells which tab it is.
    const probe = await suite.browser.openExtensionPage('options.html');
    const { id: tabId } = await tabShowing(probe, url);
    await probe.close();
    expect(tabId).toBeTypeOf('number');
    const popup = await suite.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const toggle = '[data-testid="highlights-toggle"]';
    await popup.waitForSelector(toggle, { timeout: 10_000 });
    expect(await popup.$eval(toggle, (el) => (el as HTMLInputElement).checked)).toBe(true);

    await popup.locator(toggle).click();
    expect(await waitForHighlights(page, { exact: 0, timeoutMs: 10_000 })).toMatchObject({ count: 0, timedOut: false });
    const stored = await popup.evaluate(async () => (await browser.storage.sync.get('settings')).settings);
    expect(stored).toMatchObject({ enabled: false });
    const plain = await page.evaluate(() => document.body.innerHTML);
    expect(plain).toBe(PAGE.slice(PAGE.indexOf('<body>') + '<body>'.length, PAGE.indexOf('</body>')));

    await popup.locator(toggle).click();
    expect((await waitForHighlights(page, { min: want.length, timeoutMs: 10_000 })).timedOut).toBe(false);
    expect(await drawn(page)).toEqual(want);
    await popup.close();
    await page.close();
  });

  // Firefox is where a page's CSP has historically reached into content scripts' styles.
  it('highlights and shows a styled tooltip under a strict Content-Security-Policy', async () => {
    const html = readFileSync(join(FIXTURES_DIR, 'hostile-article.html'), 'utf8');
    const cspUrl = suite.server.setPage('firefox-csp', html, {
      'content-security-policy': "default-src 'none'; style-src 'none'",
    });
    const page = await suite.browser.open(cspUrl);
    const want = await expected(page);
    expect((await waitForHighlights(page, { min: want.length, timeoutMs: 20_000 })).timedOut).toBe(false);
    expect(await drawn(page)).toEqual(want);
    const styled = await page.evaluate(() => {
      const props = ['backgroundColor', 'color', 'textDecorationLine', 'borderRadius', 'cursor'] as const;
      const style = (el: Element) => props.map((p) => getComputedStyle(el)[p]).join('|');
      return {
        ours: style(document.querySelector('mark[data-glossary-id]')!),
        plain: style(document.getElementById('control')!),
      };
    });
    expect(styled.ours).not.toBe(styled.plain);
    await page.hover('mark[data-glossary-id="nvidia"]');
    const seen = await waitInPage(
      page,
      () => {
        const panel = document.querySelector('columnlens-tooltip')?.shadowRoot?.querySelector('.panel');
        return panel?.textContent ? { text: panel.textContent, position: getComputedStyle(panel).position } : false;
      },
      undefined,
    );
    if (!seen) throw new Error('no tooltip');
    expect(seen.text.length).toBeGreaterThan(0);
    expect(seen.position).toBe('fixed');
    await page.close();
  });
});

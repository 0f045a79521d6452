/**
 * An update with a page open, in Firefox ESR: Firefox ends the old version's content script
 * without letting it take its marks back, and starts the new version's in the open tab. The
 * new script must read those marks as the page's text, or every name ends up highlighted
 * twice, one mark inside the other (three deep after another update). The update is the
 * same build with a higher version, installed over the first as a temporary add-on (what
 * `web-ext run` does on each rebuild).
 *
 * Disabling the add-on ends its script the same way, and nothing of it runs again in the tab:
 * the marks stay, and must look like the text around them once the add-on's style sheet goes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setHighlightsEnabled } from '../bench/lib/extension-settings';
import { evaluateInChrome, FIREFOX_BUILD, waitInPage } from './harness/firefox';
import { firefoxSuite } from './harness/suite';

/** A copy of the Firefox build whose manifest says `version`. */
function buildWithVersion(dir: string, version: string): string {
  const copy = join(dir, version);
  cpSync(FIREFOX_BUILD, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }));
  return copy;
}

const BODY = '<p id="p">Nvidia and 百度 and Tencent.</p>';

describe('updating ColumnLens in Firefox with a page open', () => {
  const suite = firefoxSuite();
  const dir = mkdtempSync(join(tmpdir(), 'columnlens-update-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves one highlight per name, none nested, and switching off gives the page back as it was', async () => {
    const page = await suite.browser.open(
      suite.server.setPage('firefox-update', `<!doctype html><meta charset="utf-8"><body>${BODY}</body>`),
    );
    const marks = () =>
      page.evaluate(() => ({
        marks: [...document.querySelectorAll('mark[data-glossary-id]')].map((m) => m.textContent),
        nested: document.querySelectorAll('mark mark').length,
      }));
    try {
      await waitInPage(page, () => document.querySelectorAll('mark[data-glossary-id]').length === 3, undefined);
      const first = await page.evaluateHandle(() => document.querySelector('mark'));
      for (const version of ['9.0.1', '9.0.2']) {
        await suite.browser.browser.installExtension(buildWithVersion(dir, version));
        // The new version's script starts in the open tab and draws its own marks.
        await waitInPage(
          page,
          (old: unknown) =>
            (old as Element).isConnected === false && document.querySelectorAll('mark[data-glossary-id]').length === 3,
          first as unknown,
          20_000,
        );
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(await marks()).toEqual({ marks: ['Nvidia', '百度', 'Tencent'], nested: 0 });
      }
      const probe = await suite.browser.openExtensionPage('options.html');
      try {
        await setHighlightsEnabled(probe, false);
        await waitInPage(page, () => document.querySelectorAll('mark').length === 0, undefined, 10_000);
        expect(await page.evaluate(() => document.body.innerHTML)).toBe(BODY);
      } finally {
        await setHighlightsEnabled(probe, true);
        await probe.close();
      }
    } finally {
      await page.close();
    }
  });

  // Last in the file: the add-on is enabled again after it, but the open tab keeps the marks.
  it('leaves marks that look like the text around them when the add-on is disabled', async () => {
    const page = await suite.browser.open(
      suite.server.setPage(
        'firefox-disable',
        `<!doctype html><meta charset="utf-8"><style>p { color: rgb(20, 40, 60) }</style><body>${BODY}</body>`,
      ),
    );
    const look = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('mark')].map((mark) => {
          const style = getComputedStyle(mark);
          return { background: style.backgroundColor, color: style.color, underline: style.textDecorationLine };
        }),
      );
    const setActive = (active: boolean) =>
      evaluateInChrome(
        suite.browser.browser,
        `(async () => {
          const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
          const addon = await AddonManager.getAddonByID(${JSON.stringify(suite.browser.addonId)});
          await addon.${active ? 'enable' : 'disable'}();
          return (await AddonManager.getAddonByID(${JSON.stringify(suite.browser.addonId)})).isActive;
        })()`,
      );
    try {
      await waitInPage(page, () => document.querySelectorAll('mark[data-glossary-id]').length === 3, undefined);
      const on = await look();
      expect(on.map((m) => m.underline)).toEqual(['underline', 'underline', 'underline']);
      expect(on[0]!.background).not.toBe('rgba(0, 0, 0, 0)');
      expect(await setActive(false)).toBe(false);
      // The style sheet leaves the tab; the marks stay, as plain text.
      await waitInPage(
        page,
        () => getComputedStyle(document.querySelector('mark')!).textDecorationLine === 'none',
        undefined,
      );
      expect(await page.evaluate(() => document.querySelectorAll('mark[data-glossary-id]').length)).toBe(3);
      const plain = { background: 'rgba(0, 0, 0, 0)', color: 'rgb(20, 40, 60)', underline: 'none' };
      expect(await look()).toEqual([plain, plain, plain]);
    } finally {
      await setActive(true);
      await page.close();
    }
  });
});

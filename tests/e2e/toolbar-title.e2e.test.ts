/**
 * The toolbar button's title where no page has set one (a new tab, chrome:// pages) is the
 * extension's name in the browser's language, as the manifest asks, not the popup document's
 * title that WXT would put there ("ColumnLens" alone). Hong Kong, Macau and Singapore
 * Chromiums get their script's name too, not the English default (src/i18n/locale-twins.ts).
 */
import { describe, expect, it } from 'vitest';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import zhTW from '../../public/_locales/zh_TW/messages.json';
import { chromiumSuite } from './harness/suite';

declare const chrome: {
  action: { getTitle(details: object): Promise<string> };
  runtime: { getManifest(): { name: string; commands?: Record<string, { description?: string }> } };
};

describe.each([
  { interfaceLanguage: 'zh-TW', catalog: zhTW },
  { interfaceLanguage: 'zh-HK', catalog: zhTW },
  { interfaceLanguage: 'zh-MO', catalog: zhTW },
  { interfaceLanguage: 'zh-SG', catalog: zhCN },
])('a Chromium whose interface is in $interfaceLanguage', ({ interfaceLanguage, catalog }) => {
  const name = catalog.extName.message;
  const shortcut = catalog.commandToggleHighlights.message;
  const suite = chromiumSuite({ args: [`--lang=${interfaceLanguage}`] });

  it('titles the toolbar button with the name in its language', async () => {
    expect(await suite.browser.serviceWorker.evaluate(() => chrome.action.getTitle({}))).toBe(name);
  });

  it('names the extension and its keyboard shortcut in its language', async () => {
    const manifest = await suite.browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe(name);
    expect(Object.values(manifest.commands ?? {}).map((command) => command.description)).toContain(shortcut);
  });
});

/**
 * Chromiums in Chinese of four regions.
 * - The toolbar button's title where no page has set one (a new tab, chrome:// pages) is the
 *   extension's name in the browser's language, as the manifest asks, not the popup document's
 *   title that WXT would put there ("ColumnLens" alone). Hong Kong, Macau and Singapore
 *   Chromiums get their script's name too, not the English default (src/i18n/locale-twins.ts).
 * - The popup, the editor and the tooltip tag their Chinese with the reader's region
 *   (`langForReader`), so fonts draw a Hong Kong reader Hong Kong's character forms, and ask
 *   first for the system fonts of that script and region (src/ui/chinese-fonts.css).
 */
import { describe, expect, it } from 'vitest';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import zhTW from '../../public/_locales/zh_TW/messages.json';
import { openEditor, openEntry } from './fixtures/editor-helpers';
import { chromiumSuite } from './harness/suite';

declare const chrome: {
  action: { getTitle(details: object): Promise<string> };
  runtime: { getManifest(): { name: string; commands?: Record<string, { description?: string }> } };
};

describe.each([
  { interfaceLanguage: 'zh-TW', catalog: zhTW, lang: 'zh-Hant-TW', font: 'PingFang TC' },
  { interfaceLanguage: 'zh-HK', catalog: zhTW, lang: 'zh-Hant-HK', font: 'PingFang HK' },
  { interfaceLanguage: 'zh-MO', catalog: zhTW, lang: 'zh-Hant-MO', font: 'PingFang HK' },
  { interfaceLanguage: 'zh-SG', catalog: zhCN, lang: 'zh-Hans-SG', font: 'PingFang SC' },
])('a Chromium whose interface is in $interfaceLanguage', ({ interfaceLanguage, catalog, lang, font }) => {
  const name = catalog.extName.message;
  const shortcut = catalog.commandToggleHighlights.message;
  const suite = chromiumSuite({ args: [`--lang=${interfaceLanguage}`, `--accept-lang=${interfaceLanguage}`] });

  it('titles the toolbar button with the name in its language', async () => {
    expect(await suite.browser.serviceWorker.evaluate(() => chrome.action.getTitle({}))).toBe(name);
  });

  it('names the extension and its keyboard shortcut in its language', async () => {
    const manifest = await suite.browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe(name);
    expect(Object.values(manifest.commands ?? {}).map((command) => command.description)).toContain(shortcut);
  });

  it(`tags the popup and the editor, their names and notes, ${lang}`, async () => {
    const popup = await suite.browser.context.newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html`);
    await popup.locator('h1').waitFor();
    expect(await popup.evaluate(() => [navigator.language, document.documentElement.lang])).toEqual([
      interfaceLanguage,
      lang,
    ]);
    expect(systemFonts(await popup.evaluate(() => getComputedStyle(document.body).fontFamily))).toEqual([font]);
    await popup.close();

    const editor = await openEditor(suite.browser);
    expect(await editor.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(systemFonts(await editor.evaluate(() => getComputedStyle(document.body).fontFamily))).toEqual([font]);
    await openEntry(editor, 'Arm Holdings');
    const script = lang.slice(0, 'zh-Hant'.length);
    // The fields in the reader's script carry the region; the other script's stay unmarked by it.
    expect(await editor.getAttribute(`#field-notes-${script}`, 'lang')).toBe(lang);
    expect(await editor.getAttribute(`#field-names-${script}`, 'lang')).toBe(lang);
    const other = script === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant';
    expect(await editor.getAttribute(`#field-notes-${other}`, 'lang')).toBe(other);
    // Each field asks first for its own script's fonts, over the fields' `font: inherit`.
    const fieldFonts = (id: string) =>
      editor
        .locator(`#${id}`)
        .evaluate((el) => getComputedStyle(el).fontFamily)
        .then(systemFonts);
    expect(await fieldFonts(`field-notes-${script}`)).toEqual([font]);
    expect(await fieldFonts(`field-names-${other}`)).toEqual([other === 'zh-Hans' ? 'PingFang SC' : 'PingFang TC']);
    await editor.close();
  });

  it(`tags the tooltip and its note ${lang}`, async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/fixtures/ui-article.html`);
    await page.locator('#first mark[data-glossary-id="nvidia"]').hover();
    const panel = page.locator('columnlens-tooltip .panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getAttribute('lang')).toBe(lang);
    expect(await panel.locator('.note').getAttribute('lang')).toBe(lang);
    expect(systemFonts(await panel.evaluate((el) => getComputedStyle(el).fontFamily))).toEqual([font]);
    await page.close();
  });
});

/** The macOS system fonts (PingFang SC, TC, HK) a computed font-family asks for. */
function systemFonts(fontFamily: string): string[] {
  return fontFamily
    .split(',')
    .map((family) => family.trim().replace(/^"|"$/g, ''))
    .filter((family) => family.startsWith('PingFang'));
}

/**
 * An open editor follows the language the reader chooses in the popup: it starts again in
 * that language at the entry its form shows, and waits while the form holds unsaved changes.
 * In Chromium with the built extension.
 */
import { describe, expect, it } from 'vitest';
import { openEditor, openEntry } from './fixtures/editor-helpers';
import { writeSettings } from './highlight-helpers';
import { chromiumSuite } from './harness/suite';

describe('the editor and the reader’s language', () => {
  const suite = chromiumSuite();

  it('starts again in the language chosen elsewhere, at the open entry, unless a change is unsaved', async () => {
    await writeSettings(suite.browser.serviceWorker, { language: 'en' });
    const editor = await openEditor(suite.browser);
    expect(await editor.getAttribute('html', 'lang')).toBe('en');
    await openEntry(editor, 'Nvidia');
    await writeSettings(suite.browser.serviceWorker, { language: 'zh-Hant' });
    await editor.waitForSelector('html[lang="zh-Hant"]');
    await editor.waitForSelector('[data-testid="entry-form"]');
    expect(await editor.inputValue('#field-term')).toBe('輝達');
    expect(await editor.textContent('h1')).toBe('ColumnLens 詞庫');

    // A note half written: the editor keeps its language rather than ask to leave the page.
    await editor.fill('#field-notes-en', 'Half written, not saved yet.');
    await writeSettings(suite.browser.serviceWorker, { language: 'en' });
    await editor.waitForTimeout(1_500);
    expect(await editor.getAttribute('html', 'lang')).toBe('zh-Hant');
    expect(await editor.inputValue('#field-notes-en')).toBe('Half written, not saved yet.');
    await editor.close();
  });

  it('draws the import field in the editor’s language, and a click on it opens the browser’s file picker', async () => {
    // The browser here speaks English: its own file input would say "Choose File".
    await writeSettings(suite.browser.serviceWorker, { language: 'zh-Hant' });
    const editor = await openEditor(suite.browser);
    // Waited for well before the click: Playwright turns on catching the file chooser only once
    // asked, and a click that reaches the page first opens the browser's own dialog, which
    // nothing sees (the race puppeteer/puppeteer#6040 describes). One CI run waited 30 s so.
    const chooserOpened = editor.waitForEvent('filechooser');
    await editor.waitForSelector('html[lang="zh-Hant"]');
    const field = editor.locator('.file-choice');
    expect(await field.locator('.file-button').textContent()).toBe('選擇檔案…');
    expect(await field.locator('.file-chosen').textContent()).toBe('尚未選擇檔案');
    // The input itself is not seen, but it is what lies under the drawn button.
    const input = editor.locator('[data-testid="glossary-import"]');
    expect(await input.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await field.scrollIntoViewIfNeeded();
    const button = (await field.locator('.file-button').boundingBox())!;
    const underButton = await editor.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('data-testid'),
      [button.x + button.width / 2, button.y + button.height / 2],
    );
    expect(underButton).toBe('glossary-import');
    // Named by its label, described by the chosen file.
    expect(await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent)).toBe('匯入詞庫檔（.json）');
    expect(await input.getAttribute('aria-describedby')).toBe('glossary-import-chosen');

    await editor.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    const chooser = await chooserOpened;
    const pack = {
      schemaVersion: 1,
      id: 'my-pack',
      title: '我的詞庫',
      source: { title: 'Made-up column', author: 'Nobody' },
      entries: [{ id: 'kiwi', term: 'Kiwi Chips', aliases: [], category: 'company', context: 'Made up.' }],
    };
    await chooser.setFiles({
      name: '我的詞庫.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    await editor.locator('[data-testid="import-preview"]:not([hidden])').waitFor({ timeout: 5_000 });
    expect(await field.locator('.file-chosen').textContent()).toBe('我的詞庫.json');
    // A file refused (not JSON): the field is empty again, and says so in the editor's language.
    await input.setInputFiles({ name: '壞檔.json', mimeType: 'application/json', buffer: Buffer.from('{') });
    await editor.locator('[data-testid="import-error"]', { hasText: '壞檔.json' }).waitFor({ timeout: 5_000 });
    expect(await field.locator('.file-chosen').textContent()).toBe('尚未選擇檔案');
    expect(await input.getAttribute('aria-describedby')).toBe('glossary-import-chosen import-error');
    await writeSettings(suite.browser.serviceWorker, { language: 'en' });
    await editor.close();
  });
});

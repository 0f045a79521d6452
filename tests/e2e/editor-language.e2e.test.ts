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
});

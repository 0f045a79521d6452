/**
 * The glossary editor in Chromium: search, add, edit, delete with undo, reset, validation,
 * every change reaching an already open page without a reload, and a prompt before a tab
 * holding unsaved changes closes.
 */
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Dialog, Page } from 'playwright-core';
import {
  localValue,
  markIdsFor,
  openEditor,
  openEntry,
  setLocal,
  waitForCompiled,
  waitForMark,
} from './fixtures/editor-helpers';
import { chromiumSuite } from './harness/suite';

describe('the glossary editor', () => {
  const suite = chromiumSuite();
  let article: Page;
  let editor: Page;

  beforeAll(async () => {
    article = await suite.browser.context.newPage();
    await article.goto(`${suite.server.origin}/fixtures/editor-article.html`);
    await waitForMark(article, '輝達');
    // Set once: if the page were reloaded, this would be gone.
    await article.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    editor = await openEditor(suite.browser);
  });

  const articleNotReloaded = () => article.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce);

  it('finds an entry from a name in another script (英伟达 finds 輝達)', async () => {
    await editor.fill('[data-testid="entry-search"]', '英伟达');
    // Named as an English reader knows it, with the pack's own term among its other names.
    const first = await editor.textContent('[data-testid="entry-row"] >> nth=0 >> .entry-name');
    expect(first).toBe('Nvidia');
    expect(await editor.textContent('[data-testid="entry-row"] >> nth=0 >> .entry-aliases')).toContain('輝達');
    await editor.fill('[data-testid="entry-search"]', 'no such name anywhere');
    expect(await editor.locator('[data-testid="entry-row"]').count()).toBe(0);
    expect(await editor.textContent('[data-testid="entry-count"]')).toBe('No entries match.');
  });

  it('adds an entry, and the open page highlights it without reloading', async () => {
    expect(await markIdsFor(article, 'Quokka Robotics')).toEqual([]);
    await editor.click('[data-testid="entry-new"]');
    await editor.fill('#field-term', 'Quokka Robotics');
    await editor.selectOption('#field-category', 'company');
    await editor.fill('#field-notes-en', 'A made-up robot maker, used by the editor tests.');
    await editor.click('[data-testid="entry-save"]');
    await waitForMark(article, 'Quokka Robotics');
    expect(await markIdsFor(article, 'Quokka Robotics')).toEqual(['quokka-robotics']);
    expect(await articleNotReloaded()).toBe(true);
    // The editor announces the save once its publishing to open tabs has finished, which can be
    // a moment after the page drew the new highlight: wait for the announcement, then read it.
    await editor.locator('[data-testid="status-message"]', { hasText: 'Quokka Robotics' }).waitFor({ timeout: 5_000 });
    expect(await editor.textContent('[data-testid="status-message"]')).toContain('Quokka Robotics');
  });

  it('edits an entry: a new alias is highlighted at once', async () => {
    await openEntry(editor, 'Quokka');
    await editor.fill('#field-aliases', 'QR Labs');
    await editor.click('[data-testid="entry-save"]');
    await waitForMark(article, 'QR Labs');
    expect(await markIdsFor(article, 'QR Labs')).toEqual(['quokka-robotics']);
    expect(await articleNotReloaded()).toBe(true);
  });

  it('edits an entry’s English name, links and related entries: the open page’s tooltip shows them', async () => {
    await openEntry(editor, 'Quokka');
    await editor.fill('#field-names-en', 'Quokka Robotics Ltd');
    // A link in the reader's language, two in another reader language (not shown to this
    // reader, who has one in theirs: one in a Chinese input method's brackets, one in a tag
    // Chromium cannot name whole), and one in a language no reader reads (shown to all).
    await editor.fill(
      '#field-links',
      '官網【zh-TW】https://quokka.example/zh-tw/\n粵語 [zh-yue] https://quokka.example/yue/\nHomepage [en] https://quokka.example/\nホーム [ja] https://quokka.example/ja/',
    );
    // A related entry named as a reader knows it, in another script: saved by its id.
    await editor.fill('#field-related', '英伟达');
    await editor.click('[data-testid="entry-save"]');
    await waitForCompiled(suite.browser.serviceWorker, 'quokka-robotics');
    // The form, opened again on the saved entry, names it as a reader knows it, not by its id.
    await expect.poll(() => editor.inputValue('#field-related')).toBe('Nvidia');
    // Headless Chromium reads in English: the tooltip is titled with the English name.
    await article.waitForFunction(
      () => {
        const mark = document.querySelector('mark[data-glossary-id="quokka-robotics"]');
        mark?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        const panel = document.querySelector('columnlens-tooltip')?.shadowRoot?.querySelector('.panel');
        return panel?.querySelector('.term')?.textContent === 'Quokka Robotics Ltd';
      },
      undefined,
      { timeout: 10_000, polling: 200 },
    );
    const links = await article.evaluate(() =>
      [
        ...(document.querySelector('columnlens-tooltip')?.shadowRoot?.querySelectorAll<HTMLAnchorElement>('.links a') ??
          []),
      ].map((a) => [a.textContent, a.href, a.target, a.hreflang]),
    );
    expect(links).toEqual([
      ['Homepage', 'https://quokka.example/', '_blank', 'en'],
      ['ホーム', 'https://quokka.example/ja/', '_blank', 'ja'],
    ]);
    // The form shows each link's language in its brackets.
    expect(await editor.inputValue('#field-links')).toBe(
      '官網 [zh-TW] https://quokka.example/zh-tw/\n粵語 [zh-yue] https://quokka.example/yue/\nHomepage [en] https://quokka.example/\nホーム [ja] https://quokka.example/ja/',
    );
    const related = await article.evaluate(() =>
      [
        ...(document.querySelector('columnlens-tooltip')?.shadowRoot?.querySelectorAll<HTMLElement>('.related-entry') ??
          []),
      ].map((b) => [b.textContent, b.dataset.entryId]),
    );
    expect(related).toEqual([['Nvidia', 'nvidia']]);
    expect(await articleNotReloaded()).toBe(true);
  });

  it('deletes an entry, and Undo brings it back, on the open page too', async () => {
    await openEntry(editor, 'Quokka');
    await editor.click('[data-testid="entry-delete"]');
    await waitForMark(article, 'Quokka Robotics', false);
    await editor.click('[data-testid="undo"]');
    await waitForMark(article, 'Quokka Robotics');
    await waitForMark(article, 'QR Labs');
    expect(await articleNotReloaded()).toBe(true);
  });

  it('resets an edited bundled entry to the pack’s version', async () => {
    await openEntry(editor, '輝達');
    const before = await editor.inputValue('#field-notes-en');
    await editor.fill('#field-notes-en', 'My own note about Nvidia.');
    await editor.click('[data-testid="entry-save"]');
    await editor.waitForSelector('[data-testid="entry-reset"]');
    const layer = (await localValue(suite.browser.serviceWorker, 'userGlossary')) as {
      overlays: { edits: { id: string }[] }[];
    };
    expect(layer.overlays.flatMap((o) => o.edits.map((e) => e.id))).toContain('nvidia');
    await editor.click('[data-testid="entry-reset"]');
    await editor.waitForFunction(() => !document.querySelector('[data-testid="entry-reset"]'));
    expect(await editor.inputValue('#field-notes-en')).toBe(before);
  });

  it('marks invalid fields with messages next to them, and saves nothing', async () => {
    const layerBefore = await localValue(suite.browser.serviceWorker, 'userGlossary');
    await editor.click('[data-testid="entry-new"]');
    await editor.fill('#field-id', 'Bad Id');
    await editor.fill('#field-term', '');
    await editor.fill('#field-aliases', 'Nvidia');
    await editor.fill('#field-notes-en', 'x'.repeat(1_300));
    await editor.click('[data-testid="entry-save"]');
    const state = (id: string) =>
      editor.evaluate((sel) => {
        const control = document.getElementById(sel)!;
        const described = (control.getAttribute('aria-describedby') ?? '').split(' ');
        const error = described
          .map((d) => document.getElementById(d))
          .find((e) => e?.classList.contains('field-error'));
        return { invalid: control.getAttribute('aria-invalid'), message: error?.hidden ? '' : error?.textContent };
      }, id);
    expect(await state('field-term')).toEqual({ invalid: 'true', message: 'Enter a name.' });
    expect(await state('field-id')).toMatchObject({ invalid: 'true', message: expect.stringContaining('lower-case') });
    // Taken by the entry the reader knows as Nvidia: named by its pack, not by its term 輝達.
    expect(await state('field-aliases')).toEqual({
      invalid: 'true',
      message: "“Nvidia” is already the name of another entry in “The AI rush and China's fear”.",
    });
    expect(await state('field-notes-en')).toEqual({
      invalid: 'true',
      message: 'This note has 1,300 characters, 100 more than the 1,200 allowed.',
    });
    // Focus goes to the first invalid field, for keyboard and screen-reader users.
    expect(await editor.evaluate(() => document.activeElement?.id)).toBe('field-id');
    expect(await localValue(suite.browser.serviceWorker, 'userGlossary')).toEqual(layerBefore);

    // The reader gives the draft up: Close asks first, with the browser's own dialog.
    const asked = editor.waitForEvent('dialog');
    const closing = editor.click('[data-testid="entry-close"]');
    const dialog = await asked;
    expect([dialog.type(), dialog.message()]).toEqual([
      'confirm',
      'Discard the changes to this entry that you have not saved?',
    ]);
    await dialog.accept();
    await closing;
    await editor.waitForFunction(() => !document.querySelector('[data-testid="entry-form"]'));
    expect(await localValue(suite.browser.serviceWorker, 'userGlossary')).toEqual(layerBefore);
  });

  it('shows markup in a note as text, in the editor and in the tooltip, and runs nothing', async () => {
    let dialogs = 0;
    const count = (d: Dialog) => void d.dismiss().then(() => dialogs++);
    editor.on('dialog', count);
    article.on('dialog', count);
    // Not past this test: a dismissed "leave the page?" would stop the next test's reload.
    onTestFinished(() => {
      editor.off('dialog', count);
      article.off('dialog', count);
    });
    const hostile = '<img src=x onerror=alert(1)>';
    await openEntry(editor, 'Quokka');
    await editor.fill('#field-notes-en', hostile);
    await editor.fill('#field-aliases', `QR Labs\n${hostile}`);
    // The form holds the saved entry once the save is stored, which it announces. Until then
    // the entry is a draft, and choosing it in the list below would first ask to discard it
    // (on a busy machine the background may finish compiling before that).
    await editor.evaluate(() => {
      document.querySelector('[data-testid="status-message"]')!.textContent = '';
    });
    await editor.click('[data-testid="entry-save"]');
    await editor.locator('[data-testid="status-message"]', { hasText: 'Quokka' }).waitFor({ timeout: 5_000 });
    await waitForCompiled(suite.browser.serviceWorker, 'quokka-robotics');
    await editor.fill('[data-testid="entry-search"]', 'onerror');
    expect(await editor.textContent('[data-testid="entry-row"] >> nth=0 >> .entry-aliases')).toContain(hostile);
    await editor.click('[data-testid="entry-row"] >> nth=0');
    expect(await editor.inputValue('#field-notes-en')).toBe(hostile);
    expect(await editor.locator('img').count()).toBe(0);

    await article.waitForFunction(
      (note) => {
        const mark = document.querySelector('mark[data-glossary-id="quokka-robotics"]');
        mark?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        const host = document.querySelector('columnlens-tooltip');
        return host?.shadowRoot?.querySelector('.panel')?.textContent?.includes(note) ?? false;
      },
      hostile,
      { timeout: 10_000, polling: 200 },
    );
    const imagesInTooltip = await article.evaluate(
      () => document.querySelector('columnlens-tooltip')?.shadowRoot?.querySelectorAll('img').length ?? -1,
    );
    expect(imagesInTooltip).toBe(0);
    expect(dialogs).toBe(0);
  });

  it('can be used from the keyboard: search, Enter opens the first match in the form', async () => {
    await editor.reload();
    await editor.waitForSelector('[data-testid="entry-row"]');
    await editor.focus('[data-testid="entry-search"]');
    await editor.keyboard.type('Quokka');
    await editor.keyboard.press('Enter');
    await editor.waitForSelector('[data-testid="entry-form"]');
    expect(await editor.evaluate(() => document.activeElement?.id)).toBe('field-term');
    await editor.keyboard.press('Escape');
    await editor.waitForFunction(() => !document.querySelector('[data-testid="entry-form"]'));
  });

  it('asks before a tab whose form holds unsaved changes is closed, and not once they are gone', async () => {
    const other = await openEditor(suite.browser);
    await openEntry(other, '輝達');
    const asked: string[] = [];
    // The reader stays on the page when asked on closing, and drops the draft when Close asks.
    other.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void (dialog.type() === 'confirm' ? dialog.accept() : dialog.dismiss());
    });
    await other.fill('#field-notes-en', 'Half written, not saved yet.');
    await other.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    // The reader chose to stay: the tab and what they wrote are still there.
    expect(other.isClosed()).toBe(false);
    expect(await other.inputValue('#field-notes-en')).toBe('Half written, not saved yet.');

    // The form closed (the reader's own choice to drop the change): the tab closes without asking.
    await other.click('[data-testid="entry-close"]');
    await other.waitForFunction(() => !document.querySelector('[data-testid="entry-form"]'));
    const closed = other.waitForEvent('close');
    await other.close({ runBeforeUnload: true });
    await closed;
    expect(asked).toEqual(['beforeunload', 'confirm']);
  });

  it('keeps unreadable stored data, says so, and offers it for download', async () => {
    const corrupt = { overlays: 'not a list', note: 'damaged on purpose' };
    await setLocal(suite.browser.serviceWorker, { userGlossary: corrupt });
    // The page still highlights from the bundled pack.
    await waitForCompiled(suite.browser.serviceWorker, 'quokka-robotics', false);
    await waitForMark(article, '輝達');
    await editor.reload();
    await editor.waitForSelector('[data-testid="quarantine-notice"]:not([hidden])');
    const [download] = await Promise.all([
      editor.waitForEvent('download'),
      editor.click('[data-testid="quarantine-download"]'),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const saved = JSON.parse(await readFile(path, 'utf8')) as { key: string; raw: unknown }[];
    expect(saved).toEqual([expect.objectContaining({ key: 'local:userGlossary', raw: corrupt })]);
    expect(await localValue(suite.browser.serviceWorker, 'userGlossary')).toEqual(corrupt);

    // Downloaded, the reader lets it go: the notice goes, and does not come back on reload.
    await editor.click('[data-testid="quarantine-dismiss"]');
    await editor.waitForSelector('[data-testid="quarantine-notice"]', { state: 'hidden' });
    // Its button went with it: the keyboard is left in search, not at the page's top.
    await expect.poll(() => editor.evaluate(() => document.activeElement?.id)).toBe('entry-search');
    expect(await localValue(suite.browser.serviceWorker, 'quarantine')).toBeUndefined();
    expect(await localValue(suite.browser.serviceWorker, 'userGlossary')).not.toEqual(corrupt);
    await editor.reload();
    // The notice is updated in the same render as the list.
    await editor.waitForSelector('[data-testid="entry-row"]');
    expect(await editor.isHidden('[data-testid="quarantine-notice"]')).toBe(true);
  });
});

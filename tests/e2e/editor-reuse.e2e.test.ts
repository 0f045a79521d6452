/**
 * One editor for a reader who edits entry after entry from the pages they read: "Edit in the
 * glossary" and the context menu's "Add" show their entry in the editor already open and bring
 * it to the front, as the popup's "Open the glossary editor" does. An editor whose form holds
 * unsaved changes is left as it is, and a new one opens.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayName } from '../../src/glossary/entry-names';
import { chromiumSuite } from './harness/suite';

const pack = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../glossary/ai-rush-china.json'), 'utf8')) as {
  entries: { id: string; term: string; names?: Record<string, string> }[];
};
const entry = (id: string) => pack.entries.find((e) => e.id === id)!;
const editHeading = (id: string) => `Edit “${displayName(entry(id), 'en')}”`;

// The parts of the worker's global this file touches.
declare const chrome: {
  tabs: { query(query: object): Promise<{ url?: string }[]> };
  contextMenus: { onClicked: { dispatch(info: object, tab?: object): void } };
};

const TOOLTIP = 'columnlens-tooltip .panel';

describe('an editor already open', () => {
  const suite = chromiumSuite();
  let page: Page;

  beforeAll(async () => {
    page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/fixtures/ui-article.html`);
    await page.waitForSelector('#first mark[data-glossary-id="nvidia"]');
  });

  const editors = () => suite.browser.context.pages().filter((p) => p.url().includes('/options.html'));

  /** The reader hovers the entry's first highlight and clicks "Edit in the glossary". */
  const editFromTooltip = async (id: string) => {
    await page.bringToFront();
    await page.mouse.move(5, 700);
    await page.locator('columnlens-tooltip').waitFor({ state: 'detached' });
    await page.locator(`mark[data-glossary-id="${id}"]`).first().hover();
    await page.locator(`${TOOLTIP} .edit-entry`).click();
  };

  /** Waits until `editor` shows `heading` in its form. */
  const showing = async (editor: Page, heading: string) => {
    await editor.locator('#form-heading', { hasText: heading }).waitFor({ timeout: 10_000 });
    return editor.textContent('#form-heading');
  };

  /** The URL of the tab in front, as the extension sees it. */
  const tabInFront = () =>
    suite.browser.serviceWorker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url,
    );

  it('shows the next entry from a tooltip in the editor already open, brought to the front', async () => {
    const opened = suite.browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('options.html') });
    await editFromTooltip('nvidia');
    const editor = await opened;
    expect(await showing(editor, editHeading('nvidia'))).toBe(editHeading('nvidia'));

    await editFromTooltip('export-controls');
    expect(await showing(editor, editHeading('export-controls'))).toBe(editHeading('export-controls'));
    expect(await editor.inputValue('#field-term')).toBe(entry('export-controls').term);
    expect(await editor.getAttribute('[data-testid="entry-row"][aria-current="true"]', 'data-key')).toMatch(
      /\/export-controls$/,
    );
    expect(editors()).toEqual([editor]);
    expect(await tabInFront()).toBe(editor.url());
  });

  it('opens a new editor while the open one holds unsaved changes, and leaves those as they were', async () => {
    const [first] = editors();
    await first!.fill('#field-notes-en', 'Half written, not saved yet.');

    const opened = suite.browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('options.html') });
    await editFromTooltip('nvidia');
    const second = await opened;
    expect(await showing(second, editHeading('nvidia'))).toBe(editHeading('nvidia'));
    expect(editors()).toHaveLength(2);
    expect(await first!.textContent('#form-heading')).toBe(editHeading('export-controls'));
    expect(await first!.inputValue('#field-notes-en')).toBe('Half written, not saved yet.');

    // Once the change is saved, that editor is free again, and the next request may go to
    // either of the two: both are free now.
    await first!.click('[data-testid="entry-save"]');
    await first!.locator('[data-testid="status-message"]', { hasText: 'Saved' }).waitFor();
    await second.close();
    await editFromTooltip('nvidia');
    expect(await showing(first!, editHeading('nvidia'))).toBe(editHeading('nvidia'));
    expect(editors()).toEqual([first]);
  });

  it('shows selected text added from the context menu as a new entry in the editor already open', async () => {
    const [editor] = editors();
    await suite.browser.serviceWorker.evaluate(() =>
      chrome.contextMenus.onClicked.dispatch(
        { menuItemId: 'columnlens-add-selection', selectionText: ' Zhipu\nQingyan ', editable: false },
        { id: -1 },
      ),
    );
    expect(await showing(editor!, 'New entry')).toBe('New entry');
    expect(await editor!.inputValue('#field-term')).toBe('Zhipu Qingyan');
    expect(await editor!.textContent('[data-testid="status-message"]')).toContain('Zhipu Qingyan');
    expect(editors()).toEqual([editor]);

    // A new entry prefilled and left untouched holds nothing of the reader's: it is free.
    await editFromTooltip('nvidia');
    expect(await showing(editor!, editHeading('nvidia'))).toBe(editHeading('nvidia'));
    expect(editors()).toEqual([editor]);
  });
});

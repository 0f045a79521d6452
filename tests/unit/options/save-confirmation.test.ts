// @vitest-environment jsdom
/**
 * A save that stored the entry says so where the reader pressed Save, under the button, as
 * well as in the status line at the page's top (far above on a phone, with the list between):
 * focus stays on Save, and the note goes once the reader writes on.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translator } from '../../../src/i18n';
import { openEditor, recordScrolls } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;

let scrolled: Element[];
beforeEach(() => {
  scrolled = recordScrolls();
});
afterEach(() => vi.restoreAllMocks());

describe('a saved entry’s confirmation', () => {
  it('is shown under Save, brought into view, with focus left on Save, until the reader writes on', async () => {
    await openEditor('en');
    const search = byTestId<HTMLInputElement>('entry-search');
    search.value = 'Nvidia';
    search.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
    expect(byTestId('form-saved').hidden).toBe(true);
    const note = document.getElementById('field-notes-en') as HTMLTextAreaElement;
    note.value = 'Edited.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorSaved', 'Nvidia')));
    const saved = byTestId('form-saved');
    expect(saved.hidden).toBe(false);
    expect(saved.textContent).toBe(t('editorSaved', 'Nvidia'));
    expect(saved.getAttribute('role')).toBeNull(); // the status line is the one that announces
    expect(scrolled).toContain(saved);
    expect(document.activeElement).toBe(byTestId('entry-save'));
    const again = document.getElementById('field-notes-en') as HTMLTextAreaElement;
    again.value = 'Edited again.';
    again.dispatchEvent(new Event('input', { bubbles: true }));
    expect(byTestId('form-saved').hidden).toBe(true);
  });

  it('gives way, when storage refuses the save, to why, said under Save as well as at the top', async () => {
    await openEditor('en');
    const search = byTestId<HTMLInputElement>('entry-search');
    search.value = 'Nvidia';
    search.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
    const note = document.getElementById('field-notes-en') as HTMLTextAreaElement;
    note.value = 'Edited.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    const failed = t('editorSaveFailed', 'QUOTA_BYTES quota exceeded');
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(failed));
    const refusal = byTestId('form-refusal');
    expect([refusal.hidden, refusal.textContent, byTestId('form-saved').hidden]).toEqual([false, failed, true]);
    expect(scrolled).toContain(refusal);
    // What the reader wrote is still in the form, to be saved again.
    expect((document.getElementById('field-notes-en') as HTMLTextAreaElement).value).toBe('Edited.');
  });

  it('is not shown when an entry is only opened', async () => {
    await openEditor('en');
    document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
    expect(byTestId('form-saved').hidden).toBe(true);
    expect(document.activeElement).toBe(document.getElementById('field-term'));
  });
});

// @vitest-environment jsdom
/**
 * A new entry, once saved, is in the list where the reader can see it: its row on the page the
 * list shows and marked as the open entry, the search giving way if it hides it. The view
 * stays on the form the reader is in.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/i18n';
import { openEditor, recordScrolls } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
const selectedRow = () => document.querySelector<HTMLElement>('button.entry-row[aria-current="true"]');

function type(id: string, text: string): void {
  const control = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

let scrolled: Element[];
beforeEach(() => {
  scrolled = recordScrolls();
});
afterEach(() => vi.restoreAllMocks());

async function addEntry(term: string): Promise<void> {
  byTestId('entry-new').click();
  type('field-term', term);
  type('field-notes-en', 'A robot maker the column never named.');
  byTestId<HTMLFormElement>('entry-form').requestSubmit();
  await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorSaved', term)));
}

describe('saving a new entry', () => {
  it('shows its row in the list, on its page, as the open entry', async () => {
    await openEditor('en');
    // The bundled pack fills more than one page: the new row is not on the first.
    expect(byTestId('entry-count').textContent).toMatch(/^Entries 1–50 of \d+$/);
    await addEntry('Zyzzyva Robotics');
    expect(selectedRow()?.dataset.key).toMatch(/\/zyzzyva-robotics$/);
    expect(selectedRow()?.querySelector('.entry-name')?.textContent).toBe('Zyzzyva Robotics');
    expect(byTestId('entry-count').textContent).not.toMatch(/^Entries 1–50 /);
    expect(scrolled.filter((el) => el.closest('[data-testid="entry-list"]'))).toEqual([]);
  });

  it('clears a search that hides it', async () => {
    await openEditor('en');
    const search = byTestId<HTMLInputElement>('entry-search');
    search.value = 'Nvidia';
    search.dispatchEvent(new Event('input'));
    await addEntry('Quokka Robotics');
    expect(search.value).toBe('');
    expect(selectedRow()?.dataset.key).toMatch(/\/quokka-robotics$/);
  });
});

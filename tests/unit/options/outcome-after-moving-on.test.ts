// @vitest-environment jsdom
/**
 * A Delete or Reset is stored while the reader may already have opened another entry: its
 * outcome is then said in the status line alone, and the entry the reader is on stays open.
 * Said under that entry's form, a failure read as that entry's, and a success closed its form
 * or replaced it with the entry the action was on, typing and all.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translator } from '../../../src/i18n';
import { openEditor, recordScrolls } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
const rows = () => [...document.querySelectorAll<HTMLButtonElement>('button.entry-row')];
const heading = () => document.getElementById('form-heading')!.textContent;
afterEach(() => vi.restoreAllMocks());

/** Holds every storage write until `settle` is called with what it does then. */
function holdWrites(): { settle: (outcome: 'store' | 'fail') => void } {
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  const held: { items: Record<string, unknown>; resolve: () => void; reject: (e: Error) => void }[] = [];
  let outcome: 'store' | 'fail' | undefined;
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
    if (outcome === 'store') return set(items);
    if (outcome === 'fail') throw new Error('QUOTA_BYTES quota exceeded');
    await new Promise<void>((resolve, reject) => held.push({ items, resolve, reject }));
    return set(items);
  });
  return {
    settle(next) {
      outcome = next;
      for (const write of held.splice(0)) {
        if (next === 'store') write.resolve();
        else write.reject(new Error('QUOTA_BYTES quota exceeded'));
      }
    },
  };
}

/** Opens the editor, presses Delete on the first entry with its write held, and opens the second; returns that entry's heading. */
async function deleteFirstThenOpenSecond(): Promise<{ writes: ReturnType<typeof holdWrites>; other: string | null }> {
  await openEditor('en');
  rows()[0]!.click();
  const writes = holdWrites();
  byTestId<HTMLButtonElement>('entry-delete').click();
  rows()[1]!.click();
  return { writes, other: heading() };
}

describe('an outcome arriving once the reader is on another entry', () => {
  it('says a failed Delete at the top only, not under the other entry’s form', async () => {
    const scrolled = recordScrolls();
    const { writes, other } = await deleteFirstThenOpenSecond();
    writes.settle('fail');
    const failed = t('editorSaveFailed', 'QUOTA_BYTES quota exceeded');
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(failed));
    expect([heading(), byTestId('form-refusal').hidden]).toEqual([other, true]);
    expect(scrolled).not.toContain(byTestId('form-refusal'));
  });

  it('leaves the other entry open, with what the reader typed, after a Delete is stored', async () => {
    const { writes, other } = await deleteFirstThenOpenSecond();
    const note = document.getElementById('field-notes-en') as HTMLTextAreaElement;
    note.value = 'Being written.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    writes.settle('store');
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toMatch(/deleted/i));
    expect(heading()).toBe(other);
    expect((document.getElementById('field-notes-en') as HTMLTextAreaElement).value).toBe('Being written.');
  });

  it('leaves the other entry open after a Reset is stored, its confirmation at the top', async () => {
    await openEditor('en');
    // An entry changed, so that it can be reset.
    rows()[0]!.click();
    const first = heading();
    const note = document.getElementById('field-notes-en') as HTMLTextAreaElement;
    note.value = 'Edited.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(byTestId('entry-reset')).not.toBeNull());
    const writes = holdWrites();
    byTestId<HTMLButtonElement>('entry-reset').click();
    rows()[1]!.click();
    const other = heading();
    expect(other).not.toBe(first);
    writes.settle('store');
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toMatch(/back to the pack/));
    expect([heading(), byTestId('form-saved').hidden]).toEqual([other, true]);
  });
});

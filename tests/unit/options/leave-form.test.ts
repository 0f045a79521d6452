// @vitest-environment jsdom
/**
 * The entry form gives way (another row, a new entry, Close, Esc) at once when it holds nothing
 * unsaved, and otherwise only if the reader agrees to drop the change; Undo keeps a draft.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translator } from '../../../src/i18n';
import { startEditor } from '../../../src/options/editor-app';

const t = translator('en');
const heading = () => document.getElementById('form-heading')?.textContent ?? null;
const notes = () => document.getElementById('field-notes-en') as HTMLTextAreaElement | null;
const rows = () => [...document.querySelectorAll<HTMLButtonElement>('button.entry-row')];
const rowName = (i: number) => rows()[i]!.querySelector('.entry-name')!.textContent!;
const currentKey = () => rows().find((row) => row.getAttribute('aria-current') === 'true')?.dataset.key;
const click = (testId: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!.click();
const pressEscape = (init: KeyboardEventInit = {}) =>
  notes()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, ...init }));

/** Types into the English note as a reader does. */
function typeNote(text: string): void {
  notes()!.value = text;
  notes()!.dispatchEvent(new Event('input', { bubbles: true }));
}

let confirm: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  Element.prototype.scrollIntoView = vi.fn();
  fakeBrowser.reset();
  confirm = vi.fn(() => false);
  window.confirm = confirm as unknown as typeof window.confirm;
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startEditor(document, root, 'en');
  rows()[0]!.click();
});
afterEach(() => vi.restoreAllMocks());

describe('leaving the entry form', () => {
  it('opens another row, a new entry, or closes at once while the form holds nothing unsaved', () => {
    rows()[1]!.click();
    expect(heading()).toBe(t('editorFormEditHeading', rowName(1)));
    click('entry-new');
    expect(heading()).toBe(t('editorFormNewHeading'));
    click('entry-close');
    expect(notes()).toBeNull();
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks before another row replaces an unsaved change, and keeps the change when the reader says no', () => {
    const first = heading();
    const key = currentKey();
    typeNote('Half written.');
    rows()[1]!.click();
    expect(confirm).toHaveBeenCalledWith(t('editorDiscardChanges'));
    expect(heading()).toBe(first);
    expect(notes()!.value).toBe('Half written.');
    expect(currentKey()).toBe(key);

    confirm.mockReturnValue(true);
    rows()[1]!.click();
    expect(heading()).toBe(t('editorFormEditHeading', rowName(1)));
    expect(notes()!.value).not.toBe('Half written.');
  });

  it('asks before a new entry, Close or Esc drops an unsaved change', () => {
    typeNote('Half written.');
    click('entry-new');
    click('entry-close');
    pressEscape();
    expect(confirm).toHaveBeenCalledTimes(3);
    expect(notes()!.value).toBe('Half written.');
    confirm.mockReturnValue(true);
    pressEscape();
    expect(notes()).toBeNull();
  });

  it('leaves an Esc that ends an input method’s composition to the input method', () => {
    pressEscape({ isComposing: true });
    expect(notes()).not.toBeNull();
    typeNote('輸入中');
    pressEscape({ isComposing: true });
    expect(confirm).not.toHaveBeenCalled();
    expect(notes()!.value).toBe('輸入中');
  });

  it('keeps a draft when Undo takes back the last stored change, and shows the restored entry otherwise', async () => {
    const aliases = () => (document.getElementById('field-aliases') as HTMLTextAreaElement).value;
    const before = aliases();
    const saveAliases = async (text: string) => {
      const field = document.getElementById('field-aliases') as HTMLTextAreaElement;
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      click('entry-save');
      await vi.waitFor(() => expect(document.querySelector('[data-testid="undo"]')).not.toBeNull());
    };
    const undone = async () => {
      click('undo');
      await vi.waitFor(() =>
        expect(document.querySelector('[data-testid="status-message"]')!.textContent).toBe(t('editorUndone')),
      );
    };

    await saveAliases(`${before}\nGreen Team`);
    await undone();
    expect(aliases()).toBe(before);

    await saveAliases(`${before}\nGreen Team`);
    typeNote('Half written.');
    await undone();
    expect(notes()!.value).toBe('Half written.');
    expect(aliases()).toBe(`${before}\nGreen Team`);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('keeps focus on the page, not its top: the row after Close or Esc, search after Undo, the other pager button', async () => {
    const key = currentKey();
    click('entry-close');
    expect((document.activeElement as HTMLElement).dataset.key).toBe(key);
    rows()[0]!.click();
    pressEscape();
    expect((document.activeElement as HTMLElement).dataset.key).toBe(key);

    // Deleted: the form closes; Undo brings the entry back, and its button goes with its message.
    rows()[0]!.click();
    click('entry-delete');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="undo"]')).not.toBeNull());
    const undo = document.querySelector<HTMLButtonElement>('[data-testid="undo"]')!;
    undo.focus();
    undo.click();
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('entry-search'));

    // The bundled pack has more than one page of entries: "next" to the last page, then back.
    const next = document.querySelector<HTMLButtonElement>('[data-testid="page-next"]')!;
    next.focus();
    next.click();
    expect(next.disabled).toBe(true);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('page-previous');
  });
});

// @vitest-environment jsdom
/**
 * A save that takes a while (a glossary of thousands of entries takes seconds to store): the
 * reader is told it is under way, a second press does not store it twice, and what they type
 * meanwhile is not replaced by the entry as stored.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/i18n';
import { storage } from 'wxt/utils/storage';
import { STORAGE_KEYS } from '../../../src/storage/keys';
import { readUserLayer } from '../../../src/storage/read-user-layer';
import { openEditor, recordScrolls } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
const field = (id: string) => document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
const status = () => byTestId('status-message').textContent;

function type(id: string, text: string): void {
  const control = field(id);
  control.focus();
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Holds every storage write until `release` is called; `layerWrites` counts those of the
 * reader's layer (one storage call each; the compiled glossary is written by others).
 */
function holdWrites() {
  const write = storage.setItems.bind(storage);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const spy = vi.spyOn(storage, 'setItems').mockImplementation(async (items) => {
    await held;
    return write(items);
  });
  const layerWrites = () =>
    spy.mock.calls.filter(([items]) => items.some((i) => 'item' in i && i.item.key === STORAGE_KEYS.userGlossary))
      .length;
  return { release, layerWrites };
}

/** The reader's layer as stored, as text. */
const stored = async () => JSON.stringify((await readUserLayer()).layer);

let scrolled: Element[];
beforeEach(() => {
  scrolled = recordScrolls();
});
afterEach(() => vi.restoreAllMocks());

async function openNvidia() {
  await openEditor('en');
  const search = byTestId<HTMLInputElement>('entry-search');
  search.value = 'Nvidia';
  search.dispatchEvent(new Event('input'));
  document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
  expect(document.getElementById('form-heading')?.textContent).toBe(t('editorFormEditHeading', 'Nvidia'));
}

describe('a save that takes a while', () => {
  it('keeps what the reader types while it is stored, as their unsaved change, where they were typing', async () => {
    await openNvidia();
    const { release } = holdWrites();
    type('field-notes-en', 'Saved first.');
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    // Still being stored: the reader goes on writing.
    await new Promise((resolve) => setTimeout(resolve, 20));
    type('field-aliases', `${field('field-aliases').value}\nGreen Team`);
    type('field-notes-zh-Hant', '儲存期間寫的。');
    field('field-notes-zh-Hant').setSelectionRange(2, 2);
    release();
    await vi.waitFor(() => expect(status()).toBe(t('editorSavedDraftKept', 'Nvidia')));
    expect(field('field-notes-en').value).toBe('Saved first.');
    expect(field('field-aliases').value.split('\n')).toContain('Green Team');
    expect(field('field-notes-zh-Hant').value).toBe('儲存期間寫的。');
    expect(document.activeElement).toBe(field('field-notes-zh-Hant'));
    expect(field('field-notes-zh-Hant').selectionStart).toBe(2);
    // Said under Save too, but the view stays on the field being written in.
    expect(byTestId('form-saved').textContent).toBe(t('editorSavedDraftKept', 'Nvidia'));
    expect(scrolled).not.toContain(byTestId('form-saved'));
    // Stored: the first text only. The rest waits for the reader's next Save.
    expect(await stored()).toContain('Saved first.');
    expect(await stored()).not.toContain('儲存期間寫的');
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(status()).toBe(t('editorSaved', 'Nvidia')));
    expect(await stored()).toContain('儲存期間寫的');
  });

  it('says it is saving when it takes long, and stores a second press of Save only once', async () => {
    await openNvidia();
    const { release, layerWrites } = holdWrites();
    type('field-notes-en', 'Saved once.');
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(status()).toBe(t('editorSaving')), { timeout: 2000 });
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    release();
    await vi.waitFor(() => expect(status()).toBe(t('editorSaved', 'Nvidia')));
    expect(layerWrites()).toBe(1);
  });

  it('leaves a reader who opened another entry meanwhile on that entry', async () => {
    await openNvidia();
    const { release } = holdWrites();
    type('field-notes-en', 'Saved, then left.');
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const search = byTestId<HTMLInputElement>('entry-search');
    search.value = 'Anthropic';
    search.dispatchEvent(new Event('input'));
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
    const heading = document.getElementById('form-heading')?.textContent;
    expect(heading).not.toBe(t('editorFormEditHeading', 'Nvidia'));
    release();
    await vi.waitFor(() => expect(status()).toBe(t('editorSaved', 'Nvidia')));
    expect(document.getElementById('form-heading')?.textContent).toBe(heading);
  });
});

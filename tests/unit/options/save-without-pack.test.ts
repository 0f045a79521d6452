// @vitest-environment jsdom
/**
 * Save never does nothing silently, nor fails for a reason that is not the reader's: with no
 * pack to hold the entry, or the entry deleted in another tab, the reader is told why.
 */
import { describe, expect, it, vi } from 'vitest';
import { deleteEntry } from '../../../src/glossary-store/layer-edits';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import { translator } from '../../../src/i18n';
import { userGlossaryItem } from '../../../src/storage/items';
import { emptyUserLayer } from '../../../src/storage/user-layer-schema';
import { entry, pack } from '../glossary-store/fixtures';
import { importThroughEditor, openEditor } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;

describe('saving with no pack to hold the entry', () => {
  it('says it did not save, and keeps the draft', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor('en');
    await importThroughEditor(JSON.stringify(pack('second-pack', [entry('second-entry')])));
    await vi.waitFor(() => expect(byTestId('pack-remove-second-pack')).not.toBeNull());
    byTestId('entry-new').click();
    const choice = byTestId<HTMLSelectElement>('field-packId');
    choice.value = 'second-pack';
    choice.dispatchEvent(new Event('change', { bubbles: true }));
    // The pack is removed (here, or in another tab) while the reader writes the entry.
    byTestId('pack-remove-second-pack').click();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="pack-remove-second-pack"]')).toBeNull());
    const term = document.getElementById('field-term') as HTMLInputElement;
    term.value = 'Quokka Robotics';
    term.dispatchEvent(new Event('input', { bubbles: true }));
    const note = document.getElementById('field-notes-en') as HTMLTextAreaElement;
    note.value = 'A robot maker.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorSaveNoPack')));
    expect(term.value).toBe('Quokka Robotics');
    expect(note.value).toBe('A robot maker.');
  });

  it('says the entry was deleted in another tab, instead of calling its own id taken', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor('en');
    document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
    const note = document.getElementById('field-notes-en') as HTMLTextAreaElement;
    note.value = 'A draft.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    // Another tab deletes the entry this form shows.
    const pack = bundledPacks()[0]!;
    const id = document
      .querySelector<HTMLElement>('button.entry-row[aria-current="true"]')!
      .dataset.key!.split('/')
      .pop()!;
    expect(pack.entries.some((e) => e.id === id)).toBe(true);
    await userGlossaryItem.setValue(deleteEntry(emptyUserLayer(), pack, id));
    await vi.waitFor(() => expect(document.querySelector(`button.entry-row[data-key$="${id}"]`)).toBeNull());
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorSaveDeleted')));
    expect(byTestId('form-refusal').textContent).toBe(t('editorSaveDeleted'));
    expect(document.querySelector('[aria-invalid="true"]')).toBeNull();
    expect(note.value).toBe('A draft.');
  });

  it('shows why under the Save button too, but leaves a field to correct to its own message and focus', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor('en');
    document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
    const term = document.getElementById('field-term') as HTMLInputElement;
    term.value = '';
    term.dispatchEvent(new Event('input', { bubbles: true }));
    Element.prototype.scrollIntoView = vi.fn();
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorFixErrors')));
    expect(document.activeElement).toBe(term);
    expect(byTestId('form-refusal').hidden).toBe(true);
    expect(Element.prototype.scrollIntoView).not.toHaveBeenCalled();
  });

  it('says at once, on New entry, that a pack must be switched on first, and opens no form', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor('zh-Hant');
    const box = document.querySelector<HTMLInputElement>('input[id^="pack-enabled-"]')!;
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.querySelectorAll('button.entry-row')).toHaveLength(0));
    // The empty list says why, not that nothing matches a search no one typed.
    expect(byTestId('entry-count').textContent).toBe(translator('zh-Hant')('editorResultsNoEntries'));
    byTestId('entry-new').click();
    expect(byTestId('status-message').textContent).toBe(translator('zh-Hant')('editorNewNoPack'));
    expect(document.querySelector('[data-testid="entry-form"]')).toBeNull();
    // The reader is taken to where a pack is switched on.
    expect(document.activeElement?.id).toBe(box.id);
  });

  it('puts a new entry in the first pack switched on, not in a pack switched off', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor('en');
    await importThroughEditor(JSON.stringify(pack('second-pack', [entry('second-entry')])));
    await vi.waitFor(() => expect(byTestId('pack-remove-second-pack')).not.toBeNull());
    const box = document.querySelector<HTMLInputElement>('input[id^="pack-enabled-"]')!;
    expect(box.id).not.toBe('pack-enabled-second-pack');
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toContain('off'));
    byTestId('entry-new').click();
    expect(byTestId<HTMLSelectElement>('field-packId').value).toBe('second-pack');
  });
});

// @vitest-environment jsdom
/**
 * Two editor tabs on one entry: a save that would take back what the other tab saved in a
 * field this form changed too asks first, naming the field; a second Save goes ahead.
 */
import { describe, expect, it, vi } from 'vitest';
import { saveEntry } from '../../../src/glossary-store/layer-edits';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import { translator } from '../../../src/i18n';
import { userGlossaryItem } from '../../../src/storage/items';
import { emptyUserLayer, type UserLayer } from '../../../src/storage/user-layer-schema';
import { openEditor } from './open-editor';

const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;

/** Opens the first entry of the list and returns the bundled entry it shows. */
function openFirstEntry() {
  document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
  const id = document
    .querySelector<HTMLElement>('button.entry-row[aria-current="true"]')!
    .dataset.key!.split('/')
    .pop()!;
  const pack = bundledPacks()[0]!;
  return { pack, entry: pack.entries.find((e) => e.id === id)! };
}

function write(id: string, value: string) {
  const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

const row = (id: string) => document.querySelector<HTMLElement>(`button.entry-row[data-key$="/${id}"]`)!;

/** Waits until the editor has another tab's change to entry `id` (its row then says it is edited). */
async function editorShowsEdited(id: string): Promise<void> {
  await vi.waitFor(() => expect(row(id).querySelector('.badge-edited')).not.toBeNull());
}

/** The English note of `id` as stored, bundled text included. */
async function storedNote(id: string): Promise<string | undefined> {
  const layer = (await userGlossaryItem.getValue()) as UserLayer;
  const edit = layer.overlays.flatMap((o) => o.edits).find((e) => e.id === id);
  return (edit?.patch.context as Record<string, string> | undefined)?.en;
}

describe('saving over another tab’s change', () => {
  it('asks before replacing a note another tab saved, and saves on the second press', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor('en');
    const t = translator('en');
    const { pack, entry } = openFirstEntry();
    write('field-notes-en', 'Written here.');
    // Another tab saves its own English note for the same entry.
    const theirs = { ...entry, context: { ...(entry.context as object), en: 'Written in another tab.' } };
    await userGlossaryItem.setValue(saveEntry(emptyUserLayer(), pack, theirs));
    await editorShowsEdited(entry.id);
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() =>
      expect(byTestId('status-message').textContent).toBe(t('editorSaveOverOtherTab', 'Note in English')),
    );
    // Also under the Save button, where the reader is.
    expect(byTestId('form-refusal').hidden).toBe(false);
    expect(byTestId('form-refusal').textContent).toBe(t('editorSaveOverOtherTab', 'Note in English'));
    // Nothing written yet, and the draft stays.
    expect(await storedNote(entry.id)).toBe('Written in another tab.');
    expect((document.getElementById('field-notes-en') as HTMLTextAreaElement).value).toBe('Written here.');
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(async () => expect(await storedNote(entry.id)).toBe('Written here.'));
    // Saved: the form opens again on what is stored, without the refusal.
    await vi.waitFor(() => expect(byTestId('form-refusal').hidden).toBe(true));
  });

  it('asks again if the other tab saves once more, and names every field, in the reader’s language', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor('zh-Hant');
    const t = translator('zh-Hant');
    const { pack, entry } = openFirstEntry();
    write('field-notes-en', 'Written here.');
    write('field-section', 'A section of my own');
    const theirs = { ...entry, context: { ...(entry.context as object), en: 'Theirs.' }, section: 'Their section' };
    await userGlossaryItem.setValue(saveEntry(emptyUserLayer(), pack, theirs));
    await editorShowsEdited(entry.id);
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    const both = new Intl.ListFormat('zh-Hant', { type: 'conjunction' }).format([
      t('editorFieldNoteIn', t('editorFieldNoteEn')),
      t('editorFieldSection'),
    ]);
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorSaveOverOtherTab', both)));
    // The other tab saves again before the reader's second press: the reader is told again.
    // (Its new Traditional Chinese name shows in the list once this editor has the change.)
    const again = {
      ...theirs,
      names: { ...entry.names, 'zh-Hant': '另一分頁改的名' },
      context: { ...(theirs.context as object), en: 'Theirs, again.' },
    };
    await userGlossaryItem.setValue(saveEntry(emptyUserLayer(), pack, again));
    await vi.waitFor(() => expect(row(entry.id).textContent).toContain('另一分頁改的名'));
    byTestId('status-message').textContent = '';
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorSaveOverOtherTab', both)));
    expect(await storedNote(entry.id)).toBe('Theirs, again.');
  });

  it('keeps a note another tab saved a moment before this form’s Save of another field', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor('en');
    const { pack, entry } = openFirstEntry();
    write('field-names-zh-Hans', '我的名称');
    const theirs = { ...entry, context: { ...(entry.context as object), en: 'Written in another tab.' } };
    // Stored, and Save pressed as this tab hears of it, before it has read it.
    await userGlossaryItem.setValue(saveEntry(emptyUserLayer(), pack, theirs));
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(async () => {
      const layer = (await userGlossaryItem.getValue()) as UserLayer;
      const edit = layer.overlays.flatMap((o) => o.edits).find((e) => e.id === entry.id);
      expect((edit?.patch.names as Record<string, string> | undefined)?.['zh-Hans']).toBe('我的名称');
    });
    expect(await storedNote(entry.id)).toBe('Written in another tab.');
  });
});

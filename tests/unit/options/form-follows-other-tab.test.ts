// @vitest-environment jsdom
/**
 * Another tab changes the entry this editor's form shows, which holds nothing unsaved: the
 * form shows the entry as it is stored now, and says so, where it used to keep the old text
 * until a Save asked whether to replace the other tab's change with it.
 */
import { describe, expect, it, vi } from 'vitest';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import { deleteEntry, saveEntry } from '../../../src/glossary-store/layer-edits';
import { displayName } from '../../../src/glossary/entry-names';
import type { Entry, Pack } from '../../../src/glossary/schema';
import { translator } from '../../../src/i18n';
import { userGlossaryItem } from '../../../src/storage/items';
import { emptyUserLayer } from '../../../src/storage/user-layer-schema';
import { openEditor } from './open-editor';

const t = translator('en');
const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
const field = (id: string) => document.getElementById(id) as HTMLTextAreaElement;

/** Opens Nvidia's entry; returns the bundled pack and the entry. */
async function openNvidia() {
  Element.prototype.scrollIntoView = vi.fn();
  await openEditor('en');
  document.querySelector<HTMLButtonElement>('button.entry-row[data-key$="/nvidia"]')!.click();
  const pack = bundledPacks()[0]!;
  return { pack, entry: pack.entries.find((e) => e.id === 'nvidia')! };
}

/** Another tab saves its own English note for `entry`. */
const noteFromAnotherTab = (pack: Pack, entry: Entry) =>
  userGlossaryItem.setValue(
    saveEntry(emptyUserLayer(), pack, {
      ...entry,
      context: { ...(entry.context as object), en: 'Written in another tab.' },
    }),
  );

describe('a form whose entry another tab changes', () => {
  it('shows the entry as stored now, says so, and leaves focus where the reader was', async () => {
    const { pack, entry } = await openNvidia();
    field('field-section').focus();
    await noteFromAnotherTab(pack, entry);
    await vi.waitFor(() => expect(field('field-notes-en').value).toBe('Written in another tab.'));
    expect(byTestId('status-message').textContent).toBe(t('editorEntryChangedElsewhere', displayName(entry, 'en')));
    expect(document.activeElement?.id).toBe('field-section');
  });

  it('keeps what the reader is writing, as before', async () => {
    const { pack, entry } = await openNvidia();
    field('field-section').value = '';
    field('field-notes-en').value = 'Written here.';
    field('field-notes-en').dispatchEvent(new Event('input', { bubbles: true }));
    const theirs = {
      ...entry,
      section: undefined,
      context: { ...(entry.context as object), en: 'Written in another tab.' },
    };
    await userGlossaryItem.setValue(saveEntry(emptyUserLayer(), pack, theirs));
    await vi.waitFor(() =>
      expect(document.querySelector('button.entry-row[data-key$="/nvidia"] .badge-edited')).not.toBeNull(),
    );
    expect(field('field-notes-en').value).toBe('Written here.');
    expect(byTestId('status-message').textContent).not.toBe(t('editorEntryChangedElsewhere', displayName(entry, 'en')));
  });

  it('shows an entry another tab deleted as deleted, says so, and moves focus from its disabled field to Restore', async () => {
    const { pack, entry } = await openNvidia();
    field('field-section').focus();
    await userGlossaryItem.setValue(deleteEntry(emptyUserLayer(), pack, entry.id));
    await vi.waitFor(() =>
      expect(document.getElementById('form-heading')!.textContent).toBe(
        t('editorFormDeletedHeading', displayName(entry, 'en')),
      ),
    );
    expect(byTestId('status-message').textContent).toBe(t('editorEntryDeletedElsewhere', displayName(entry, 'en')));
    expect(document.activeElement).toBe(byTestId('entry-reset'));
  });

  it('shows an entry another tab restored as restored, and says it was restored', async () => {
    const { pack, entry } = await openNvidia();
    await userGlossaryItem.setValue(deleteEntry(emptyUserLayer(), pack, entry.id));
    await vi.waitFor(() =>
      expect(document.getElementById('form-heading')!.textContent).toBe(
        t('editorFormDeletedHeading', displayName(entry, 'en')),
      ),
    );
    await userGlossaryItem.setValue(emptyUserLayer());
    await vi.waitFor(() =>
      expect(byTestId('status-message').textContent).toBe(t('editorEntryRestoredElsewhere', displayName(entry, 'en'))),
    );
    expect(document.getElementById('form-heading')!.textContent).not.toBe(
      t('editorFormDeletedHeading', displayName(entry, 'en')),
    );
    expect(field('field-section').disabled).toBe(false);
  });

  it('keeps focus on a button of the form, found again by what it is', async () => {
    const { pack, entry } = await openNvidia();
    byTestId('entry-close').focus();
    await noteFromAnotherTab(pack, entry);
    await vi.waitFor(() => expect(field('field-notes-en').value).toBe('Written in another tab.'));
    expect(document.activeElement).toBe(byTestId('entry-close'));
  });

  it('lets a Delete pressed as another tab’s change arrives close the form, as a Delete does', async () => {
    const { pack, entry } = await openNvidia();
    await noteFromAnotherTab(pack, entry);
    byTestId('entry-delete').click();
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorDeleted', 'Nvidia')));
    expect(document.getElementById('form-heading')!.textContent).toBe(t('editorFormEmptyHeading'));
  });

  it('shows an entry another tab deleted as a Save with nothing unsaved is pressed, rather than refusing it', async () => {
    const { pack, entry } = await openNvidia();
    await userGlossaryItem.setValue(deleteEntry(emptyUserLayer(), pack, entry.id));
    (byTestId('entry-form') as HTMLFormElement).requestSubmit();
    await vi.waitFor(() =>
      expect(document.getElementById('form-heading')!.textContent).toBe(
        t('editorFormDeletedHeading', displayName(entry, 'en')),
      ),
    );
    expect(byTestId('status-message').textContent).toBe(t('editorEntryDeletedElsewhere', displayName(entry, 'en')));
  });
});

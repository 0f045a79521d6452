// @vitest-environment jsdom
/**
 * A change that changes nothing is no undo step: Save pressed again, or Import pressed again
 * while the first press is still being stored, must leave one Undo that takes the change back.
 */
import { describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/i18n';
import { userGlossaryItem } from '../../../src/storage/items';
import { entry, pack } from '../glossary-store/fixtures';
import { chooseImportFile, importThroughEditor, openEditor } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement = HTMLButtonElement>(id: string) =>
  document.querySelector<T>(`[data-testid="${id}"]`);
const status = () => byTestId('status-message')!.textContent;
const stored = async () => JSON.stringify(await userGlossaryItem.getValue());

describe('no undo step for a change that changes nothing', { timeout: 30_000 }, () => {
  it('takes an edit back with one Undo after Save was pressed twice', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor();
    document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
    const note = () => document.getElementById('field-notes-en') as HTMLTextAreaElement;
    await vi.waitFor(() => expect(note()).not.toBeNull());
    const before = note().value;
    note().value = 'My own note.';
    note().dispatchEvent(new Event('input', { bubbles: true }));
    for (let press = 0; press < 2; press++) {
      byTestId('entry-save')!.click();
      await vi.waitFor(() => expect(status()).toMatch(/^Saved/));
      await vi.waitFor(async () => expect(await stored()).toContain('My own note.'));
      byTestId('status-message')!.textContent = '';
    }
    byTestId('undo')!.click();
    await vi.waitFor(() => expect(status()).toBe(t('editorUndone')));
    expect(await stored()).not.toContain('My own note.');
    await vi.waitFor(() => expect(note().value).toBe(before));
  });

  it('offers no Undo after a Save that changed nothing when the last change was another entry’s', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor();
    const rows = () => [...document.querySelectorAll<HTMLButtonElement>('button.entry-row')];
    rows()[0]!.click();
    byTestId('entry-delete')!.click();
    await vi.waitFor(() => expect(byTestId('undo')).not.toBeNull());
    const afterDelete = await stored();
    // Another entry, opened and saved as it is.
    rows()[1]!.click();
    byTestId('entry-save')!.click();
    await vi.waitFor(() => expect(status()).toMatch(/^Saved/));
    expect(byTestId('undo')).toBeNull();
    expect(await stored()).toBe(afterDelete);
  });

  it('offers no Undo after importing a pack again as it is when the last change was something else', async () => {
    await openEditor();
    await importThroughEditor(JSON.stringify(pack('imported-a', [entry('imported-a-entry')])));
    await vi.waitFor(() => expect(status()).toBe(t('editorImportDone', 'Pack imported-a')), 10_000);
    // Then an entry is deleted, and the same file imported again.
    document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
    byTestId('entry-delete')!.click();
    await vi.waitFor(() => expect(status()).toMatch(/deleted/i));
    const afterDelete = await stored();
    await importThroughEditor(JSON.stringify(pack('imported-a', [entry('imported-a-entry')])));
    await vi.waitFor(() => expect(status()).toBe(t('editorImportDone', 'Pack imported-a')), 10_000);
    expect(byTestId('undo')).toBeNull();
    expect(await stored()).toBe(afterDelete);
  });

  it('shows an import busy, its buttons disabled, while it is stored; one Undo takes it back', async () => {
    await openEditor();
    chooseImportFile(JSON.stringify(pack('imported-a', [entry('imported-a-entry')])));
    await vi.waitFor(() => expect(byTestId('import-confirm')).not.toBeNull());
    const confirm = byTestId('import-confirm')!;
    confirm.click();
    expect(confirm.disabled).toBe(true);
    expect(byTestId('import-cancel')!.disabled).toBe(true);
    expect(byTestId('import-preview')!.getAttribute('aria-busy')).toBe('true');
    expect(status()).toBe(t('editorImporting', 'Pack imported-a'));
    confirm.click(); // a second press while it is stored does nothing
    await vi.waitFor(() => expect(status()).toBe(t('editorImportDone', 'Pack imported-a')), 10_000);
    expect(byTestId('import-preview')!.hasAttribute('aria-busy')).toBe(false);
    // Importing the same file again stores nothing, and adds no step.
    chooseImportFile(JSON.stringify(pack('imported-a', [entry('imported-a-entry')])));
    await vi.waitFor(() => expect(byTestId('import-confirm')).not.toBeNull());
    byTestId('import-confirm')!.click();
    await vi.waitFor(() => expect(byTestId('import-confirm')).toBeNull(), 10_000);
    byTestId('undo')!.click();
    await vi.waitFor(() => expect(status()).toBe(t('editorUndone')));
    expect(byTestId('pack-remove-imported-a')).toBeNull();
    expect(await stored()).not.toContain('imported-a');
  });
});

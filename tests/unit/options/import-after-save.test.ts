// @vitest-environment jsdom
/**
 * An import confirmed while another change is still being stored goes on top of that change:
 * planned when its preview was drawn, it used to store the layer of that moment over the
 * change saved meanwhile, which was lost while "Saved" had been announced.
 */
import { describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/i18n';
import { readUserLayer } from '../../../src/storage/read-user-layer';
import { entry, pack } from '../glossary-store/fixtures';
import { chooseImportFile, openEditor } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement = HTMLButtonElement>(id: string) =>
  document.querySelector<T>(`[data-testid="${id}"]`);
const status = () => byTestId('status-message')!.textContent;
const stored = async () => JSON.stringify((await readUserLayer()).layer);

describe('an import confirmed while a save is stored', { timeout: 30_000 }, () => {
  it('keeps the saved edit and adds the imported pack', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor();
    chooseImportFile(JSON.stringify(pack('imported-a', [entry('imported-a-entry')])));
    await vi.waitFor(() => expect(byTestId('import-confirm')).not.toBeNull());
    document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
    const note = () => document.getElementById('field-notes-en') as HTMLTextAreaElement;
    await vi.waitFor(() => expect(note()).not.toBeNull());
    note().value = 'My own note.';
    note().dispatchEvent(new Event('input', { bubbles: true }));
    byTestId('entry-save')!.click();
    // At once, while the save is being stored.
    byTestId('import-confirm')!.click();
    await vi.waitFor(() => expect(status()).toBe(t('editorImportDone', 'Pack imported-a')), 10_000);
    const layer = await stored();
    expect(layer).toContain('imported-a-entry');
    expect(layer).toContain('My own note.');
    // Each change is its own step: Undo takes back the import and leaves the edit.
    byTestId('undo')!.click();
    await vi.waitFor(() => expect(status()).toBe(t('editorUndone')));
    expect(await stored()).not.toContain('imported-a-entry');
    expect(await stored()).toContain('My own note.');
  });
});

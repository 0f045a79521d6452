// @vitest-environment jsdom
/**
 * Keyboard focus after the import panel's and the pack list's buttons take themselves away:
 * it goes on to a sensible control, never back to the page's top (<body>).
 */
import { describe, expect, it, vi } from 'vitest';
import { entry, pack } from '../glossary-store/fixtures';
import { chooseImportFile, importThroughEditor, openEditor } from './open-editor';

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const packFile = (id: string) => JSON.stringify(pack(id, [entry(`${id}-entry`)]));

/** Presses `button` as a keyboard user does: focused first. */
function press(button: HTMLElement | null): void {
  button!.focus();
  button!.click();
}

async function importPack(id: string): Promise<void> {
  await importThroughEditor(packFile(id));
  await vi.waitFor(
    () =>
      expect(
        byTestId(`pack-remove-${id}`),
        [
          byTestId('status-message')!.textContent,
          byTestId('import-error')!.textContent,
          byTestId('import-preview')!.textContent,
        ].join(' | '),
      ).not.toBeNull(),
    10_000,
  );
}

// Each test imports packs through the editor and waits on storage: slow on a loaded machine.
describe('focus in the import panel and the pack list', { timeout: 30_000 }, () => {
  it('goes back to the file field when an import is cancelled', async () => {
    await openEditor();
    chooseImportFile(packFile('imported-a'));
    await vi.waitFor(() => expect(byTestId('import-cancel')).not.toBeNull());
    press(byTestId('import-cancel'));
    expect(byTestId('import-preview')!.hidden).toBe(true);
    expect(document.activeElement).toBe(document.getElementById('glossary-import'));
  });

  it('goes to the status line’s Undo when an import is confirmed', async () => {
    await openEditor();
    chooseImportFile(packFile('imported-a'));
    await vi.waitFor(() => expect(byTestId('import-confirm')).not.toBeNull());
    press(byTestId('import-confirm'));
    await vi.waitFor(() => expect(document.activeElement).toBe(byTestId('undo')), 10_000);
    expect(byTestId('pack-remove-imported-a')).not.toBeNull();
  });

  it('goes on to the next pack when a pack is removed, else to the one before', async () => {
    await openEditor();
    await importPack('imported-a');
    await importPack('imported-b');
    const rows = () => [...byTestId('pack-list')!.children];
    const indexOf = (id: string) => rows().findIndex((row) => row.querySelector(`[data-testid="pack-remove-${id}"]`));
    const first = indexOf('imported-a');
    expect(indexOf('imported-b')).toBe(first + 1);
    expect(first).toBe(rows().length - 2);

    press(byTestId('pack-remove-imported-a'));
    await vi.waitFor(() => expect(document.activeElement).toBe(byTestId('pack-remove-imported-b')), 10_000);
    expect(byTestId('pack-remove-imported-a')).toBeNull();

    press(byTestId('pack-remove-imported-b'));
    // The last pack gone: the one before it, a bundled pack, has only its switch.
    await vi.waitFor(() => expect(document.activeElement).toBe(rows()[first - 1]!.querySelector('input')), 10_000);
    expect(byTestId('pack-remove-imported-b')).toBeNull();
  });

  it('keeps the next file’s preview when the import before it finishes saving after that file was chosen', async () => {
    await openEditor();
    chooseImportFile(packFile('imported-a'));
    await vi.waitFor(() => expect(byTestId('import-confirm')).not.toBeNull());
    press(byTestId('import-confirm'));
    // Chosen at once, while the first import is still being stored and compiled.
    chooseImportFile(packFile('imported-b'));
    const shownConfirm = '[data-testid="import-preview"]:not([hidden]) [data-testid="import-confirm"]';
    await vi.waitFor(() => expect(document.querySelector(shownConfirm)).not.toBeNull(), 10_000);
    await vi.waitFor(() => expect(byTestId('status-message')!.textContent).toContain('imported-a'), 10_000);
    // The first import done, the second file's preview is still there, and still in charge of focus.
    expect(byTestId('import-preview')!.hidden).toBe(false);
    expect(byTestId('import-preview')!.textContent).toContain('imported-b');
    expect(document.activeElement).not.toBe(byTestId('undo'));
    press(document.querySelector<HTMLElement>(shownConfirm));
    await vi.waitFor(() => expect(byTestId('pack-remove-imported-b')).not.toBeNull(), 10_000);
    expect(byTestId('pack-remove-imported-a')).not.toBeNull();
  });

  it('ties a refused file’s message to the file field, and unties it when a good file follows', async () => {
    await openEditor();
    const field = document.getElementById('glossary-import')!;
    chooseImportFile('{ not json');
    await vi.waitFor(() => expect(byTestId('import-error')!.textContent).not.toBe(''));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // Described by the chosen file (none, now) and the message.
    const descriptions = () =>
      field
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => document.getElementById(id)!.textContent);
    expect(descriptions()).toEqual(['No file chosen', byTestId('import-error')!.textContent]);
    chooseImportFile(packFile('imported-a'), 'my-pack.json');
    await vi.waitFor(() => expect(byTestId('import-confirm')).not.toBeNull());
    expect(field.hasAttribute('aria-invalid')).toBe(false);
    expect(descriptions()).toEqual(['my-pack.json']);
  });

  it('stays on a pack’s Remove button when the pack list is drawn again', async () => {
    await openEditor();
    await importPack('imported-a');
    await importPack('imported-b');
    byTestId('pack-remove-imported-b')!.focus();
    // Switching the other pack off redraws the list, as a change from another tab does.
    byTestId('pack-enabled-imported-a')!.click();
    await vi.waitFor(() => expect(byTestId('pack-remove-imported-b')!.isConnected).toBe(true));
    await vi.waitFor(
      () => expect((byTestId('pack-enabled-imported-a') as HTMLInputElement).checked).toBe(false),
      10_000,
    );
    expect(document.activeElement).toBe(byTestId('pack-remove-imported-b'));
  });
});

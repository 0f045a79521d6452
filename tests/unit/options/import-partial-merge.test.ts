// @vitest-environment jsdom
/**
 * A file of a few entries of an installed pack, shared to update them: its entries may name as
 * related the entries of that pack it leaves out. Merged, it updates those entries and keeps
 * the rest; it cannot replace the pack, which would keep none of them, and says so, the
 * glossary left as it was. A file of a pack not installed must hold every entry it names.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/i18n';
import { userGlossaryItem } from '../../../src/storage/items';
import { chooseImportFile, openEditor } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
const bundled = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../glossary/ai-rush-china.json'), 'utf8'));
const nvidia = bundled.entries.find((e: { id: string }) => e.id === 'nvidia');

/** The bundled pack with only Nvidia's entry, its note changed, its related entries as they are. */
function nvidiaUpdate(id = bundled.id as string) {
  expect(nvidia.related?.length).toBeGreaterThan(0); // the scenario: it names entries left out
  const entry = { ...nvidia, context: { ...nvidia.context, en: 'Updated by a colleague.' } };
  return JSON.stringify({ ...bundled, id, entries: [entry] });
}

const chooseMode = (mode: 'merge' | 'replace') => {
  const radio = byTestId<HTMLInputElement>(`import-mode-${mode}`);
  radio.checked = true;
  radio.dispatchEvent(new Event('change', { bubbles: true }));
};
const shownPreview = () => document.querySelector('[data-testid="import-preview"]:not([hidden])');

describe('a file that updates a few entries of an installed pack', () => {
  it('merges into it, updating them and keeping the rest', async () => {
    await openEditor('en');
    chooseImportFile(nvidiaUpdate(), 'nvidia.json');
    await vi.waitFor(() => expect(shownPreview()).not.toBeNull());
    expect(byTestId('import-error').textContent).toBe('');
    shownPreview()!.querySelector<HTMLButtonElement>('[data-testid="import-confirm"]')!.click();
    await vi.waitFor(async () =>
      expect(JSON.stringify(await userGlossaryItem.getValue())).toContain('Updated by a colleague.'),
    );
    // Every other entry still there.
    expect(byTestId('entry-count').textContent).toBe(`Entries 1–50 of ${bundled.entries.length}`);
  });

  it('cannot replace it, and says why, leaving the glossary as it was until Merge is chosen', async () => {
    await openEditor('en');
    chooseMode('replace');
    chooseImportFile(nvidiaUpdate(), 'nvidia.json');
    const error = () => byTestId('import-error').textContent ?? '';
    await vi.waitFor(() => expect(error()).toContain(t('editorImportReplaceIncomplete', 'nvidia.json')));
    expect(error()).toContain(`"${nvidia.related[0]}"`);
    expect(shownPreview()).toBeNull();
    expect(await userGlossaryItem.getValue()).toBeNull();
    chooseMode('merge');
    expect(shownPreview()).not.toBeNull();
    expect(error()).toBe('');
  });

  it('refuses a pack not installed whose entries name entries it does not hold, as before', async () => {
    await openEditor('en');
    chooseImportFile(nvidiaUpdate('a-colleagues-pack'), 'colleague.json');
    await vi.waitFor(() => expect(byTestId('import-error').textContent).toContain('colleague.json'));
    expect(byTestId('import-error').textContent).toContain(`"${nvidia.related[0]}"`);
    expect(shownPreview()).toBeNull();
  });
});

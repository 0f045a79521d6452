// @vitest-environment jsdom
/**
 * The import preview in the reader's language: counts written the language's way ("1,200"),
 * and the entries listed by the name readers of that language know them by.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { translate } from '../../../src/i18n/translate';
import { displayName } from '../../../src/glossary/entry-names';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import { deleteEntry } from '../../../src/glossary-store/layer-edits';
import { userGlossaryItem } from '../../../src/storage/items';
import { emptyUserLayer } from '../../../src/storage/user-layer-schema';
import { entry, pack } from '../glossary-store/fixtures';
import { chooseImportFile, openEditor, recordScrolls } from './open-editor';

/** A pack of `count` new entries; the first has a name for English and Simplified Chinese readers. */
function bigPack(count: number) {
  const entries = Array.from({ length: count }, (_, i) =>
    entry(`e-${i}`, i === 0 ? { term: '甲公司', names: { en: 'Jia Corp', 'zh-Hans': '甲公司简' } } : {}),
  );
  return pack('imported-big', entries);
}

async function previewIn(language: ReaderLanguage, file: string) {
  await openEditor(language);
  chooseImportFile(file, 'big.json');
  await vi.waitFor(() => expect(document.querySelector('[data-testid="import-counts"]')).not.toBeNull());
  const preview = document.querySelector<HTMLElement>('[data-testid="import-preview"]')!;
  return {
    counts: preview.querySelector('[data-testid="import-counts"]')!.textContent,
    added: preview.querySelector('p:nth-of-type(3)')?.textContent ?? '',
  };
}

describe('the import preview', () => {
  const file = JSON.stringify(bigPack(1_200));

  it.each<[ReaderLanguage, string]>([
    ['en', 'Jia Corp'],
    ['zh-Hans', '甲公司简'],
    ['zh-Hant', '甲公司'],
  ])('counts and names the entries the way of %s', async (language, firstName) => {
    const { counts, added } = await previewIn(language, file);
    expect(counts).toBe(translate(language, 'editorImportCounts', 1_200, 0, 0, 0));
    expect(counts).toContain('1,200');
    const label = translate(language, 'editorLabelled', translate(language, 'editorImportAddedList'));
    expect(added.startsWith(`${label}${firstName} · Term e-1 · Term e-2`)).toBe(true);
    expect(added.endsWith(translate(language, 'editorImportMore', 1_188))).toBe(true);
    expect(added).toContain('1,188');
  });

  it('says before the import which entries another pack hides and which names stay another entry’s', async () => {
    await openEditor('en');
    const file = JSON.stringify(
      pack('mine', [
        // The bundled pack's id: its entry comes first, this one is hidden.
        entry('nvidia', { term: 'My Nvidia notes', aliases: ['My Nvidia'] }),
        // One of its names is a name of the bundled Nvidia, in another script.
        entry('quokka', { term: 'Quokka Robotics', aliases: ['英伟达', 'Quokka'] }),
        entry('wombat', { term: 'Wombat Labs', aliases: ['Wombat'] }),
      ]),
    );
    chooseImportFile(file, 'mine.json');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-counts"]')).not.toBeNull());
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect(text('import-hidden')).toBe(
      `${translate('en', 'editorLabelled', translate('en', 'editorImportHiddenList'))}My Nvidia notes`,
    );
    const label = translate('en', 'editorLabelled', translate('en', 'editorImportSharedNames'));
    expect(text('import-shared-names')).toBe(`${label}英伟达 (also “Nvidia”)`);
  });

  it('calls the owner of a shared name by something else than that name, or by its pack', async () => {
    await openEditor('en');
    // Nvidia is the bundled entry's name for English readers: the preview names its pack, not
    // its term 輝達, a word an English reader may not know.
    // Wombat is the whole of another imported pack's entry: the preview names that pack.
    chooseImportFile(JSON.stringify(pack('zoo', [entry('wombat', { term: 'Wombat', aliases: [] })])), 'zoo.json');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-confirm"]')).not.toBeNull());
    document.querySelector<HTMLButtonElement>('[data-testid="import-confirm"]')!.click();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="pack-remove-zoo"]')).not.toBeNull());
    const file = pack('mine', [entry('marsupial', { term: 'Marsupial Labs', aliases: ['Nvidia', 'Wombat'] })]);
    chooseImportFile(JSON.stringify(file), 'mine.json');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-shared-names"]')).not.toBeNull());
    const label = translate('en', 'editorLabelled', translate('en', 'editorImportSharedNames'));
    expect(document.querySelector('[data-testid="import-shared-names"]')!.textContent).toBe(
      `${label}${translate('en', 'editorImportSharedNameInPack', 'Nvidia', "The AI rush and China's fear")} · ${translate('en', 'editorImportSharedNameInPack', 'Wombat', 'Pack zoo')}`,
    );
  });

  it('brings the preview, or why the file was refused, into view below the file field', async () => {
    const scrolled = recordScrolls();
    await openEditor('en');
    chooseImportFile(JSON.stringify(pack('zoo', [entry('wombat')])), 'zoo.json');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-confirm"]')).not.toBeNull());
    expect(scrolled).toContain(document.querySelector('[data-testid="import-preview"]'));
    chooseImportFile('not json', 'broken.json');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-error"]')?.textContent).not.toBe(''));
    expect(scrolled.at(-1)).toBe(document.querySelector('[data-testid="import-error"]'));
  });

  it('names apart the entries the reader deleted that the file brings back', async () => {
    const bundled = bundledPacks()[0]!;
    const tencent = bundled.entries.find((e) => e.id === 'tencent')!;
    await openEditor('zh-Hant');
    await userGlossaryItem.setValue(deleteEntry(emptyUserLayer(), bundled, 'tencent'));
    await vi.waitFor(() => expect(document.querySelector('button.entry-row[data-key$="/tencent"]')).toBeNull());
    // (Its related entries left out: a pack file names only its own entries there.)
    const file = pack(bundled.id, [{ ...tencent, related: undefined }, entry('quokka', { term: 'Quokka Robotics' })]);
    chooseImportFile(JSON.stringify(file), 'update.json');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-counts"]')).not.toBeNull());
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent;
    const label = (key: 'editorImportRestoredList') =>
      translate('zh-Hant', 'editorLabelled', translate('zh-Hant', key));
    expect(text('import-restored')).toBe(`${label('editorImportRestoredList')}${displayName(tencent, 'zh-Hant')}`);
    // Both are counted as added, and the entries that name it as related get their link back;
    // only the new one is listed as new.
    const relating = bundled.entries.filter((e) => e.related?.includes('tencent')).length;
    expect(relating).toBeGreaterThan(0);
    const counts = translate('zh-Hant', 'editorImportCounts', 2, relating, bundled.entries.length - 1 - relating, 0);
    expect(text('import-counts')).toBe(counts);
    const added = translate('zh-Hant', 'editorLabelled', translate('zh-Hant', 'editorImportAddedList'));
    const addedLine = [...document.querySelectorAll('[data-testid="import-preview"] p')].find((p) =>
      p.textContent?.startsWith(added),
    );
    expect(addedLine?.textContent).toBe(`${added}Quokka Robotics`);
  });

  it('says nothing of the kind for a pack whose ids and names are its own', async () => {
    await openEditor('en');
    chooseImportFile(JSON.stringify(pack('own', [entry('wombat', { term: 'Wombat Labs', aliases: ['Wombat'] })])));
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-counts"]')).not.toBeNull());
    expect(document.querySelector('[data-testid="import-hidden"], [data-testid="import-shared-names"]')).toBeNull();
  });
});

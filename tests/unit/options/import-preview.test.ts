// @vitest-environment jsdom
/**
 * The import preview in the reader's language: counts written the language's way ("1,200"),
 * and the entries listed by the name readers of that language know them by.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { translate } from '../../../src/i18n/translate';
import { entry, pack } from '../glossary-store/fixtures';
import { chooseImportFile, openEditor } from './open-editor';

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
});

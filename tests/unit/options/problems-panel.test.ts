// @vitest-environment jsdom
/**
 * What does not apply at the moment, said in the editor's language: the pack by its title and
 * the entry by its name where they still exist, by their ids where they do not.
 */
import { describe, expect, it, vi } from 'vitest';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import { activeEntries, mergeGlossary, sourcePacks, type MergeProblem } from '../../../src/glossary-store/merge';
import { emptyUserLayer, type UserLayer } from '../../../src/storage/user-layer-schema';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { translator } from '../../../src/i18n/translate';
import { describeProblem } from '../../../src/options/problems-panel';
import { entry, pack } from '../glossary-store/fixtures';
import { importThroughEditor, openEditor } from './open-editor';

const bundled = bundledPacks()[0]!;
const nvidia = bundled.entries.find((e) => e.id === 'nvidia')!;
const merged = mergeGlossary(sourcePacks([bundled], emptyUserLayer()), emptyUserLayer());

describe('describeProblem', () => {
  it.each<[ReaderLanguage, string, string]>([
    ['en', bundled.title, nvidia.names?.en ?? nvidia.term],
    ['zh-Hant', bundled.titles?.['zh-Hant'] ?? bundled.title, nvidia.names?.['zh-Hant'] ?? nvidia.term],
    ['zh-Hans', bundled.titles?.['zh-Hans'] ?? bundled.title, nvidia.names?.['zh-Hans'] ?? nvidia.term],
  ])('names the pack and the entry the way of %s', (language, title, name) => {
    const t = translator(language);
    const problems: MergeProblem[] = [
      { kind: 'edit-invalid', packId: bundled.id, entryId: 'nvidia', detail: 'too short' },
      { kind: 'entry-gone', packId: bundled.id, entryId: 'gone-entry' },
      { kind: 'pack-missing', packId: 'uninstalled-pack' },
      { kind: 'shadowed', packId: 'uninstalled-pack', entryId: 'nvidia', by: bundled.id },
    ];
    const [invalid, gone, missing, shadowed] = problems.map((p) => describeProblem(p, merged, t));
    expect(invalid).toBe(t('editorProblemEditInvalid', name, title, 'too short'));
    expect(invalid).toContain(name);
    expect(invalid).toContain(title);
    // The entry is gone from the pack: its id is all there is to name it by.
    expect(gone).toBe(t('editorProblemEntryGone', 'gone-entry', title));
    expect(missing).toBe(t('editorProblemPackMissing', 'uninstalled-pack'));
    expect(shadowed).toBe(t('editorProblemShadowed', 'nvidia', 'uninstalled-pack', title));
    for (const text of [invalid, gone, missing, shadowed]) expect(text).not.toContain('$');
  });

  it('names an entry as the reader edited it', () => {
    const extra = pack('extra', [entry('nvidia', { term: 'Imported Nvidia' })]);
    const layer: UserLayer = {
      overlays: [
        {
          packId: 'extra',
          enabled: true,
          added: [],
          removed: [],
          edits: [{ id: 'nvidia', patch: { term: 'My Nvidia' } }],
        },
      ],
      userPacks: [extra],
    };
    const edited = mergeGlossary(sourcePacks([bundled], layer), layer);
    const { shadowed } = activeEntries(edited);
    const t = translator('en');
    expect(shadowed.map((p) => describeProblem(p, edited, t))).toEqual([
      t('editorProblemShadowed', 'My Nvidia', 'Pack extra', bundled.title),
    ]);
  });
});

describe('the problems panel', () => {
  it('says when an imported entry is hidden by a bundled entry of the same id', async () => {
    await openEditor('en');
    const panel = document.querySelector<HTMLElement>('[data-testid="merge-problems"]')!;
    expect(panel.hidden).toBe(true);
    await importThroughEditor(
      JSON.stringify(pack('my-notes', [entry('nvidia', { term: 'My Nvidia' }), entry('mine')])),
    );
    await vi.waitFor(() => expect(panel.hidden).toBe(false));
    expect([...panel.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      `“My Nvidia” in “Pack my-notes” is hidden by the entry with the same id in “${bundled.title}”.`,
    ]);
  });
});

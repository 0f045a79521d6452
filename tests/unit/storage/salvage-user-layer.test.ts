import { describe, expect, it } from 'vitest';
import { inEnglish, writePackText } from '../../../src/glossary/pack-text';
import { translator } from '../../../src/i18n';
import { salvageUserLayer } from '../../../src/storage/salvage-user-layer';
import { emptyUserLayer, type UserLayer } from '../../../src/storage/user-layer-schema';
import { entry, pack } from '../glossary-store/fixtures';

const valid: UserLayer = {
  overlays: [
    {
      packId: 'bundled',
      enabled: false,
      added: [entry('moonshot')],
      edits: [{ id: 'nvidia', patch: { term: 'NVIDIA' } }],
      removed: ['huawei'],
    },
  ],
  userPacks: [pack('extra', [entry('smic')])],
};

/** The salvage of `raw`, its problems in English, as the quarantine keeps them. */
function salvagedInEnglish(raw: unknown): { layer: UserLayer; problems: string[] } {
  const { layer, problems } = salvageUserLayer(raw);
  return { layer, problems: problems.map(inEnglish) };
}

describe('salvageUserLayer', () => {
  it('reads nothing stored as the empty layer, without problems', () => {
    expect(salvageUserLayer(undefined)).toEqual({ layer: emptyUserLayer(), problems: [] });
    expect(salvageUserLayer(null)).toEqual({ layer: emptyUserLayer(), problems: [] });
  });

  it('returns a valid layer unchanged', () => {
    expect(salvageUserLayer(structuredClone(valid))).toEqual({ layer: valid, problems: [] });
  });

  it('keeps every valid part of a damaged layer and names each dropped part', () => {
    const damaged = structuredClone(valid) as unknown as { overlays: Record<string, unknown>[]; userPacks: unknown[] };
    (damaged.overlays[0]!.added as unknown[]).push({ id: 'Bad Id', term: 'x' });
    (damaged.overlays[0]!.removed as unknown[]).push(42);
    damaged.overlays.push({ packId: '../etc' });
    damaged.userPacks.push({ schemaVersion: 2 });
    const { layer, problems } = salvagedInEnglish(damaged);
    expect(layer).toEqual(valid);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^overlays\[0\]\.added\[1\]: /);
    expect(problems[1]).toMatch(/^overlays\[0\]\.removed\[1\]: /);
    expect(problems[2]).toMatch(/^overlays\[1\]\.packId: /);
    expect(problems[3]).toMatch(/^userPacks\[1\]: /);
  });

  it('names each dropped part in the editor’s language too, the places kept as stored', () => {
    const damaged = structuredClone(valid) as unknown as { overlays: Record<string, unknown>[]; userPacks: unknown[] };
    (damaged.overlays[0]!.removed as unknown[]).push(42);
    damaged.overlays[0]!.colour = 'red';
    damaged.overlays.push({ packId: 'other', enabled: 'yes' });
    damaged.overlays.push({ ...structuredClone(valid.overlays[0]) });
    const { problems: problemTexts } = salvageUserLayer(damaged);
    expect(problemTexts.map(inEnglish)).toEqual([
      'overlays[0]: unknown field "colour"',
      'overlays[0].removed[1]: must be a string (got number)',
      'overlays[1].enabled: must be a boolean (got string)',
      'overlays: "bundled" appears twice; the first one is kept',
    ]);
    const hant = problemTexts.map((text) => writePackText(translator('zh-Hant'), text));
    expect(hant).toEqual([
      'overlays[0]：不明欄位「colour」',
      expect.stringMatching(/^overlays\[0\]\.removed\[1\]：應為/),
      expect.stringMatching(/^overlays\[1\]\.enabled：應為true 或 false/),
      'overlays：「bundled」出現兩次，保留第一個',
    ]);
    const hans = problemTexts.map((text) => writePackText(translator('zh-Hans'), text)).join('\n');
    expect(hans).toContain('未知字段“colour”');
    // No English problem words left in a Chinese report.
    expect(`${hant.join('\n')}\n${hans}`).not.toMatch(/unknown|must|appears|got/);
    expect(writePackText(translator('zh-Hant'), salvageUserLayer('{"overlays":').problems[0]!)).toBe(
      '儲存的詞庫資料不是物件',
    );
  });

  it('reports a layer that is not an object at all', () => {
    const { layer, problems } = salvagedInEnglish('{"overlays":');
    expect(layer).toEqual(emptyUserLayer());
    expect(problems).toEqual(['the stored glossary layer is not an object']);
  });

  it('keeps the first of two overlays for the same pack and reports the second', () => {
    const twice = { overlays: [valid.overlays[0], { ...valid.overlays[0], enabled: true }], userPacks: [] };
    const { layer, problems } = salvagedInEnglish(twice);
    expect(layer.overlays).toHaveLength(1);
    expect(layer.overlays[0]?.enabled).toBe(false);
    expect(problems).toEqual(['overlays: "bundled" appears twice; the first one is kept']);
  });
});

import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/glossary/categories';
import { parsePageSummary } from '../../../src/messages';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../../src/settings/settings';

const VALID: Settings = {
  enabled: false,
  disabledSites: ['example.com'],
  density: 'first',
  hiddenCategories: [CATEGORIES[0]],
  language: 'zh-Hans',
};

describe('parseSettings', () => {
  it('keeps a valid value whole, as a fresh copy', () => {
    const parsed = parseSettings(VALID);
    expect(parsed).toEqual(VALID);
    expect(parsed.disabledSites).not.toBe(VALID.disabledSites);
  });

  it.each([undefined, null, 0, 'on', [], [VALID]])('falls back to the defaults for %j', (raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps each readable field and defaults the others', () => {
    const raw = { ...VALID, density: 'some', hiddenCategories: ['no-such-category'], language: 42 };
    expect(parseSettings(raw)).toEqual({
      ...VALID,
      density: DEFAULT_SETTINGS.density,
      hiddenCategories: DEFAULT_SETTINGS.hiddenCategories,
      language: DEFAULT_SETTINGS.language,
    });
  });

  it('rejects wrong element types, drops unknown fields and ignores inherited ones', () => {
    expect(parseSettings({ ...VALID, disabledSites: ['a', 1] }).disabledSites).toEqual([]);
    expect(parseSettings({ ...VALID, extra: 'x' })).not.toHaveProperty('extra');
    expect(parseSettings(Object.create({ enabled: false })).enabled).toBe(true);
  });
});

describe('parsePageSummary', () => {
  it('accepts a url and counts, as fresh objects', () => {
    const raw = { url: 'https://example.com/', counts: { nvidia: 2 }, extra: 1 };
    expect(parsePageSummary(raw)).toEqual({ url: 'https://example.com/', counts: { nvidia: 2 } });
  });

  it.each([
    undefined,
    {},
    { url: 1, counts: {} },
    { url: 'u' },
    { url: 'u', counts: { a: -1 } },
    { url: 'u', counts: { a: 0.5 } },
    { url: 'u', counts: { ['x'.repeat(65)]: 1 } },
  ])('rejects %j', (raw) => {
    expect(parsePageSummary(raw)).toBeUndefined();
  });
});

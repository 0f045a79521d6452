import { describe, expect, it } from 'vitest';
import { languageFromTag, resolveLanguage } from '../../../src/i18n/language';

describe('languageFromTag', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh_MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['en-US', 'en'],
    ['ja', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (tag, expected) => {
    expect(languageFromTag(tag)).toBe(expected);
  });
});

describe('resolveLanguage', () => {
  it('follows the browser on auto and the reader otherwise', () => {
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh-Hant');
    expect(resolveLanguage('en', 'zh-TW')).toBe('en');
    expect(resolveLanguage('zh-Hans', 'en-GB')).toBe('zh-Hans');
  });
});

import { describe, expect, it } from 'vitest';
import { langForReader, languageFromTag, readerLanguageOf, resolveLanguage } from '../../../src/i18n/language';

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
    // Cantonese is written in Traditional characters unless its tag says otherwise.
    ['yue', 'zh-Hant'],
    ['yue-HK', 'zh-Hant'],
    ['zh-yue', 'zh-Hant'],
    ['yue-Hans-CN', 'zh-Hans'],
    ['en-US', 'en'],
    ['ja', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (tag, expected) => {
    expect(languageFromTag(tag)).toBe(expected);
  });
});

describe('readerLanguageOf', () => {
  it('reads the reader language of a page tag, and none for any other language', () => {
    const cases: [string, string | undefined][] = [
      ['en', 'en'],
      ['EN-gb', 'en'],
      ['zh-Hant', 'zh-Hant'],
      ['zh-TW', 'zh-Hant'],
      ['zh_HK', 'zh-Hant'],
      ['zh-Hans', 'zh-Hans'],
      ['zh-CN', 'zh-Hans'],
      ['zh', 'zh-Hans'],
      ['ja', undefined],
      ['de-CH', undefined],
      ['eng', 'en'],
      ['zho-Hant', 'zh-Hant'],
      ['cmn-Hans', 'zh-Hans'],
      ['chi', 'zh-Hans'],
      ['zh-CHT', 'zh-Hant'],
      ['zh-CHS', 'zh-Hans'],
      // Chinese in Latin letters (pinyin) is no read of characters.
      ['zh-Latn', undefined],
      ['zh-Latn-CN', undefined],
      ['zh-Hant-TW', 'zh-Hant'],
      ['zh-yue', 'zh-Hant'],
      ['yue', 'zh-Hant'],
      ['yue-Hans', 'zh-Hans'],
      ['yue-Latn', undefined],
    ];
    expect(cases.map(([tag]) => [tag, readerLanguageOf(tag)])).toEqual(cases);
  });
});

describe('resolveLanguage', () => {
  it('follows the browser on auto and the reader otherwise', () => {
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh-Hant');
    expect(resolveLanguage('en', 'zh-TW')).toBe('en');
    expect(resolveLanguage('zh-Hans', 'en-GB')).toBe('zh-Hans');
  });
});

describe('langForReader', () => {
  it.each([
    // A Hong Kong or Macau reader of Traditional: that region's character forms.
    ['zh-Hant', 'zh-HK', 'zh-Hant-HK'],
    ['zh-Hant', 'zh_MO', 'zh-Hant-MO'],
    ['zh-Hant', 'yue-HK', 'zh-Hant-HK'],
    ['zh-Hant', 'zh-Hant-HK', 'zh-Hant-HK'],
    ['zh-Hant', 'zh-TW', 'zh-Hant-TW'],
    ['zh-Hans', 'zh-SG', 'zh-Hans-SG'],
    ['zh-Hans', 'zh-CN', 'zh-Hans-CN'],
    ['zh-Hans', 'zh-Hans-HK', 'zh-Hans-HK'],
    ['zh-Hans', 'zh-419', 'zh-Hans-419'],
    // A browser in English, or another language, in a region that writes the script read.
    ['zh-Hant', 'en-HK', 'zh-Hant-HK'],
    ['zh-Hant', 'pt-MO', 'zh-Hant-MO'],
    ['zh-Hant', 'en-Latn-HK', 'zh-Hant-HK'],
    ['zh-Hans', 'en_SG', 'zh-Hans-SG'],
    ['zh-Hans', 'ms-MY', 'zh-Hans-MY'],
    // No region to give, or a region that writes the other script where the browser does not
    // read this one: the script alone.
    ['zh-Hant', 'zh-Hant', 'zh-Hant'],
    ['zh-Hant', 'yue', 'zh-Hant'],
    ['zh-Hans', 'zh', 'zh-Hans'],
    ['zh-Hant', 'zh-CN', 'zh-Hant'],
    ['zh-Hans', 'zh-HK', 'zh-Hans'],
    ['zh-Hant', 'en-US', 'zh-Hant'],
    ['zh-Hans', 'en-HK', 'zh-Hans'],
    ['zh-Hant', 'en-SG', 'zh-Hant'],
    ['zh-Hant', 'en', 'zh-Hant'],
    ['zh-Hant', undefined, 'zh-Hant'],
    // English and other tags as they are.
    ['en', 'en-GB', 'en'],
    ['en', 'zh-HK', 'en'],
    ['zh-TW', 'zh-HK', 'zh-TW'],
  ] as const)('%s for %s → %s', (language, browserTag, expected) => {
    expect(langForReader(language, browserTag)).toBe(expected);
  });
});

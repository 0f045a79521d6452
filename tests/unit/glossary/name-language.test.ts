/** Which language a name in the entry list and the tooltip is marked with, for a screen reader's voice and the fonts. */
import { describe, expect, it } from 'vitest';
import { nameLanguage } from '../../../src/glossary/name-language';
import { NOTE_LANGUAGES } from '../../../src/glossary/schema';
import { READER_LANGUAGES } from '../../../src/i18n/language';

describe('nameLanguage', () => {
  it('reads display names in the note languages, which it takes from the reader languages (no zod in the content script)', () => {
    expect(READER_LANGUAGES).toEqual(NOTE_LANGUAGES);
  });

  it('takes a display name’s own language first', () => {
    expect(nameLanguage('安謀', { 'zh-Hant': '安謀' }, 'en')).toBe('zh-Hant');
    expect(nameLanguage('Nvidia', { en: 'Nvidia' }, 'zh-Hant')).toBe('en');
  });

  it('reads Traditional characters as Traditional Chinese, others as the reader’s Chinese', () => {
    expect(nameLanguage('安謀控股', undefined, 'en')).toBe('zh-Hant');
    expect(nameLanguage('英伟达H20', undefined, 'en')).toBe('zh-Hans');
    // Written alike in both scripts: the Chinese the reader reads.
    expect(nameLanguage('百川', undefined, 'zh-Hant')).toBe('zh-Hant');
    expect(nameLanguage('百川', undefined, 'zh-Hans')).toBe('zh-Hans');
  });

  it('leaves a name without Chinese characters in the page’s language', () => {
    expect(nameLanguage('Arm Holdings', undefined, 'zh-Hant')).toBeUndefined();
  });
});

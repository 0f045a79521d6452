/**
 * The reader's language: one of the three the glossary notes and the UI are written in.
 * Kept apart from the catalogs so the content script can resolve it without them.
 */
export const READER_LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type ReaderLanguage = (typeof READER_LANGUAGES)[number];

/**
 * Subtags that mean Traditional characters when the tag names no script: the regions whose
 * readers write them, and Cantonese (`yue`, `zh-yue`), written in them in Hong Kong and Macau.
 */
const TRADITIONAL_BY_DEFAULT = new Set(['tw', 'hk', 'mo', 'yue']);

/**
 * Maps a BCP 47 tag (navigator.language, i18n.getUILanguage()) to a reader language.
 * The script subtag wins over the region (zh-Hant-CN is Traditional); a bare "zh" is
 * Simplified, as it is for most readers who set it. A Cantonese reader (`yue-HK`) reads
 * Chinese better than English.
 */
export function languageFromTag(tag: string | undefined): ReaderLanguage {
  const parts = (tag ?? '').toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] !== 'zh' && parts[0] !== 'yue') return 'en';
  if (parts.includes('hant')) return 'zh-Hant';
  if (parts.includes('hans')) return 'zh-Hans';
  return parts.some((p) => TRADITIONAL_BY_DEFAULT.has(p)) ? 'zh-Hant' : 'zh-Hans';
}

/**
 * The reader language a BCP 47 tag is written in (`zh-TW` and `zh-Hant` Traditional, `zh` and
 * `zh-CN` Simplified, `en-GB` English), or undefined for any other language, and for Chinese
 * in another script (`zh-Latn`, pinyin), which readers of characters read no better.
 */
export function readerLanguageOf(tag: string): ReaderLanguage | undefined {
  const [primary = '', ...rest] = tag.toLowerCase().split(/[-_]/);
  if (ENGLISH_CODES.has(primary)) return 'en';
  if (!CHINESE_CODES.has(primary)) return undefined;
  // The old Windows tags zh-CHT and zh-CHS.
  if (rest.includes('cht')) return 'zh-Hant';
  if (rest.includes('chs')) return 'zh-Hans';
  const script = rest.find((part) => /^[a-z]{4}$/.test(part));
  return script && script !== 'hant' && script !== 'hans'
    ? undefined
    : languageFromTag([primary === 'yue' ? 'yue' : 'zh', ...rest].join('-'));
}

/**
 * English and Chinese by their two-letter codes and their ISO 639-2 and -3 ones (Mandarin, and
 * Cantonese, whose pages are written in Chinese characters, too).
 */
const ENGLISH_CODES = new Set(['en', 'eng']);
const CHINESE_CODES = new Set(['zh', 'zho', 'chi', 'cmn', 'yue']);

/** The language to use: the reader's explicit choice, or the browser's when set to `auto`. */
export function resolveLanguage(setting: ReaderLanguage | 'auto', browserTag: string | undefined): ReaderLanguage {
  return setting === 'auto' ? languageFromTag(browserTag) : setting;
}

/** Regions whose Chinese is written in Simplified characters (TRADITIONAL_BY_DEFAULT the others'). */
const SIMPLIFIED_REGIONS = new Set(['cn', 'sg', 'my']);

/**
 * The `lang` for Chinese in `language` shown to a reader whose browser says `browserTag`: the
 * script with the reader's region (`zh-Hant-HK` for a Hong Kong reader of Traditional), so fonts
 * draw the character forms that region writes (Hong Kong's differ from Taiwan's in some strokes
 * and components). The region counts where the browser reads that script, or where the region
 * writes it (an English browser in Hong Kong, `en-HK`, reading Traditional notes); else the
 * script alone. English, and any tag not a reader language, is returned as it is.
 */
export function langForReader(language: string, browserTag: string | undefined): string {
  if (language !== 'zh-Hant' && language !== 'zh-Hans') return language;
  // After the language (and a script, if any): two letters or three digits (BCP 47's region).
  const region = (browserTag ?? '')
    .split(/[-_]/)
    .slice(1)
    .find((part) => /^(?:[A-Za-z]{2}|\d{3})$/.test(part));
  if (!region) return language;
  const regionWrites = (language === 'zh-Hant' ? TRADITIONAL_BY_DEFAULT : SIMPLIFIED_REGIONS).has(region.toLowerCase());
  return regionWrites || languageFromTag(browserTag) === language ? `${language}-${region.toUpperCase()}` : language;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS, LOCALE_FOLDERS, type CatalogMessage } from '../../../src/i18n/catalogs';
import { READER_LANGUAGES, type ReaderLanguage } from '../../../src/i18n/language';
import { CATEGORIES } from '../../../src/glossary/categories';
import { categoryLabel } from '../../../src/i18n/categories';
import { formatMessage, translate, translateCount, translator, type MessageKey } from '../../../src/i18n/translate';

const LOCALES_DIR = resolve(import.meta.dirname, '../../../public/_locales');
const locales = readdirSync(LOCALES_DIR);
const read = (locale: string) =>
  JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Record<string, CatalogMessage>;

/** The $NAME$ placeholders a message uses, lower-cased as Chrome looks them up. */
const placeholdersUsed = (message: string) =>
  [...message.matchAll(/\$([A-Za-z_@][A-Za-z0-9_@]*)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('the locale files', () => {
  it('exist for English, Traditional and Simplified Chinese', () => {
    expect(locales.sort()).toEqual(['en', 'zh_CN', 'zh_TW']);
  });

  it('all have the same keys, but for the singular forms Chinese grammar has no use for', () => {
    const english = Object.keys(read('en')).sort();
    expect(english.length).toBeGreaterThan(10);
    const singulars = english.filter((key) => key.endsWith('_one'));
    expect(singulars.length).toBeGreaterThan(0);
    for (const key of singulars) expect(english, key).toContain(key.slice(0, -'_one'.length));
    const common = english.filter((key) => !singulars.includes(key));
    for (const locale of ['zh_CN', 'zh_TW']) expect(Object.keys(read(locale)).sort(), locale).toEqual(common);
  });

  it('have no empty messages', () => {
    for (const locale of locales) {
      for (const [key, entry] of Object.entries(read(locale))) {
        expect(entry.message.trim(), `${locale}/${key}`).not.toBe('');
      }
    }
  });

  it('declare every placeholder they use, the same ones in every locale', () => {
    const english = read('en');
    for (const locale of locales) {
      for (const [key, entry] of Object.entries(read(locale))) {
        const used = placeholdersUsed(entry.message);
        expect(used, `${locale}/${key}`).toEqual(Object.keys(entry.placeholders ?? {}).sort());
        expect(used, `${locale}/${key} vs en`).toEqual(placeholdersUsed(english[key]!.message));
        // A singular takes the same substitutions as its plural.
        if (key.endsWith('_one')) expect(used, key).toEqual(placeholdersUsed(english[key.slice(0, -4)]!.message));
      }
    }
  });

  it('punctuate Chinese sentences with full-width marks (，：；（）), not ASCII ones', () => {
    for (const locale of ['zh_CN', 'zh_TW']) {
      for (const [key, entry] of Object.entries(read(locale))) {
        // Chinese text, or only placeholders and marks ("$NAME$（$COUNT$）"); not English kept as is.
        const text = entry.message.replace(/\$[A-Z_]+\$/g, '');
        if (!/\p{Script=Han}/u.test(text) && /[A-Za-z]/.test(text)) continue;
        // An address's colon is not punctuation ("https://zh.wikipedia.org/wiki/輝達").
        const prose = entry.message.replace(/https?:\/\/[\x21-\x7e]+/g, '');
        expect(prose, `${locale}/${key}`).not.toMatch(/[,;:()?!]/);
      }
    }
  });

  it('address the reader as 你 in Chinese, never 您', () => {
    for (const locale of ['zh_CN', 'zh_TW']) {
      const formal = Object.entries(read(locale)).filter(([, entry]) => entry.message.includes('您'));
      expect(formal.map(([key]) => `${locale}/${key}`)).toEqual([]);
    }
  });

  it("call a highlight 高亮 in zh_CN, the mainland word (標示, zh_TW's, reads as Taiwanese there)", () => {
    const english = read('en');
    // "First occurrence only" is how many to highlight, though its English does not say so.
    const highlights = [
      ...Object.keys(english).filter((key) => /highlight/i.test(english[key]!.message)),
      'popupDensityFirst',
    ];
    expect(highlights.length).toBeGreaterThan(5);
    const cn = read('zh_CN');
    expect(highlights.filter((key) => cn[key] && cn[key].message.includes('标示'))).toEqual([]);
    expect(highlights.filter((key) => !cn[key]?.message.includes('高亮'))).toEqual([]);
  });

  it('name Restore and Undo one way each: 還原 and 復原 in zh_TW, 恢复 and 撤销 in zh_CN', () => {
    const tw = read('zh_TW');
    const cn = read('zh_CN');
    expect([tw.editorRestore!.message, tw.editorUndo!.message]).toEqual(['還原', '復原']);
    expect([cn.editorRestore!.message, cn.editorUndo!.message]).toEqual(['恢复', '撤销']);
    // Undo's messages say 復原 / 撤销; restoring an entry is never called by Undo's word.
    expect(tw.editorUndone!.message).toContain('復原');
    expect(cn.editorUndone!.message).toContain('撤销');
    expect(tw.editorSaveDeleted!.message).toContain('還原');
    expect(cn.editorSaveDeleted!.message).toContain('恢复');
  });

  it('are the files the bundled catalogs import', () => {
    for (const language of READER_LANGUAGES) {
      expect(CATALOGS[language]).toEqual(read(LOCALE_FOLDERS[language]));
    }
  });
});

describe('formatMessage', () => {
  const entry: CatalogMessage = {
    message: '$NEXT$ / $PREVIOUS$ costs $$5, $1',
    placeholders: { next: { content: '$1' }, previous: { content: '$2' } },
  };

  it('expands named placeholders through their positional content', () => {
    expect(formatMessage(entry, ['Alt+J', 'Alt+K'])).toBe('Alt+J / Alt+K costs $5, Alt+J');
  });

  it('does not re-expand a substitution that contains a placeholder', () => {
    expect(formatMessage(entry, ['$2', 'x'])).toBe('$2 / x costs $5, $2');
  });

  it('leaves an undeclared $NAME$ visible and a missing substitution empty', () => {
    expect(formatMessage({ message: 'a $TYPO$ b $3.' }, [])).toBe('a $TYPO$ b .');
  });
});

describe('translate', () => {
  it('picks the catalog of the language', () => {
    expect(translate('en', 'tooltipRelated')).toBe(read('en').tooltipRelated!.message);
    expect(translate('zh-Hant', 'tooltipRelated')).toBe(read('zh_TW').tooltipRelated!.message);
    expect(translate('zh-Hans', 'tooltipRelated')).toBe(read('zh_CN').tooltipRelated!.message);
    expect(translate('zh-Hant', 'popupSiteToggle', 'example.com')).toContain('example.com');
  });
});

describe('translateCount', () => {
  it('uses the English singular for one and the plural for every other count', () => {
    expect(translateCount('en', 'editorPackEntryCount', 1)).toBe('1 entry');
    expect(translateCount('en', 'editorPackEntryCount', 0)).toBe('0 entries');
    expect(translateCount('en', 'editorPackEntryCount', 2)).toBe('2 entries');
    expect(translateCount('en', 'popupFoundCount', 1)).toBe('1 name found');
    expect(translateCount('en', 'editorActivePackCount', 3)).toBe('3 active packs');
  });

  it('writes numbers the language’s way, and text as it is', () => {
    expect(translate('en', 'editorImportTooManyEntries', 10_001, 10_000)).toContain('10,001');
    expect(translate('zh-Hant', 'editorFieldNotesHint', 1_200)).toContain('1,200');
    expect(translateCount('en', 'editorPackEntryCount', 12_345)).toBe('12,345 entries');
    expect(translate('en', 'editorImportTooLarge', 'a.json', '6.0', 5)).toContain('6.0 MB');
  });

  it('uses the one Chinese form for every count', () => {
    expect(translateCount('zh-Hant', 'editorPackEntryCount', 1)).toBe('1 個條目');
    expect(translateCount('zh-Hans', 'editorPackEntryCount', 2)).toBe('2 个条目');
  });

  it('composes the editor’s summary in each language’s word order', () => {
    const summary = (language: ReaderLanguage, entries: number, packs: number) => {
      const t = translator(language);
      return t('editorSummary', t.count('editorPackEntryCount', entries), t.count('editorActivePackCount', packs));
    };
    expect(summary('en', 78, 1)).toBe('78 entries in 1 active pack');
    expect(summary('en', 1, 2)).toBe('1 entry in 2 active packs');
    expect(summary('zh-Hant', 78, 1)).toBe('1 個啟用的詞庫共 78 個條目');
    expect(summary('zh-Hans', 78, 2)).toBe('2 个启用的词库共 78 个条目');
  });
});

describe('categoryLabel', () => {
  it('names every category in every language, from the catalogs', () => {
    for (const language of READER_LANGUAGES) {
      for (const category of CATEGORIES) {
        const key = `category${category[0]!.toUpperCase()}${category.slice(1)}` as MessageKey;
        expect(categoryLabel(language, category), `${language}/${category}`).toBe(translate(language, key));
      }
    }
    expect(categoryLabel('en', 'made-up')).toBe('made-up');
  });
});

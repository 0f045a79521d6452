import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALE_TWINS, localeTwinFiles } from '../../../src/i18n/locale-twins';
import { languageFromTag } from '../../../src/i18n/language';
import { LOCALE_FOLDERS } from '../../../src/i18n/catalogs';

const LOCALES_DIR = resolve(import.meta.dirname, '../../../public/_locales');

const publicFiles = [
  { absoluteSrc: '/p/public/icon/48.png', relativeDest: 'icon/48.png' },
  { absoluteSrc: '/p/public/_locales/en/messages.json', relativeDest: '_locales/en/messages.json' },
  { absoluteSrc: '/p/public/_locales/zh_CN/messages.json', relativeDest: '_locales/zh_CN/messages.json' },
  { absoluteSrc: '/p/public/_locales/zh_TW/messages.json', relativeDest: '_locales/zh_TW/messages.json' },
];

describe('locale twins', () => {
  it('copies the Taiwan catalog to Hong Kong and Macau and the mainland one to Singapore', () => {
    expect(localeTwinFiles(publicFiles)).toEqual([
      { absoluteSrc: '/p/public/_locales/zh_TW/messages.json', relativeDest: '_locales/zh_HK/messages.json' },
      { absoluteSrc: '/p/public/_locales/zh_TW/messages.json', relativeDest: '_locales/zh_MO/messages.json' },
      { absoluteSrc: '/p/public/_locales/zh_CN/messages.json', relativeDest: '_locales/zh_SG/messages.json' },
    ]);
  });

  it('finds a source written with Windows separators', () => {
    const files = [{ absoluteSrc: 'C:\\p\\zh_CN.json', relativeDest: '_locales\\zh_CN\\messages.json' }];
    expect(localeTwinFiles(files)).toEqual([
      { absoluteSrc: 'C:\\p\\zh_CN.json', relativeDest: '_locales/zh_SG/messages.json' },
    ]);
  });

  it('adds nothing for a catalog the build does not have', () => {
    expect(localeTwinFiles(publicFiles.filter((file) => !file.relativeDest.includes('zh_')))).toEqual([]);
  });

  it('gives each region the catalog of the script the reader language resolves it to', () => {
    for (const [twin, source] of Object.entries(LOCALE_TWINS)) {
      expect(LOCALE_FOLDERS[languageFromTag(twin)], twin).toBe(source);
    }
  });

  it('copies only folders public/_locales has, to folders it does not have', () => {
    for (const [twin, source] of Object.entries(LOCALE_TWINS)) {
      expect(existsSync(resolve(LOCALES_DIR, source, 'messages.json')), source).toBe(true);
      expect(existsSync(resolve(LOCALES_DIR, twin)), twin).toBe(false);
    }
  });
});

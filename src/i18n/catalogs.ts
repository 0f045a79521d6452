/**
 * The extension's message catalogs, bundled.
 *
 * `public/_locales/<locale>/messages.json` is the single source of UI text: the browser
 * reads it for the manifest (`__MSG_extName__`) and `i18n.getMessage`, and this module
 * imports the same files. Bundling them is what lets the popup and the tooltip follow
 * the reader's language setting: `i18n.getMessage` only ever follows the browser's UI
 * language. The build copies two of these folders to the regions' own (`locale-twins.ts`).
 */
import en from '../../public/_locales/en/messages.json';
import zhTW from '../../public/_locales/zh_TW/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import type { ReaderLanguage } from './language';

/** A key of the catalogs. English is the default locale, so it defines the key set. */
export type CatalogKey = keyof typeof en;

/**
 * The singular of a message with a count, kept beside it as `<key>_one` ("1 entry" beside
 * "$COUNT$ entries"). Only languages whose grammar has a singular need one: Chinese does not.
 */
export type SingularKey = Extract<CatalogKey, `${string}_one`>;

/** A message every catalog has. */
export type MessageKey = Exclude<CatalogKey, SingularKey>;

/** One entry of a messages.json file, as the WebExtension i18n format defines it. */
export interface CatalogMessage {
  message: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalog = Record<MessageKey, CatalogMessage> & Partial<Record<SingularKey, CatalogMessage>>;

/** The catalogs by reader language. `satisfies` fails the build if a locale lacks a key. */
export const CATALOGS = {
  en,
  'zh-Hant': zhTW,
  'zh-Hans': zhCN,
} satisfies Record<ReaderLanguage, Catalog>;

/** The `_locales` folder name of each reader language. */
export const LOCALE_FOLDERS: Record<ReaderLanguage, string> = { en: 'en', 'zh-Hant': 'zh_TW', 'zh-Hans': 'zh_CN' };

/**
 * The `lang` attribute for an element that shows one of an entry's names among text in the
 * reader's language, one rule for the tooltip and the editor's list.
 */
import { readerLangIn } from '../i18n/browser-language';
import type { ReaderLanguage } from '../i18n/language';
import type { DisplayNames } from './entry-names';
import { nameLanguage } from './name-language';

/**
 * The name's own language (name-language.ts) with the browser's region (`readerLangIn`), or
 * undefined where it is the reader's: the element then inherits the surrounding `lang`, which
 * the tooltip and the editor set from the same `readerLangIn`.
 */
export function nameLangIn(
  doc: Document,
  name: string,
  names: DisplayNames | undefined,
  reader: ReaderLanguage,
): string | undefined {
  const lang = nameLanguage(name, names, reader);
  return lang && lang !== reader ? readerLangIn(doc, lang) : undefined;
}

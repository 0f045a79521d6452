/**
 * The background's texts (the toolbar button's title, the context menu) in the reader's
 * language: the one chosen in settings, else the browser's, as the popup, the tooltip and the
 * editor choose it (`browserLanguageTag`).
 */
import { translator, type Translator } from '../i18n';
import { browserLanguageTag } from '../i18n/browser-language';
import { resolveLanguage } from '../i18n/language';
import type { Settings } from '../settings/settings';

/** A translator for the language `settings` choose; the browser's where there are none (unreadable). */
export function readerTranslator(settings: Pick<Settings, 'language'> | undefined): Translator {
  return translator(resolveLanguage(settings?.language ?? 'auto', browserLanguageTag()));
}

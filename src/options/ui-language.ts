/** The editor's language: the reader's choice in settings, or the browser's. */
import { resolveLanguage, type ReaderLanguage } from '../i18n';
import { browserLanguageTag } from '../i18n/browser-language';
import { readSettings } from '../settings/settings';

/** Resolves the reader's language (falls back to the browser's if settings cannot be read). */
export async function readerLanguage(): Promise<ReaderLanguage> {
  const setting = await readSettings().then(
    (s) => s.language,
    () => 'auto' as const,
  );
  return resolveLanguage(setting, browserLanguageTag());
}

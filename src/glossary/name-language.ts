/**
 * The language a name is written in, for its `lang` in the editor's list and in the tooltip:
 * a screen reader then reads 安謀 with a Chinese voice, not with the English one of an English
 * editor, and fonts draw 英伟达 in Simplified forms in a Traditional tooltip. Pure.
 */
import { READER_LANGUAGES, type ReaderLanguage } from '../i18n/language';
import { fold } from '../matcher/fold';
import type { DisplayNames } from './entry-names';
// Types only: the schema's zod must stay out of the content script, which tags the tooltip's names.
import type { NoteLanguage } from './schema';

const HAN = /\p{Script=Han}/gu;

/**
 * A display name's own language; else, for a name in Chinese characters, Traditional if the
 * fold (which writes Chinese in Simplified characters) changes any of them, else the
 * reader's Chinese or Simplified (百川 is written alike in both). Undefined for other names,
 * which are read in the page's language.
 */
export function nameLanguage(
  name: string,
  names: DisplayNames | undefined,
  reader: ReaderLanguage,
): NoteLanguage | undefined {
  // The reader languages are the note languages (schema.ts's NOTE_LANGUAGES), in the same order.
  const declared = READER_LANGUAGES.find((l) => names?.[l] === name);
  if (declared) return declared;
  const han = name.match(HAN)?.join('');
  if (!han) return undefined;
  if (fold(han) !== han) return 'zh-Hant';
  return reader === 'en' ? 'zh-Hans' : reader;
}

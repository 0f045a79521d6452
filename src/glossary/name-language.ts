/**
 * The language a name in the entry list is written in, for its `lang`: a screen reader then
 * reads 安謀 with a Chinese voice, not with the English one of an English editor. Pure.
 */
import type { DisplayNames } from '../glossary/entry-names';
import { NOTE_LANGUAGES, type NoteLanguage } from '../glossary/schema';
import type { ReaderLanguage } from '../i18n';
import { fold } from '../matcher';

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
  const declared = NOTE_LANGUAGES.find((l) => names?.[l] === name);
  if (declared) return declared;
  const han = name.match(HAN)?.join('');
  if (!han) return undefined;
  if (fold(han) !== han) return 'zh-Hant';
  return reader === 'en' ? 'zh-Hans' : reader;
}

/**
 * An entry's names: which one a reader is shown, and every one the matcher looks for; and
 * the same choice for a pack's title.
 * Pure and free of zod: the content script, the popup and the editor all use it.
 */
import { READER_LANGUAGES, type ReaderLanguage } from '../i18n/language';

/** The `names` field: the name readers of each language know the entry by. */
export type DisplayNames = Readonly<Partial<Record<ReaderLanguage, string>>>;

export interface NamedEntry {
  term: string;
  names?: DisplayNames;
  aliases?: readonly (string | { readonly text: string })[];
}

/**
 * The name shown to a reader of `language`: the entry's name for that language, else its
 * term. No other fallback: the term is the name the pack's own text uses.
 */
export function displayName(entry: Pick<NamedEntry, 'term' | 'names'>, language: ReaderLanguage): string {
  return entry.names?.[language] ?? entry.term;
}

/** The display names in a fixed order; keys of a newer format's other languages are not names. */
export function displayNameList(names: DisplayNames | undefined): string[] {
  return Object.values(readerNames(names) ?? {});
}

/**
 * The display names of the reader languages alone, or undefined when there are none: what is
 * worth storing for every page (a newer format's other keys stay in the full entry).
 */
export function readerNames(names: DisplayNames | undefined): DisplayNames | undefined {
  if (!names) return undefined;
  const kept: Partial<Record<ReaderLanguage, string>> = {};
  for (const l of READER_LANGUAGES) if (typeof names[l] === 'string') kept[l] = names[l];
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** Term, alias texts and display names, each distinct text once: every name the matcher looks for. */
export function everyName(entry: NamedEntry): string[] {
  const aliases = (entry.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text));
  return [...new Set([entry.term, ...aliases, ...displayNameList(entry.names)])];
}

/** A pack's title for a reader of `language`: its `titles` entry for that language, else `title`. */
export function packTitle(pack: { title: string; titles?: DisplayNames }, language: ReaderLanguage): string {
  return pack.titles?.[language] ?? pack.title;
}

/** A pack's description for a reader of `language`: its `descriptions` entry, else `description`. */
export function packDescription(
  pack: { description?: string; descriptions?: DisplayNames },
  language: ReaderLanguage,
): string | undefined {
  return pack.descriptions?.[language] ?? pack.description;
}

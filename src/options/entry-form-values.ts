/**
 * The entry form's values: every field as the reader edits it (multi-valued fields as one
 * item per line), converted from and to a schema entry. Pure.
 */
import { NOTE_LANGUAGES, type Alias, type Entry, type NoteLanguage } from '../glossary/schema';
import { linkLine, readLinkLine, shownTags, type Link } from './link-lines';
import { isRuleCarrier, ownNames, ruleCarriers, wholeWordRuleOf, type WholeWordRule } from './name-rules';

export { wholeWordRuleOf, type WholeWordRule };

export interface FormValues {
  packId: string;
  id: string;
  term: string;
  /** The display name per reader language; empty for none. */
  names: Record<NoteLanguage, string>;
  /** One alias per line. */
  aliases: string;
  category: string;
  notes: Record<NoteLanguage, string>;
  caseSensitive: boolean;
  wholeWord: WholeWordRule;
  /** One per line: the entry's names that are everyday words (the format's `generic` aliases). */
  generic: string;
  /** One excluded phrase per line. */
  exclude: string;
  /** One related entry per line: its id or a name (see related-field.ts). */
  related: string;
  /** One further-reading link per line: a title, then the address. */
  links: string;
  section: string;
}
export type FieldName =
  Exclude<keyof FormValues, 'notes' | 'names'> | `notes.${NoteLanguage}` | `names.${NoteLanguage}`;

/** Non-empty trimmed lines. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * A note written as one string has no language; it goes into the field of the pack's
 * language, or Traditional Chinese if it contains Han characters, else English.
 */
function notesOf(context: Entry['context'] | undefined, packLanguage: NoteLanguage | undefined): FormValues['notes'] {
  const notes = { 'zh-Hant': '', 'zh-Hans': '', en: '' };
  if (context === undefined) return notes;
  if (typeof context === 'string') {
    notes[packLanguage ?? (/\p{Script=Han}/u.test(context) ? 'zh-Hant' : 'en')] = context;
    return notes;
  }
  return { 'zh-Hant': context['zh-Hant'] ?? '', 'zh-Hans': context['zh-Hans'] ?? '', en: context.en ?? '' };
}

/**
 * The form values for an entry, or for a new entry (optionally with a prefilled name). Each
 * related entry is shown as `relatedLine` writes its id (`relatedLines`), else as the id.
 */
export function formValuesFrom(
  entry: Entry | undefined,
  packId: string,
  options: { packLanguage?: NoteLanguage; prefillTerm?: string; relatedLine?: (id: string) => string | undefined } = {},
): FormValues {
  const aliases = entry?.aliases ?? [];
  // The aliases that only carry the rule of the term or a display name are that rule, shown
  // by "Whole words", not other names.
  const own = entry ? ownNames(entry.term, entry.names) : [];
  return {
    packId,
    id: entry?.id ?? '',
    term: entry?.term ?? options.prefillTerm ?? '',
    names: {
      'zh-Hant': entry?.names?.['zh-Hant'] ?? '',
      'zh-Hans': entry?.names?.['zh-Hans'] ?? '',
      en: entry?.names?.en ?? '',
    },
    aliases: aliases
      .filter((a) => !isRuleCarrier(a, own))
      .map((a) => (typeof a === 'string' ? a : a.text))
      .join('\n'),
    category: entry?.category ?? 'concept',
    notes: notesOf(entry?.context, options.packLanguage),
    caseSensitive: entry?.caseSensitive ?? false,
    wholeWord: wholeWordRuleOf(aliases),
    generic: aliases.flatMap((a) => (typeof a !== 'string' && a.generic === true ? [a.text] : [])).join('\n'),
    exclude: (entry?.exclude ?? []).join('\n'),
    related: (entry?.related ?? []).map((id) => options.relatedLine?.(id) ?? id).join('\n'),
    links: (entry?.links ?? []).map(linkLine).join('\n'),
    section: entry?.section ?? '',
  };
}

/**
 * The aliases from the form. An alias the entry already had keeps its own matching rules
 * (a pack may make one alias case-sensitive); the whole-word choice, unless "mixed",
 * applies to every name: to each alias, and to the term and display names through an alias
 * of the same text (see name-rules.ts). So do the everyday words: each marks the alias of its
 * text, or the term's or a display name's rule carrier.
 */
export function aliasesFrom(values: FormValues, original: readonly Alias[] = []): Alias[] {
  const before = new Map(original.map((a) => [typeof a === 'string' ? a : a.text, a]));
  const term = values.term.trim();
  const everyday = new Set(lines(values.generic));
  const aliases = [...new Set(lines(values.aliases))].map((text): Alias => {
    const prior = before.get(text);
    const rules = typeof prior === 'object' ? { ...prior } : { text };
    if (values.wholeWord === 'on') rules.wholeWord = true;
    else if (values.wholeWord === 'off') rules.wholeWord = false;
    else if (values.wholeWord === 'auto') delete rules.wholeWord;
    if (everyday.has(text)) rules.generic = true;
    else delete rules.generic;
    const { text: _text, ...flags } = rules;
    return Object.keys(flags).length === 0 ? text : { ...flags, text };
  });
  // The term written again as a plain alias adds nothing: it is a name of the entry already.
  // One with rules of its own (inside words, exact case) stays, for it matches differently.
  const written = new Set(lines(values.aliases));
  const carriers = ruleCarriers(ownNames(term, values.names), written, values.wholeWord, original, everyday);
  return [...aliases.filter((alias) => alias !== term), ...carriers];
}

/**
 * The display names from the form, or undefined when none is left. While one is, keys of
 * another format's languages, which the form does not show, are kept as they were.
 */
export function namesFrom(values: FormValues, original: Entry['names']): Entry['names'] {
  const names: Record<string, unknown> = { ...original };
  for (const language of NOTE_LANGUAGES) {
    const name = values.names[language].trim();
    if (name) names[language] = name;
    else delete names[language];
  }
  return NOTE_LANGUAGES.some((l) => names[l] !== undefined) ? (names as Entry['names']) : undefined;
}

/**
 * The note from the form's notes (empty ones left out). A note in a language the form does
 * not show (a newer format's `ja`) is kept as it was: the format keeps unknown fields.
 */
export function contextFrom(
  notes: Record<NoteLanguage, string>,
  original: Entry['context'] | undefined,
): Entry['context'] {
  const shown = NOTE_LANGUAGES.map((l) => [l, notes[l].trim()]).filter(([, text]) => text);
  const others = typeof original === 'object' ? Object.entries(original).filter(([key]) => !isNoteLanguage(key)) : [];
  return Object.fromEntries([...shown, ...others]) as Entry['context'];
}

const isNoteLanguage = (key: string): key is NoteLanguage => (NOTE_LANGUAGES as readonly string[]).includes(key);

/**
 * The links from the form, and the first line that is not one ("a title, then an http(s)
 * address"), where reading stopped; `mistyped`, the first bracket that reads as a language tag
 * gone wrong. A line written as a stored link was keeps that link as it was, fields the form
 * does not show included.
 */
export function linksFrom(
  values: FormValues,
  original: readonly Link[] = [],
): { links: Link[]; bad?: string; mistyped?: string } {
  const before = new Map(original.map((l) => [linkLine(l), l]));
  const known = shownTags(original);
  const links: Link[] = [];
  let mistyped: string | undefined;
  for (const line of lines(values.links)) {
    const prior = before.get(line);
    const read = prior ? { link: prior } : readLinkLine(line, known);
    if (!read.link) return { links, bad: line };
    links.push(read.link);
    mistyped ??= read.mistyped;
  }
  return mistyped === undefined ? { links } : { links, mistyped };
}

/**
 * The glossary pack format: the public interface people use to share packs.
 *
 * This zod schema is the single source of truth. `glossary/schema.json` is generated
 * from it (`npm run schema`) and a test fails when the two drift; `glossary/README.md`
 * documents every field. Objects are "loose": unknown extra fields are tolerated on
 * import (and kept), so packs written for a newer minor format still load.
 */
import { z } from 'zod';

import { matchedLength } from '../matcher';
import { webUrl } from '../validate';
import { CATEGORIES, type Category } from './categories';
import { inEnglish, packText, schemaMessage, type PackText, type PackTextKey } from './pack-text';

export { CATEGORIES, type Category };

// Extension pages forbid eval (manifest CSP); without this zod would probe `Function('')`
// once and log a CSP violation before falling back to the same interpreted checks.
z.config({ jitless: true });

/** Languages a context note can be written in; also the reader-facing UI languages. */
export const NOTE_LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type NoteLanguage = (typeof NOTE_LANGUAGES)[number];

/** Limits that keep one pack from freezing the editor or the matcher. */
export const LIMITS = {
  entries: 10_000,
  aliasesPerEntry: 64,
  nameLength: 120,
  noteLength: 1_200,
  sectionLength: 200,
  listLength: 64,
  /** A link's address (`links[].url`, `source.url`). */
  urlLength: 2_000,
} as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .max(64, schemaMessage('packProblemCharsAtMost', 64))
  .regex(SLUG, schemaMessage('packProblemSlug'));

const TOO_SHORT = schemaMessage('packProblemNameShort');

/**
 * A display or search name. Its length is also counted the way the matcher reads it
 * (`matchedLength`): "a" plus a zero-width space or soft hyphen is the one-letter name "a",
 * which would highlight every "a" of English text. Control characters would never match
 * page text and hide in the UI. Length failures abort, so a name gets one message.
 */
const nameSchema = z
  .string()
  .trim()
  .min(2, { message: TOO_SHORT, abort: true })
  .max(LIMITS.nameLength, { message: schemaMessage('packProblemCharsAtMost', LIMITS.nameLength), abort: true })
  .refine((s) => matchedLength(s) >= 2, { message: schemaMessage('packProblemNameInvisible'), abort: true })
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), schemaMessage('packProblemControl'))
  // Half of a character beyond the BMP (a file cut or mis-encoded): it matches no page text,
  // and browser storage turns it into U+FFFD.
  .refine((s) => s.isWellFormed(), schemaMessage('packProblemSurrogate'));

/** Only web links: a `javascript:` or `data:` URL in a pack must never become clickable. */
export const webUrlSchema = z
  .string()
  .max(LIMITS.urlLength, schemaMessage('packProblemCharsAtMost', LIMITS.urlLength))
  .refine((s) => webUrl(s) !== undefined, schemaMessage('packProblemWebUrl'));

/**
 * One surface form. A plain string uses the entry's defaults; the object form sets
 * matching rules for this alias alone ("Cohere" the company is case-sensitive so the
 * verb "cohere" is not highlighted).
 */
export const aliasSchema = z.union([
  nameSchema,
  z.looseObject({
    text: nameSchema,
    /** Match case exactly. Default: the entry's `caseSensitive`, else false. */
    caseSensitive: z.boolean().optional(),
    /**
     * Require word boundaries around the alias. Default: true for aliases that begin and
     * end with a Latin letter or digit, false for Chinese (running text has no spaces).
     */
    wholeWord: z.boolean().optional(),
    /**
     * An everyday word that is also a name here ("chips", "talent", 人才): highlighted only on a
     * page that names something of the glossary by a name that is not one, so a recipe's chips
     * or a job advert's 人才 stay plain. Default: false.
     */
    generic: z.boolean().optional(),
  }),
]);
export type Alias = z.infer<typeof aliasSchema>;

/**
 * One text per reader language, each optional, at least one given ("needs a name in at least
 * one of …"); other keys are kept, as everywhere in a pack.
 */
function perLanguage<T extends z.ZodType<string>>(text: T, needs: PackTextKey) {
  return z
    .looseObject({ 'zh-Hant': text.optional(), 'zh-Hans': text.optional(), en: text.optional() })
    .refine((o) => NOTE_LANGUAGES.some((l) => o[l] !== undefined), schemaMessage(needs, NOTE_LANGUAGES.join(', ')));
}

/** Display names per reader language. */
export const namesSchema = perLanguage(nameSchema, 'packProblemNeedsName');
export type Names = z.infer<typeof namesSchema>;

const noteTextSchema = z
  .string()
  .trim()
  .min(1, schemaMessage('packProblemNotEmpty'))
  .max(LIMITS.noteLength, schemaMessage('packProblemCharsAtMost', LIMITS.noteLength));

/** A note as one string, or written per language. */
export const contextSchema = z.union([noteTextSchema, perLanguage(noteTextSchema, 'packProblemNeedsNote')]);
export type Context = z.infer<typeof contextSchema>;

/** A section title, as `sections` lists it, as an entry names it, or in one of the reader languages. */
const sectionTitleSchema = z.string().trim().min(1).max(LIMITS.sectionLength);

/** The title of a pack or of the text it describes, in any language. */
const titleSchema = z.string().trim().min(1).max(400);

/** What a pack covers, in a few sentences. */
const descriptionSchema = z.string().trim().max(2_000);

/**
 * A language tag as a pack may give one: a language code of two or three letters first, as
 * every tag in use has. "Chinese", "english" or "Hant" is a word, not a tag, and would show the
 * link to every reader.
 */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

export const linkSchema = z.looseObject({
  title: z.string().trim().min(1).max(LIMITS.nameLength),
  url: webUrlSchema,
  /**
   * The linked page's language, a BCP 47 tag (`en`, `zh-Hant`, `zh-TW`, `zh-CN`). Readers are
   * shown the links in their language (else the nearest one, as with notes) and every link in
   * none of the three; see `webLinks`. Any tag is kept: a pack naming a fourth language loads.
   */
  lang: z
    .string()
    .trim()
    .max(35, { message: schemaMessage('packProblemCharsAtMost', 35), abort: true })
    .regex(LANGUAGE_TAG, schemaMessage('packProblemLanguageTag'))
    .optional(),
});

export const entrySchema = z.looseObject({
  /** Stable key: user edits, related links and exports refer to entries by id. */
  id: slugSchema,
  /** The display name shown first in the tooltip. It is also matched, like an alias. */
  term: nameSchema,
  /**
   * The name readers of one language know the entry by (英伟达 for 輝達, Nvidia), shown to them
   * instead of `term`. Also matched: by the rules of the alias with the same text, if any.
   */
  names: namesSchema.optional(),
  /** Every other surface form a reader may meet, in any script or language. */
  aliases: z
    .array(aliasSchema)
    .max(LIMITS.aliasesPerEntry, schemaMessage('packProblemAliasesMax', LIMITS.aliasesPerEntry))
    .default([]),
  category: z.enum(CATEGORIES, { error: schemaMessage('packProblemOneOf', CATEGORIES.join(', ')) }),
  /** What the column says about the entry, in our own words. */
  context: contextSchema,
  /** Default case rule for the entry's Latin aliases (an alias object can override it). */
  caseSensitive: z.boolean().optional(),
  /**
   * Longer phrases in which an occurrence is NOT this entry, e.g. 海納百川 for 百川.
   * Compared after folding, so one script is enough.
   */
  exclude: z.array(nameSchema).max(LIMITS.listLength).optional(),
  /** Title of the column section the entry comes from (one of `source.sections`). */
  section: sectionTitleSchema.optional(),
  /** Ids of related entries in the same pack, named in the tooltip. */
  related: z.array(slugSchema).max(LIMITS.listLength).optional(),
  /** How central the entry is to the column's argument, 0–1; orders lists and breaks ties. */
  weight: z.number().min(0).max(1).optional(),
  /** How many times the column mentions the entry: the column's side of the relevance score. */
  mentions: z.number().int().min(0).max(1_000_000).optional(),
  /** Further reading, linked from the tooltip. Only http(s) links are accepted. */
  links: z.array(linkSchema).max(LIMITS.listLength).optional(),
});
export type Entry = z.infer<typeof entrySchema>;
export type EntryInput = z.input<typeof entrySchema>;

export const sourceSchema = z.looseObject({
  title: titleSchema,
  author: z.string().trim().min(1).max(LIMITS.nameLength),
  publication: z.string().trim().min(1).max(LIMITS.nameLength).optional(),
  date: z.string().trim().max(40).optional(),
  url: webUrlSchema.optional(),
  language: z.enum(NOTE_LANGUAGES).optional(),
  /** Section titles in the column's order; entries point at them with `section`. */
  sections: z.array(sectionTitleSchema).max(LIMITS.listLength).default([]),
  /** A section's title in the reader languages, by its title in `sections`: shown with the entries from it. */
  sectionNames: z.record(z.string(), perLanguage(sectionTitleSchema, 'packProblemNeedsTitle')).optional(),
});

const packObjectSchema = z.looseObject({
  schemaVersion: z.literal(1, { error: schemaMessage('packProblemSchemaVersion') }),
  id: slugSchema,
  title: titleSchema,
  /** The title for readers of each language, where it differs: shown to them instead of `title`. */
  titles: perLanguage(titleSchema, 'packProblemNeedsTitle').optional(),
  /** Content version of the pack, e.g. "2026.11.29"; shown in the editor. */
  version: z.string().trim().max(40).optional(),
  /** What the pack covers, shown in the editor's pack list. */
  description: descriptionSchema.optional(),
  /** The description for readers of each language, where it differs: shown to them instead. */
  descriptions: perLanguage(descriptionSchema.min(1), 'packProblemNeedsDescription').optional(),
  source: sourceSchema,
  entries: z.array(entrySchema).max(LIMITS.entries, schemaMessage('packProblemEntriesMax', LIMITS.entries)),
});

/**
 * Cross-entry rules a per-field schema cannot see. `installed`: ids a related entry may also
 * name, those of the pack of the same id already installed, which a file merged into it
 * updates a few entries of (their other entries are not in the file).
 */
const crossEntryRules =
  (installed: ReadonlySet<string> = new Set()) =>
  (pack: z.infer<typeof packObjectSchema>, ctx: z.RefinementCtx) => {
    // Each issue carries its text as well as its English message, for the parser's report in
    // the reader's language.
    const problem = (path: PropertyKey[], text: PackText) =>
      ctx.addIssue({ code: 'custom', path, message: inEnglish(text), params: { text } });
    const ids = new Map<string, number>();
    pack.entries.forEach((entry, i) => {
      const first = ids.get(entry.id);
      if (first !== undefined) problem(['entries', i, 'id'], packText('packProblemDuplicateId', String(first)));
      else ids.set(entry.id, i);
    });
    const sections = new Set(pack.source.sections);
    for (const title of Object.keys(pack.source.sectionNames ?? {})) {
      if (!sections.has(title))
        problem(['source', 'sectionNames', title], packText('packProblemUnknownSection', title));
    }
    pack.entries.forEach((entry, i) => {
      entry.related?.forEach((rel, j) => {
        if (!ids.has(rel) && !installed.has(rel))
          problem(['entries', i, 'related', j], packText('packProblemUnknownRelated', rel));
        else if (rel === entry.id) problem(['entries', i, 'related', j], packText('packProblemRelatedSelf'));
      });
      if (entry.section !== undefined && sections.size > 0 && !sections.has(entry.section)) {
        problem(['entries', i, 'section'], packText('packProblemUnknownSection', entry.section));
      }
    });
  };

export const packSchema = packObjectSchema.superRefine(crossEntryRules());

/** A pack file to merge into the installed pack of its id, whose entries' ids are `installed`. */
export function packSchemaMergedInto(installed: ReadonlySet<string>) {
  return packObjectSchema.superRefine(crossEntryRules(installed));
}
export type Pack = z.infer<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;

/** The text of an alias, whichever form it was written in. */
export function aliasText(alias: Alias): string {
  return typeof alias === 'string' ? alias : alias.text;
}

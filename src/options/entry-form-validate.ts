/**
 * Field-level validation of the entry form, with messages in the reader's language (as
 * catalog keys); a valid form's entry is built by `entry-from-form.ts` and checked against
 * the schema here. Pure.
 */
import { issueProblems } from '../glossary/describe-issues';
import { everyName } from '../glossary/entry-names';
import { writeSubstitutions, type PackText } from '../glossary/pack-text';
import { entrySchema, LIMITS, NOTE_LANGUAGES, type Entry } from '../glossary/schema';
import type { MessageKey, Substitution, Translator } from '../i18n';
import { matchedLength } from '../matcher';
import { searchKey } from './entry-search';
import { aliasesFrom, lines, linksFrom, type FieldName, type FormValues } from './entry-form-values';
import { entryFromForm } from './entry-from-form';
import type { FormContext } from './form-context';
import { isRuleCarrier, ownNames } from './name-rules';
import { ownerCalled } from './owner-called';
import { readRelated, type RelatedRead } from './related-field';

export interface FieldError {
  field: FieldName;
  key: MessageKey;
  /** A text is written with the form's translator (`writePackText`). */
  subs: (Substitution | PackText)[];
}

/** `error` as the form shows it, written with `t`. */
export function fieldErrorText(t: Translator, error: FieldError): string {
  return t(error.key, ...writeSubstitutions(t, error.subs));
}

/** The form's links as `linksFrom` read them. */
type LinksRead = ReturnType<typeof linksFrom>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function nameError(field: FieldName, name: string): FieldError | undefined {
  if (name.length > LIMITS.nameLength) return { field, key: 'editorErrorNameLong', subs: [name, LIMITS.nameLength] };
  // Counted as the matcher reads it (the schema's rule): "a" plus a zero-width space is "a".
  if (matchedLength(name) < 2) return { field, key: 'editorErrorNameShort', subs: [name] };
  if (CONTROL.test(name)) return { field, key: 'editorErrorControl', subs: [name] };
  return undefined;
}

/**
 * A slug made from the first name written mostly in Latin letters (accents dropped:
 * "Échidna" is `echidna`), unique among `taken`; a dated one if there is none. A name mostly
 * in another script gives none of its few Latin letters ("Платипус Ltd" is not `ltd`).
 */
export function makeId(names: readonly string[], taken: ReadonlySet<string>, now = Date.now()): string {
  const latin = names
    .map((n) => n.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase())
    .filter((n) => (n.match(/[a-z]/g)?.length ?? 0) * 2 >= (n.match(/\p{L}/gu)?.length ?? 0))
    .map((n) => n.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .find((s) => s.length >= 2);
  const base = (latin ?? `entry-${now.toString(36)}`).slice(0, 56).replace(/-+$/, '');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

const FIELD_OF_PATH: Record<string, FieldName> = {
  id: 'id',
  term: 'term',
  names: 'names.zh-Hant',
  aliases: 'aliases',
  category: 'category',
  context: 'notes.zh-Hant',
  exclude: 'exclude',
  related: 'related',
  links: 'links',
  section: 'section',
  caseSensitive: 'caseSensitive',
};

function checkNames(values: FormValues, ctx: FormContext, id: string, errors: FieldError[]) {
  const term = values.term.trim();
  if (!term) errors.push({ field: 'term', key: 'editorErrorTermEmpty', subs: [] });
  const termError = term ? nameError('term', term) : undefined;
  if (termError) errors.push(termError);
  const aliasLines = lines(values.aliases);
  if (aliasLines.length > LIMITS.aliasesPerEntry) {
    errors.push({ field: 'aliases', key: 'editorErrorTooMany', subs: [LIMITS.aliasesPerEntry] });
  } else {
    // A "Whole words" choice is stored on aliases of the entry's own names (name-rules.ts),
    // which count toward the format's limit too: the aliases as they would be stored are
    // counted, and a list over it said here, not as the schema's English.
    const stored = aliasesFrom(values, ctx.original?.aliases);
    if (stored.length > LIMITS.aliasesPerEntry) {
      const own = ownNames(term, values.names);
      const carriers = stored.filter((alias) => isRuleCarrier(alias, own)).length;
      const subs = [LIMITS.aliasesPerEntry, stored.length - carriers, carriers];
      errors.push({ field: 'aliases', key: 'editorErrorTooManyWithRule', subs });
    }
  }
  const aliasError = aliasLines.map((a) => nameError('aliases', a)).find(Boolean);
  if (aliasError) errors.push(aliasError);
  const displayNames = NOTE_LANGUAGES.flatMap((l): [FieldName, string][] => {
    const name = values.names[l].trim();
    return name ? [[`names.${l}`, name]] : [];
  });
  // An everyday word marks one of the names above: one that is none would mark nothing.
  const entryNames = new Set([term, ...displayNames.map(([, name]) => name), ...aliasLines]);
  const stray = lines(values.generic).find((name) => !entryNames.has(name));
  if (stray !== undefined) errors.push({ field: 'generic', key: 'editorErrorGenericNotName', subs: [stray] });
  for (const [field, name] of displayNames) {
    const error = nameError(field, name);
    if (error) errors.push(error);
  }
  // Only names the reader adds are checked against other entries: an existing overlap
  // (two packs naming the same company) must not block saving an unrelated change.
  const before = new Set(ctx.original ? everyName(ctx.original) : []);
  const named: [FieldName, string][] = [
    ['term', term],
    ...displayNames,
    ...aliasLines.map((a): [FieldName, string] => ['aliases', a]),
  ];
  for (const [field, name] of named) {
    if (!name || before.has(name)) continue;
    const owner = ctx.nameOwners.get(searchKey(name));
    if (owner && owner.id !== id && !errors.some((e) => e.field === field)) {
      const called = ownerCalled(name, owner);
      errors.push(
        called === undefined
          ? { field, key: 'editorErrorNameTakenInPack', subs: [name, owner.pack] }
          : { field, key: 'editorErrorAliasTaken', subs: [name, called] },
      );
    }
  }
}

function checkLists(values: FormValues, links: LinksRead, related: RelatedRead, errors: FieldError[]) {
  const exclude = lines(values.exclude);
  if (exclude.length > LIMITS.listLength)
    errors.push({ field: 'exclude', key: 'editorErrorTooMany', subs: [LIMITS.listLength] });
  const excludeError = exclude.map((p) => nameError('exclude', p)).find(Boolean);
  if (excludeError) errors.push(excludeError);
  if (lines(values.related).length > LIMITS.listLength)
    errors.push({ field: 'related', key: 'editorErrorTooMany', subs: [LIMITS.listLength] });
  else if (related.tooMany)
    errors.push({ field: 'related', key: 'editorErrorRelatedTooMany', subs: [LIMITS.listLength] });
  if (lines(values.links).length > LIMITS.listLength)
    errors.push({ field: 'links', key: 'editorErrorTooMany', subs: [LIMITS.listLength] });
  if (links.bad !== undefined) errors.push({ field: 'links', key: 'editorErrorLink', subs: [links.bad] });
  // Saved as written, the link would show to every reader with the tag in its title.
  else if (links.mistyped !== undefined)
    errors.push({ field: 'links', key: 'editorErrorLinkLanguage', subs: [links.mistyped] });
  // A link's title is a name shown in the tooltip: held to a name's length, with a name's message.
  const long = links.links.find((l) => l.title.trim().length > LIMITS.nameLength);
  if (long) errors.push({ field: 'links', key: 'editorErrorNameLong', subs: [long.title, LIMITS.nameLength] });
  // A pasted redirect or tracking address can pass the format's limit: said in the reader's
  // language, with the link's title and how long it is, not as the schema's English message.
  const longUrl = links.links.find((l) => l.url.length > LIMITS.urlLength);
  if (longUrl)
    errors.push({
      field: 'links',
      key: 'editorErrorLinkLong',
      subs: [longUrl.title, longUrl.url.length, LIMITS.urlLength],
    });
  if (related.self) errors.push({ field: 'related', key: 'editorErrorRelatedSelf', subs: [] });
  else if (related.unknown)
    errors.push({ field: 'related', key: 'editorErrorRelatedUnknown', subs: [related.unknown] });
}

function checkNotes(values: FormValues, errors: FieldError[]) {
  if (NOTE_LANGUAGES.every((l) => !values.notes[l].trim())) {
    errors.push({ field: 'notes.zh-Hant', key: 'editorErrorNoteMissing', subs: [] });
  }
  for (const language of NOTE_LANGUAGES) {
    const length = values.notes[language].trim().length;
    if (length > LIMITS.noteLength) {
      errors.push({
        field: `notes.${language}`,
        key: 'editorErrorNoteLong',
        subs: [length, LIMITS.noteLength, length - LIMITS.noteLength],
      });
    }
  }
  // A section typed (a pack that lists none) has no `maxlength` either, for the same reason.
  const section = values.section.trim().length;
  if (section > LIMITS.sectionLength) {
    const subs = [section, LIMITS.sectionLength, section - LIMITS.sectionLength];
    errors.push({ field: 'section', key: 'editorErrorSectionLong', subs });
  }
}

/** Validates the form; returns the entry to save when there are no errors. */
export function validateForm(values: FormValues, ctx: FormContext): { entry?: Entry; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let id = ctx.original?.id ?? values.id.trim();
  if (!ctx.original) {
    if (id && (!SLUG.test(id) || id.length > 64)) errors.push({ field: 'id', key: 'editorErrorIdFormat', subs: [] });
    else if (id && ctx.takenIds.has(id)) errors.push({ field: 'id', key: 'editorErrorIdTaken', subs: [id] });
    // The entry's own name first, then its English name, then its other names.
    if (!id) id = makeId([values.term, values.names.en, ...lines(values.aliases)], ctx.takenIds);
  }
  checkNames(values, ctx, id, errors);
  checkNotes(values, errors);
  const links = linksFrom(values, ctx.original?.links);
  const related = readRelated(values, ctx, id);
  checkLists(values, links, related, errors);
  if (errors.length > 0) return { errors };
  const built = entryFromForm(values, ctx, id, links.links, related.ids);
  const result = entrySchema.safeParse(built);
  if (result.success) return { entry: result.data, errors };
  // A rule the checks above do not cover (half a character pasted into a name): still shown
  // next to the right field, worded as a pack's problem is, in the reader's language.
  return {
    errors: result.error.issues.map((issue) => ({
      field: FIELD_OF_PATH[String(issue.path[0])] ?? 'term',
      key: 'editorErrorInvalid',
      subs: [issueProblems([issue], built)[0]?.problem ?? issue.message],
    })),
  };
}

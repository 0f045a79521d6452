/**
 * Looks up UI text in the bundled catalogs with the semantics of `i18n.getMessage`:
 * named placeholders (`$HOST$`) expand to their `content` (`$1`), which takes the
 * substitutions; `$$` is a literal dollar sign.
 */
import { CATALOGS, type Catalog, type CatalogMessage, type MessageKey, type SingularKey } from './catalogs';
import type { ReaderLanguage } from './language';

export type { MessageKey };

/** A message with a count whose English has a singular (`<key>_one`): see `translateCount`. */
export type CountedKey = SingularKey extends `${infer Base}_one` ? Extract<Base, MessageKey> : never;

/** Expands one catalog message with its substitutions. */
export function formatMessage(entry: CatalogMessage, substitutions: readonly string[] = []): string {
  const positional = (ref: string) => (ref === '$' ? '$' : (substitutions[Number(ref) - 1] ?? ''));
  // One pass, so a substitution that happens to contain "$1" is left as written.
  return entry.message.replace(/\$([A-Za-z_@][A-Za-z0-9_@]*)\$|\$(\$|[1-9])/g, (whole, name?: string, ref?: string) => {
    if (ref !== undefined) return positional(ref);
    const placeholder = entry.placeholders?.[(name ?? '').toLowerCase()];
    // Chrome leaves an unknown $NAME$ as written; doing the same keeps a typo visible.
    return placeholder ? placeholder.content.replace(/\$(\$|[1-9])/g, (_, r: string) => positional(r)) : whole;
  });
}

/** What fills a placeholder: text as it is, or a number written the language's way ("10,000"). */
export type Substitution = string | number;

const numberFormats = new Map<ReaderLanguage, Intl.NumberFormat>();

function written(language: ReaderLanguage, substitution: Substitution): string {
  if (typeof substitution === 'string') return substitution;
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(substitution);
}

/** `entry` expanded with `substitutions`, numbers written the way of `language`. */
function fill(language: ReaderLanguage, entry: CatalogMessage, substitutions: readonly Substitution[]): string {
  return formatMessage(
    entry,
    substitutions.map((s) => written(language, s)),
  );
}

/** The text for `key` in `language`, with `$1`… filled from `substitutions`. */
export function translate(language: ReaderLanguage, key: MessageKey, ...substitutions: Substitution[]): string {
  return fill(language, CATALOGS[language][key], substitutions);
}

const pluralRules = new Map<ReaderLanguage, Intl.PluralRules>();

/**
 * The text for `key` with `count` as its first substitution, in the form the language's
 * grammar wants for that number: "1 entry", "2 entries"; Chinese has one form for every count.
 */
export function translateCount(
  language: ReaderLanguage,
  key: CountedKey,
  count: number,
  ...more: Substitution[]
): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  const catalog: Catalog = CATALOGS[language];
  const singular = rules.select(count) === 'one' ? catalog[`${key}_one`] : undefined;
  return fill(language, singular ?? catalog[key], [count, ...more]);
}

/** `t(key, ...subs)` bound to one language, with `t.count(key, n)` for messages with a count. */
export interface Translator {
  (key: MessageKey, ...substitutions: Substitution[]): string;
  count(key: CountedKey, count: number, ...more: Substitution[]): string;
  /** The language it writes, for text that comes from data rather than the catalogs. */
  language: ReaderLanguage;
}

export function translator(language: ReaderLanguage): Translator {
  const t = (key: MessageKey, ...substitutions: Substitution[]) => translate(language, key, ...substitutions);
  return Object.assign(t, {
    count: (key: CountedKey, count: number, ...more: Substitution[]) => translateCount(language, key, count, ...more),
    language,
  });
}

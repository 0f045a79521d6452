/**
 * The "Whole words" choice for every name an entry is found by. The format gives a rule to
 * alias objects only; the term and the display names take one from an alias object of the
 * same text (the matcher reads such a name by that alias's rules). Those rule carriers are
 * not names the reader wrote under "Other names": the form hides them, and writes them again
 * from the chosen rule. Pure.
 */
import { NOTE_LANGUAGES, type Alias, type NoteLanguage } from '../glossary/schema';

export type WholeWordRule = 'auto' | 'on' | 'off' | 'mixed';

/** The rule shown for a list of aliases: one explicit rule shared by all, none, or mixed. */
export function wholeWordRuleOf(aliases: readonly Alias[]): WholeWordRule {
  const rules = new Set(aliases.map((a) => (typeof a === 'string' ? undefined : a.wholeWord)));
  if (rules.size === 0 || (rules.size === 1 && rules.has(undefined))) return 'auto';
  if (rules.size === 1) return rules.has(true) ? 'on' : 'off';
  return 'mixed';
}

/**
 * The entry's own names: its term and its display names in the reader languages (a newer
 * format's other keys are not searched for, so they need no rule).
 */
export function ownNames(term: string, names: Readonly<Partial<Record<NoteLanguage, string>>> = {}): string[] {
  const all = [term, ...NOTE_LANGUAGES.map((l) => names[l] ?? '')].map((n) => n.trim());
  return [...new Set(all.filter((n) => n.length > 0))];
}

/**
 * An alias that only gives one of the entry's own names its whole-word rule, or marks it an
 * everyday word (`generic`). One with other rules (exact case) is a name the pack's author
 * wrote, and stays in "Other names".
 */
export function isRuleCarrier(alias: Alias, own: readonly string[]): boolean {
  if (typeof alias === 'string' || !own.includes(alias.text)) return false;
  const { text: _text, wholeWord, generic, ...other } = alias;
  return (wholeWord !== undefined || generic === true) && Object.keys(other).length === 0;
}

/**
 * The rule carriers for the entry's own names not written under "Other names" (`written`):
 * the chosen rule on each, none for "Automatic", for "mixed" the one each had; and the mark
 * of the `everyday` words among them.
 */
export function ruleCarriers(
  own: readonly string[],
  written: ReadonlySet<string>,
  rule: WholeWordRule,
  original: readonly Alias[],
  everyday: ReadonlySet<string> = new Set(),
): Alias[] {
  const names = own.filter((n) => !written.has(n));
  const carried = new Map(
    original.flatMap((a) => (typeof a !== 'string' && isRuleCarrier(a, names) ? [[a.text, a.wholeWord]] : [])),
  );
  return names.flatMap((text): Alias[] => {
    const wholeWord = rule === 'on' ? true : rule === 'off' ? false : rule === 'mixed' ? carried.get(text) : undefined;
    const carrier: Exclude<Alias, string> = { text };
    if (wholeWord !== undefined) carrier.wholeWord = wholeWord;
    if (everyday.has(text)) carrier.generic = true;
    return Object.keys(carrier).length > 1 ? [carrier] : [];
  });
}

/**
 * Turns glossary entries into the pattern set the automaton is built from.
 *
 * Aliases are folded, so 輝達/辉达 or NVIDIA/Nvidia/ＮＶＩＤＩＡ become one pattern: one trie path,
 * one match, never two overlapping highlights. Each pattern carries "variants": the rules of each
 * alias that produced it (whose entry, case-sensitive or not, which sides need a word boundary),
 * plus the entries for which it is an excluded phrase.
 */
import { normalizeName } from './name-key';
import { isWordStartUnit, KIND_CJK, KIND_NONE, wordKind } from './word-kind';

/** A glossary entry as the matcher sees it; schema `Entry` objects fit this shape. */
export interface MatcherEntry {
  id: string;
  term: string;
  /** Display names per reader language (the schema's `names`): matched too. */
  names?: { readonly 'zh-Hant'?: string; readonly 'zh-Hans'?: string; readonly en?: string };
  aliases: readonly (string | { text: string; caseSensitive?: boolean; wholeWord?: boolean; generic?: boolean })[];
  caseSensitive?: boolean;
  exclude?: readonly string[];
}

/** The languages of `MatcherEntry.names` (the reader languages; other keys are not names). */
const DISPLAY_LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;

/** Variant flags (bit set). */
export const Flag = {
  CaseSensitive: 1,
  /** The alias's first character needs a boundary before it. */
  Left: 2,
  Right: 4,
  /** The boundary side is CJK, so any letter (Han included) blocks it (explicit wholeWord only). */
  LeftCjk: 8,
  RightCjk: 16,
  /** A trailing "s" may follow (LLMs, GPUs, H100s) and is part of the match. */
  Plural: 32,
  /** Not an alias: an excluded phrase of the entry; occurrences of the entry inside it are dropped. */
  Exclude: 64,
  /**
   * An everyday word ("chips", 人才): its occurrences are reported as generic, and the page
   * highlights them only once it names something of the glossary by another name.
   */
  Generic: 128,
} as const;

/** Per-pattern alias rules: what the scanner needs besides the automaton. */
export interface VariantTable {
  /** Variants of pattern p are variantStart[p] … variantStart[p + 1] - 1 (excludes first). */
  variantStart: Int32Array;
  variantEntry: Int32Array;
  variantFlags: Int32Array;
  /** The alias as written (spaces collapsed) for case-sensitive variants, '' otherwise. */
  variantText: string[];
}

export interface PatternSet extends VariantTable {
  /** Folded, whitespace-collapsed pattern texts with word-start markers, unique. */
  keys: string[];
}

/**
 * The word-start marker. The scanner feeds it to the automaton before every letter or digit
 * that follows a non-letter, so keys carry it at the same places: inside the key wherever a
 * letter follows a non-letter ("alibaba ␁cloud", "英伟达␁h20"), and in front when the alias
 * must start at a word boundary (Latin names). A real U+0001 in page text never matches it.
 */
export const WORD_START = '\u0001';

/** Inserts WORD_START where the scanner would feed it; `anchored` adds one in front. */
export function withWordStarts(key: string, anchored: boolean): string {
  let out = anchored ? WORD_START : '';
  for (let i = 0; i < key.length; i++) {
    if (i > 0 && isWordStartUnit(key.charCodeAt(i)) && !isWordStartUnit(key.charCodeAt(i - 1))) out += WORD_START;
    out += key[i];
  }
  return out;
}

export interface Variant {
  entry: number;
  flags: number;
  text: string;
}

function sideFlags(key: string, wholeWord: boolean | undefined, caseSensitive: boolean): number {
  const first = wordKind(key.codePointAt(0)!);
  const last = wordKind(key.codePointAt(key.length - 1)!);
  let flags = 0;
  if (wholeWord === false) return flags;
  // Default: only Latin-like sides need a boundary; Chinese matches inside running text.
  if (wholeWord === true ? first !== KIND_NONE : first !== KIND_NONE && first !== KIND_CJK) flags |= Flag.Left;
  if (wholeWord === true ? last !== KIND_NONE : last !== KIND_NONE && last !== KIND_CJK) flags |= Flag.Right;
  if (first === KIND_CJK && flags & Flag.Left) flags |= Flag.LeftCjk;
  if (last === KIND_CJK && flags & Flag.Right) flags |= Flag.RightCjk;
  // Plurals only for case-insensitive Latin names: "Arms" is not Arm, "Coheres" is the verb.
  if (flags & Flag.Right && !(flags & Flag.RightCjk) && !caseSensitive) flags |= Flag.Plural;
  return flags;
}

/** "companies" for "company" (a folded key ending in a consonant and y), else undefined. */
function iesPlural(key: string): string | undefined {
  return /[b-df-hj-np-tv-xz]y$/.test(key) ? `${key.slice(0, -1)}ies` : undefined;
}

/** Collects the unique folded patterns of all entries with their variants. */
export function buildPatternSet(entries: readonly MatcherEntry[]): PatternSet {
  const byKey = new Map<string, Variant[]>();
  const seen = new Set<string>();
  const add = (key: string, variant: Variant) => {
    const id = `${key}\u0000${variant.entry}\u0000${variant.flags}\u0000${variant.text}`;
    if (key.length === 0 || seen.has(id)) return;
    seen.add(id);
    const list = byKey.get(key);
    if (list) list.push(variant);
    else byKey.set(key, [variant]);
  };

  entries.forEach((entry, index) => {
    // `aliases` may be missing in hand-made data; the schema defaults it to [].
    const aliases = entry.aliases ?? [];
    // The term written again as an alias object is matched by that alias's rules alone (the
    // editor gives the term a whole-word rule so), not also by the entry's defaults: else
    // "only as whole words" on a Chinese term would still match inside running text.
    const ruled = aliases.some((a) => typeof a !== 'string' && a.text === entry.term);
    const names = ruled ? [...aliases] : [entry.term, ...aliases];
    // A display name that is also the term or an alias is matched by that name's rules
    // (a case-sensitive "The Geopolitics" stays case-sensitive); any other by the entry's.
    const written = new Set([entry.term, ...names.map((n) => (typeof n === 'string' ? n : n.text))]);
    for (const language of DISPLAY_LANGUAGES) {
      const name = entry.names?.[language];
      if (typeof name === 'string' && !written.has(name)) names.push(name);
    }
    for (const name of names) {
      const alias = typeof name === 'string' ? { text: name } : name;
      const caseSensitive = alias.caseSensitive ?? entry.caseSensitive ?? false;
      const { key, kept } = normalizeName(alias.text);
      if (key.length === 0) continue;
      let flags = sideFlags(key, alias.wholeWord, caseSensitive);
      if (caseSensitive) flags |= Flag.CaseSensitive;
      if (alias.generic === true) flags |= Flag.Generic;
      const anchored = (flags & Flag.Left) !== 0 && isWordStartUnit(key.charCodeAt(0));
      add(withWordStarts(key, anchored), { entry: index, flags, text: caseSensitive ? kept : '' });
      // The plural rule adds an s; a consonant and y make "-ies" instead ("Chinese AI companies").
      const ies = flags & Flag.Plural ? iesPlural(key) : undefined;
      if (ies) add(withWordStarts(ies, anchored), { entry: index, flags: flags & ~Flag.Plural, text: '' });
    }
    for (const phrase of entry.exclude ?? []) {
      const { key } = normalizeName(phrase);
      add(withWordStarts(key, false), { entry: index, flags: Flag.Exclude, text: '' });
      // Its plural too, as for a name ("-ies" needs a key of its own; an s is the rule's).
      const ies = iesPlural(key);
      if (ies) add(withWordStarts(ies, false), { entry: index, flags: Flag.Exclude, text: '' });
    }
  });

  // Exclusions first (they all apply); then aliases, the more specific case-sensitive ones
  // first, in entry order: the first alias whose rules hold wins the occurrence.
  // Within one entry and case rule an everyday word's variant first: "Chip", a display name,
  // does not make the alias "chip" that the pack calls generic a name to highlight everywhere.
  for (const list of byKey.values())
    list.sort((a, b) => rank(a) - rank(b) || a.entry - b.entry || (b.flags & Flag.Generic) - (a.flags & Flag.Generic));
  return patternSet(byKey);
}

/** The pattern set of keys with their variants, in the map's order. */
export function patternSet(byKey: ReadonlyMap<string, readonly Variant[]>): PatternSet {
  const keys = [...byKey.keys()];
  const variantStart = new Int32Array(keys.length + 1);
  const all: Variant[] = [];
  keys.forEach((key, p) => {
    variantStart[p] = all.length;
    all.push(...byKey.get(key)!);
  });
  variantStart[keys.length] = all.length;
  return {
    keys,
    variantStart,
    variantEntry: Int32Array.from(all, (v) => v.entry),
    variantFlags: Int32Array.from(all, (v) => v.flags),
    variantText: all.map((v) => v.text),
  };
}

function rank(v: Variant): number {
  if (v.flags & Flag.Exclude) return 0;
  return v.flags & Flag.CaseSensitive ? 1 : 2;
}

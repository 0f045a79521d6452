/**
 * Counts how often the column mentions each entry of a pack, the way the matcher is specified
 * to find them (issue #3): text folded per UTF-16 unit (NFKC width, hyphens, spaces,
 * Traditional→Simplified, case), every alias and the term as patterns, leftmost-longest and
 * non-overlapping across all entries, Latin aliases on word boundaries (plural "s" allowed),
 * exclusion phrases honoured.
 *
 * It exists so that `mentions` in the bundled pack is a recount, not a guess: the data test
 * compares the pack against it. It is deliberately simple (quadratic in patterns × text) —
 * fine for one column, not a matcher for pages.
 */
import * as OpenCC from 'opencc-js';

/** What the counter needs from an entry (schema `Entry` objects fit). */
export interface CountableEntry {
  id: string;
  term: string;
  aliases?: readonly (string | { text: string; caseSensitive?: boolean; wholeWord?: boolean })[];
  caseSensitive?: boolean;
  exclude?: readonly string[];
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const HYPHENS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u00AD]/;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const LATIN_WORD = /[a-zA-Z0-9]/;

/** Folds one UTF-16 unit; anything that would change the length is left alone. */
function foldUnit(unit: string, keepCase: boolean): string {
  let c = unit.normalize('NFKC');
  if (c.length !== 1) c = unit;
  if (HYPHENS.test(c)) c = '-';
  else if (SPACES.test(c)) c = ' ';
  const simplified = toSimplified(c);
  if (simplified.length === 1) c = simplified;
  if (!keepCase) {
    const lower = c.toLowerCase();
    if (lower.length === 1) c = lower;
  }
  return c;
}

/** Length-preserving fold of a whole string. */
export function foldText(text: string, keepCase = false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i] as string, keepCase);
  return out;
}

interface Pattern {
  entry: number;
  folded: string;
  caseSensitive: boolean;
  wholeWord: boolean;
}

function patternsOf(entries: readonly CountableEntry[]): Pattern[] {
  const patterns: Pattern[] = [];
  entries.forEach((entry, index) => {
    for (const alias of [entry.term, ...(entry.aliases ?? [])]) {
      const text = typeof alias === 'string' ? alias : alias.text;
      const caseSensitive =
        (typeof alias === 'string' ? undefined : alias.caseSensitive) ?? entry.caseSensitive ?? false;
      const latinEnds = LATIN_WORD.test(text[0] ?? '') && LATIN_WORD.test(text[text.length - 1] ?? '');
      const wholeWord = (typeof alias === 'string' ? undefined : alias.wholeWord) ?? latinEnds;
      patterns.push({ entry: index, folded: foldText(text, caseSensitive), caseSensitive, wholeWord });
    }
  });
  return patterns;
}

const isWord = (c: string | undefined) => c !== undefined && LATIN_WORD.test(c);

/** True when the text after `end` leaves a word boundary, allowing an English plural ending. */
function endsOnBoundary(folded: string, end: number): boolean {
  if (!isWord(folded[end])) return true;
  if (folded[end] === 's' && !isWord(folded[end + 1])) return true;
  return folded.startsWith('es', end) && !isWord(folded[end + 2]);
}

/** Spans [start, end) of the text covered by each entry's exclusion phrases. */
function exclusionSpans(entries: readonly CountableEntry[], folded: string): [number, number][][] {
  return entries.map((entry) =>
    (entry.exclude ?? []).flatMap((phrase) => {
      const p = foldText(phrase);
      const spans: [number, number][] = [];
      for (let at = folded.indexOf(p); at !== -1; at = folded.indexOf(p, at + 1)) spans.push([at, at + p.length]);
      return spans;
    }),
  );
}

/** Occurrences of each entry in `text`, in entry order. */
export function countMentions(entries: readonly CountableEntry[], text: string): number[] {
  const lower = foldText(text);
  const cased = foldText(text, true);
  const patterns = patternsOf(entries);
  const excluded = exclusionSpans(entries, lower);
  const counts: number[] = entries.map(() => 0);
  let i = 0;
  while (i < text.length) {
    let best: Pattern | undefined;
    for (const p of patterns) {
      if (best && p.folded.length <= best.folded.length) continue;
      const hay = p.caseSensitive ? cased : lower;
      if (!hay.startsWith(p.folded, i)) continue;
      const end = i + p.folded.length;
      if (p.wholeWord && (isWord(lower[i - 1]) || !endsOnBoundary(lower, end))) continue;
      if (excluded[p.entry]?.some(([s, e]) => s <= i && end <= e)) continue;
      best = p;
    }
    if (best) {
      counts[best.entry] = (counts[best.entry] ?? 0) + 1;
      i += best.folded.length;
    } else i++;
  }
  return counts;
}

/**
 * Synthetic glossary names drawn from real page text, so a large benchmark glossary has the
 * character distribution of the pages it is scanned against: runs of 2–6 Han characters and
 * single Latin words (4+ letters), picked at seeded-random positions, distinct after folding.
 */
import { fold } from '../../src/matcher/index';
import { seededRandom } from './lib/seeded-random';

const HAN = /\p{sc=Han}/u;
const LATIN = /[A-Za-z]/;

/** `count` distinct names taken from `texts`, half Han runs and half Latin words where possible. */
export function syntheticAliases(texts: readonly string[], count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const corpus = texts.join('\n');
  const seen = new Set<string>();
  const names: string[] = [];
  for (let attempts = 0; names.length < count && attempts < count * 200; attempts++) {
    const at = Math.floor(next() * corpus.length);
    const ch = corpus[at]!;
    let name: string;
    if (HAN.test(ch)) {
      const length = 2 + Math.floor(next() * 5);
      name = corpus.slice(at, at + length);
      if ([...name].length !== length || ![...name].every((c) => HAN.test(c))) continue;
    } else if (LATIN.test(ch)) {
      let start = at;
      let end = at;
      while (start > 0 && LATIN.test(corpus[start - 1]!)) start--;
      while (end < corpus.length && LATIN.test(corpus[end]!)) end++;
      name = corpus.slice(start, end);
      if (name.length < 4) continue;
    } else continue;
    const key = fold(name);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compileMatcher, fold, loadMatcher, type Match, type MatcherEntry } from '../../../src/matcher/index';
import { ENTRIES, matcher } from './glossary-fixture';

/** Scripts written without spaces, whose source line breaks CSS removes (Hangul is not one). */
const JOINING = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Bopomofo}`;
const SEGMENT_BREAK = new RegExp(`(?<=[${JOINING}])[ \\t\\f]*[\\n\\r][ \\t\\n\\r\\f]*(?=[${JOINING}])`, 'gu');
/** Latin letters and digits, full-width ones too: what a space beside Chinese is nothing next to. */
const LATIN = String.raw`0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a`;
const SCRIPT_CHANGE_SPACE = new RegExp(
  `(?<=[${JOINING}])[ \\t\\n\\r\\f]+(?=[${LATIN}])|(?<=[${LATIN}])[ \\t\\n\\r\\f]+(?=[${JOINING}])`,
  'gu',
);

/**
 * How the scanner reads text, written independently of it: invisibles dropped, a source line
 * break between Chinese characters dropped, spaces between Chinese and Latin dropped, folded,
 * spaces collapsed.
 */
const canonical = (s: string) =>
  fold(
    s
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      .replace(SEGMENT_BREAK, '')
      .replace(SCRIPT_CHANGE_SPACE, ''),
  )
    .replace(/ {2,}/g, ' ')
    .trim();

const aliasTexts = (e: MatcherEntry) => [e.term, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))];

/** Page-like text: glossary names (in any case, width or script) mixed with filler. */
const pageText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...ENTRIES.flatMap(aliasTexts)),
      fc.constantFrom(...ENTRIES.flatMap(aliasTexts)).map((s) => s.toUpperCase()),
      fc.constantFrom(...ENTRIES.flatMap(aliasTexts)).map((s) => s.toLowerCase()),
      // A name spaced where Chinese meets Latin, as Taiwan media write: "AI 晶片", "輝達 H20".
      fc
        .constantFrom(...ENTRIES.flatMap(aliasTexts))
        .map((s) =>
          s.replace(new RegExp(`(?<=[${JOINING}])(?=[${LATIN}])|(?<=[${LATIN}])(?=[${JOINING}])`, 'gu'), ' '),
        ),
      // A name wrapped by the page's source: "英偉\n達".
      fc
        .constantFrom(...ENTRIES.flatMap(aliasTexts).filter((s) => s.length > 1))
        .map((s) => `${s.slice(0, 1)}\n ${s.slice(1)}`),
      fc.constantFrom(
        ' ',
        '  ',
        '\n',
        '的',
        'x',
        's',
        "'s",
        '-',
        '\u00ad',
        '\u00a0',
        '海納',
        '山',
        'RE',
        '0',
        '。',
        'é',
      ),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

function assertSortedDisjoint(matches: readonly Match[], length: number): void {
  let covered = 0;
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(covered);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(length);
    covered = m.end;
  }
}

// Property runs compile and scan thousands of times; a busy CI machine needs more than 5 s.
describe('matcher properties', { timeout: 60_000 }, () => {
  it('reports sorted, non-overlapping matches that read as one of their entry’s names', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const matches = matcher.scan(text);
        assertSortedDisjoint(matches, text.length);
        for (const m of matches) {
          const names = aliasTexts(ENTRIES[m.entry]!).map(canonical);
          const seen = canonical(text.slice(m.start, m.end));
          // A plural "s" or "-ies" is part of the match (LLMs, companies); nothing else may be added.
          const plural =
            (seen.endsWith('s') && names.includes(seen.slice(0, -1))) ||
            (seen.endsWith('ies') && names.includes(`${seen.slice(0, -3)}y`));
          expect(names.includes(seen) || plural, `${JSON.stringify(seen)} for ${ENTRIES[m.entry]!.id}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the same entries whether or not Chinese and Latin are spaced apart', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const entries = (t: string) => matcher.scan(t).map((m) => ENTRIES[m.entry]!.id);
        expect(entries(text)).toEqual(entries(text.replace(SCRIPT_CHANGE_SPACE, '')));
      }),
      { numRuns: 1000 },
    );
  });

  it('scans identically after serialize → JSON → load', () => {
    const loaded = loadMatcher(JSON.parse(JSON.stringify(matcher.serialize())));
    expect(loaded.entryIds).toEqual(matcher.entryIds);
    fc.assert(
      fc.property(pageText, (text) => {
        expect(loaded.scan(text)).toEqual(matcher.scan(text));
      }),
      { numRuns: 500 },
    );
  });

  it('matches a brute-force leftmost-longest search over folded text', () => {
    // Names without word rules, from a tiny alphabet so that they overlap a lot. Latin letters
    // next to Han characters also exercise the word-start markers inside keys.
    const unit = fc.constantFrom('a', 'b', 'A', 'ａ', '1', '-', '.', '辉', '輝', '达', '達', '里', '裡', '裏');
    const name = fc.array(unit, { minLength: 1, maxLength: 4 }).map((u) => u.join(''));
    const glossary = fc.array(name, { minLength: 1, maxLength: 12 });
    const text = fc.array(unit, { maxLength: 60 }).map((u) => u.join(''));

    fc.assert(
      fc.property(glossary, text, (names, haystack) => {
        const entries = names.map((n, i) => ({
          id: `e${i}`,
          term: 'placeholder-unused',
          aliases: [{ text: n, wholeWord: false }],
        }));
        const m = compileMatcher(entries.map((e) => ({ ...e, term: (e.aliases[0] as { text: string }).text })));
        const folded = fold(haystack);
        const owner = new Map<string, number>();
        names.forEach((n, i) => (owner.has(fold(n)) ? undefined : owner.set(fold(n), i)));
        const candidates: Match[] = [];
        for (let i = 0; i < folded.length; i++) {
          for (const [key, entry] of owner)
            if (folded.startsWith(key, i)) candidates.push({ start: i, end: i + key.length, entry });
        }
        candidates.sort((x, y) => x.start - y.start || y.end - x.end);
        const expected: Match[] = [];
        for (const c of candidates) if (c.start >= (expected.at(-1)?.end ?? 0)) expected.push(c);
        expect(m.scan(haystack)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('selects the same matches whether or not an excluded phrase forces the exact (sorting) path', () => {
    // The same glossary plus one entry whose exclusion occurs at the end of the text: its
    // presence switches the scanner from streaming selection to collect-filter-sort.
    const withExclusion = compileMatcher([
      ...ENTRIES,
      { id: 'trigger', term: 'qqqqqqq', aliases: [], exclude: ['zzqx'] },
    ]);
    fc.assert(
      fc.property(pageText, (text) => {
        const exact = withExclusion.scan(`${text} 。zzqx`).filter((m) => m.end <= text.length);
        expect(exact).toEqual(matcher.scan(text));
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * The corpus sweep's verdicts (tests/bench/lib/sweep-checks.ts) and its sample: a sweep that
 * cannot fail proves nothing, so each check is shown failing on the damage it exists to catch.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/matcher';
import { samplePages } from '../../bench/lib/corpus';
import { PAST_FAILURES, withPastFailures } from '../../bench/lib/sweep-past-failures';
import {
  checkHighlights,
  checkSameHighlights,
  checkUntouched,
  expectedMatches,
  groupHighlights,
  uncovered,
} from '../../bench/lib/sweep-checks';
import type { PageSnapshot } from '../../bench/lib/page-probes';

const matcher = compileMatcher([
  { id: 'nvidia', term: 'Nvidia', aliases: ['輝達', '英伟达'] },
  { id: 'tsmc', term: 'TSMC', aliases: ['台積電'] },
]);
const categories = new Map([
  ['nvidia', 'company'],
  ['tsmc', 'company'],
]);

const snapshot = (over: Partial<PageSnapshot> = {}): PageSnapshot => ({
  url: 'http://127.0.0.1/corpus/a.html',
  title: 'Title',
  bodyHTML: '<p>x</p>',
  headHTML: '<meta charset="utf-8">',
  rootAttributes: 'html lang=en',
  fields: ['typed'],
  protectedHTML: ['<style>p{}</style>', '<svg><text>Nvidia</text></svg>'],
  textNodes: 1,
  ...over,
});

describe('samplePages', () => {
  const pages = [
    ...Array.from({ length: 130 }, (_, i) => `readability/p${i}/source.html`),
    ...Array.from({ length: 71 }, (_, i) => `gne/${i}.html`),
    ...Array.from({ length: 4 }, (_, i) => `postlight/${i}.html`),
    'webmainbench/only.html',
  ];

  it('takes the number asked for, with every folder represented, the same way each time', () => {
    const sample = samplePages(pages, 20);
    expect(sample).toHaveLength(20);
    const folders = new Set(sample.map((p) => p.split('/')[0]));
    expect([...folders].sort()).toEqual(['gne', 'postlight', 'readability', 'webmainbench']);
    expect(samplePages([...pages].reverse(), 20)).toEqual(sample);
    expect(new Set(sample).size).toBe(20);
  });
});

describe('withPastFailures', () => {
  const corpus = [...PAST_FAILURES.map((failure) => failure.page), 'a/1.html', 'b/2.html', 'c/3.html'].sort();

  it('adds every past failure the corpus holds to the pages chosen, each once, in corpus order', () => {
    const pages = withPastFailures(['c/3.html', PAST_FAILURES[0]!.page, 'a/1.html'], corpus);
    expect(pages).toEqual(corpus.filter((page) => page !== 'b/2.html'));
  });

  it('adds none that the corpus lacks', () => {
    expect(withPastFailures(['b/2.html'], ['a/1.html', 'b/2.html', PAST_FAILURES[1]!.page])).toEqual(
      [PAST_FAILURES[1]!.page, 'b/2.html'].sort(),
    );
  });

  it('names pages of the real corpus layout, each once', () => {
    const pages = PAST_FAILURES.map((failure) => failure.page);
    expect(new Set(pages).size).toBe(pages.length);
    for (const page of pages) expect(page).toMatch(/^[\w-]+\/[^/]+\.html$/);
  });
});

describe('expected places and coverage', () => {
  it('finds names per eligible text node, at page offsets', () => {
    // The second text node (an excluded element's, say) is not eligible.
    const text = 'Nvidia said 台積電';
    const expected = expectedMatches({ text, eligible: [[7, 15]] }, matcher);
    expect(expected).toEqual([{ id: 'tsmc', start: 12, end: 15 }]);
    expect(expectedMatches({ text, eligible: [[0, 12]] }, matcher)).toEqual([{ id: 'nvidia', start: 0, end: 6 }]);
  });

  it('expects everyday words only on a page that names something else', () => {
    const withChips = compileMatcher([
      { id: 'nvidia', term: 'Nvidia', aliases: [] },
      { id: 'chips', term: 'AI chip', aliases: [{ text: 'chip', generic: true }] },
    ]);
    const recipe = 'Fish and chips';
    expect(expectedMatches({ text: recipe, eligible: [[0, recipe.length]] }, withChips)).toEqual([]);
    const news = 'Chips by Nvidia';
    expect(expectedMatches({ text: news, eligible: [[0, news.length]] }, withChips)).toEqual([
      { id: 'chips', start: 0, end: 5 },
      { id: 'nvidia', start: 9, end: 15 },
    ]);
  });

  it('does not let a name in the site’s menus open the page to everyday words', () => {
    const withChips = compileMatcher([
      { id: 'nvidia', term: 'Nvidia', aliases: [] },
      { id: 'chips', term: 'AI chip', aliases: [{ text: 'chip', generic: true }] },
    ]);
    // A menu's "Nvidia" (page chrome), then a recipe's chips.
    const text = 'NvidiaFish and chips';
    const menu: [number, number, boolean] = [0, 6, true];
    expect(expectedMatches({ text, eligible: [menu, [6, 20, false]] }, withChips)).toEqual([
      { id: 'nvidia', start: 0, end: 6 },
    ]);
    expect(
      expectedMatches(
        {
          text,
          eligible: [
            [0, 6, false],
            [6, 20, false],
          ],
        },
        withChips,
      ),
    ).toEqual([
      { id: 'nvidia', start: 0, end: 6 },
      { id: 'chips', start: 15, end: 20 },
    ]);
  });

  it('joins the pieces of one match and reports places no highlight touches', () => {
    const groups = groupHighlights([
      { id: 'nvidia', category: 'company', start: 0, end: 3, first: true },
      { id: 'nvidia', category: 'company', start: 3, end: 6, first: false },
      { id: 'nvidia', category: 'company', start: 6, end: 12, first: true },
    ]);
    expect(groups).toEqual([
      { id: 'nvidia', category: 'company', start: 0, end: 6 },
      { id: 'nvidia', category: 'company', start: 6, end: 12 },
    ]);
    const want = [
      { id: 'nvidia', start: 0, end: 6 },
      { id: 'tsmc', start: 20, end: 24 },
    ];
    expect(uncovered(want, groups)).toEqual([{ id: 'tsmc', start: 20, end: 24 }]);
  });
});

describe('checkHighlights', () => {
  const text = 'Nvidia buys from TSMC.';
  const expected = expectedMatches({ text, eligible: [[0, text.length]] }, matcher);
  const piece = (id: string, start: number, end: number) => ({ id, category: 'company', start, end, first: true });

  it('passes when every name is highlighted as its own entry', () => {
    const on = { text, pieces: [piece('nvidia', 0, 6), piece('tsmc', 17, 21)], misplaced: [], cssRanges: 0 };
    expect(checkHighlights(on, text, expected, matcher, categories)).toEqual([]);
  });

  it('fails on a missing, wrong or misplaced highlight and on changed text', () => {
    const missing = { text, pieces: [piece('nvidia', 0, 6)], misplaced: [], cssRanges: 0 };
    expect(checkHighlights(missing, text, expected, matcher, categories)).toEqual([
      'not highlighted: "TSMC" (tsmc) at 17',
    ]);
    const wrong = { text, pieces: [piece('tsmc', 0, 6), piece('tsmc', 17, 21)], misplaced: [], cssRanges: 0 };
    expect(checkHighlights(wrong, text, expected, matcher, categories)).toEqual([
      'highlight "Nvidia" is not a name of tsmc',
    ]);
    const misplaced = { ...missing, pieces: [piece('nvidia', 0, 6), piece('tsmc', 17, 21)], misplaced: ['x in <svg>'] };
    expect(checkHighlights(misplaced, text, expected, matcher, categories)).toEqual([
      'highlight inside an excluded element: x in <svg>',
    ]);
    const none = { text, pieces: [], misplaced: [], cssRanges: 0 };
    expect(checkHighlights(none, text, expected, matcher, categories)[0]).toMatch(/^no highlights/);
    const changed = { ...none, text: 'Nvidia  buys from TSMC.' };
    expect(checkHighlights(changed, text, expected, matcher, categories)[0]).toMatch(/^page text changed/);
  });
});

describe('checkUntouched and checkSameHighlights', () => {
  it('passes on an identical page and names each kind of change', () => {
    expect(checkUntouched(snapshot(), snapshot())).toEqual([]);
    const changes: [Partial<PageSnapshot>, RegExp][] = [
      [{ title: 'Other' }, /^title changed/],
      [{ headHTML: '<meta charset="utf-8"><style>x</style>' }, /^<head> changed/],
      [{ fields: ['typed!'] }, /^form field values changed/],
      [
        { protectedHTML: ['<style>p{}</style>', '<svg><text><mark>Nvidia</mark></text></svg>'] },
        /^protected element changed/,
      ],
      [{ protectedHTML: ['<style>p{}</style>'] }, /^protected elements: 1 instead of 2/],
      [{ rootAttributes: 'html lang=en class=x' }, /attributes changed/],
    ];
    for (const [change, message] of changes)
      expect(checkUntouched(snapshot(), snapshot(change))).toEqual([expect.stringMatching(message)]);
  });

  it('fails when switching on again brings back fewer or moved highlights', () => {
    const before = [
      { id: 'nvidia', start: 0, end: 6 },
      { id: 'tsmc', start: 17, end: 21 },
    ];
    expect(
      checkSameHighlights(
        before,
        before.map((h) => ({ ...h })),
      ),
    ).toEqual([]);
    expect(checkSameHighlights(before, before.slice(1))).toEqual(['1 highlights after switching on again, 2 before']);
    expect(checkSameHighlights(before, [before[0]!, { id: 'tsmc', start: 18, end: 21 }])[0]).toMatch(
      /^highlight 1 differs/,
    );
  });
});

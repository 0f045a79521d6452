/**
 * The sweep's verdicts, computed in Node from what the page probes returned. Pure: no
 * browser, no files. Each function returns human-readable failures (empty = passed).
 */
import type { HighlightPiece, PageHighlights } from './highlight-probe';
import type { PageSnapshot, PageText } from './page-probes';

/** The part of the matcher (src/matcher) the checks use. */
export interface ScanningMatcher {
  readonly entryIds: readonly string[];
  scan(text: string): { start: number; end: number; entry: number; generic?: true }[];
}

export interface TextRange {
  /** Entry id; empty for CSS highlight ranges, which only carry their category. */
  id: string;
  category?: string;
  start: number;
  end: number;
}

/** Where the glossary names something in the page's visible, eligible text nodes, scanned one node at a time. */
export function expectedMatches(page: PageText, matcher: ScanningMatcher): TextRange[] {
  const found: (TextRange & { generic: boolean })[] = [];
  let named = false;
  for (const [start, end, inPageChrome] of page.eligible) {
    for (const m of matcher.scan(page.text.slice(start, end))) {
      const id = matcher.entryIds[m.entry] ?? '?';
      found.push({ id, start: start + m.start, end: start + m.end, generic: m.generic === true });
      named ||= m.generic !== true && inPageChrome !== true;
    }
  }
  // Everyday words stand only with another name of the glossary on the page, outside its
  // navigation, menus and sidebars (topic-gate.ts, page-chrome.ts); other names stand anywhere.
  return found.filter((m) => named || !m.generic).map(({ generic: _generic, ...range }) => range);
}

/**
 * Joins the pieces of one match (a match across inline elements is several marks) into one
 * highlight. A piece continues the previous highlight when it touches it, has the same id
 * and does not carry the first-piece marker.
 */
export function groupHighlights(pieces: readonly HighlightPiece[]): TextRange[] {
  const groups: TextRange[] = [];
  for (const piece of pieces) {
    const last = groups[groups.length - 1];
    if (last && !piece.first && last.id === piece.id && last.category === piece.category && last.end === piece.start)
      last.end = piece.end;
    else groups.push({ id: piece.id, category: piece.category, start: piece.start, end: piece.end });
  }
  return groups;
}

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The first place two strings differ, with a little context, for failure messages. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 40);
  return `at ${i}: ${JSON.stringify(a.slice(from, i + 60))} vs ${JSON.stringify(b.slice(from, i + 60))}`;
}

/** The expected places that no highlight touches (a longer match across elements counts as touching). */
export function uncovered(expected: readonly TextRange[], groups: readonly TextRange[]): TextRange[] {
  // Both lists are sorted by start: walk them together.
  const missed: TextRange[] = [];
  let g = 0;
  for (const want of expected) {
    while (g < groups.length && groups[g]!.end <= want.start) g++;
    const covering = groups[g];
    if (!covering || covering.start >= want.end) missed.push(want);
  }
  return missed;
}

/** Nothing but the text may change: title, form fields, scripts, styles, SVG and the like. */
export function checkUntouched(reference: PageSnapshot, actual: PageSnapshot): string[] {
  const failures: string[] = [];
  if (actual.url !== reference.url) failures.push(`page navigated to ${actual.url}`);
  if (actual.title !== reference.title) failures.push(`title changed: ${JSON.stringify(actual.title)}`);
  if (actual.headHTML !== reference.headHTML)
    failures.push(`<head> changed ${firstDifference(reference.headHTML, actual.headHTML)}`);
  if (actual.rootAttributes !== reference.rootAttributes)
    failures.push(`<html>/<body> attributes changed: ${actual.rootAttributes}`);
  if (JSON.stringify(actual.fields) !== JSON.stringify(reference.fields)) failures.push('form field values changed');
  if (actual.protectedHTML.length !== reference.protectedHTML.length) {
    failures.push(`protected elements: ${actual.protectedHTML.length} instead of ${reference.protectedHTML.length}`);
  } else {
    const changed = actual.protectedHTML.findIndex((html, i) => html !== reference.protectedHTML[i]);
    if (changed >= 0) failures.push(`protected element changed: ${clip(reference.protectedHTML[changed] ?? '')}`);
  }
  return failures;
}

/**
 * The highlights are right: every one covers text its entry names (scanned on its own, the
 * text is exactly one match of that entry; for a CSS highlight range, of an entry of its
 * category), none sits in an excluded element, and every place the visible text names an
 * entry is covered by some highlight. `categories` maps entry ids to categories.
 */
export function checkHighlights(
  highlights: PageHighlights,
  referenceText: string,
  expected: readonly TextRange[],
  matcher: ScanningMatcher,
  categories: ReadonlyMap<string, string>,
): string[] {
  const failures: string[] = [];
  if (highlights.text !== referenceText)
    return [`page text changed ${firstDifference(referenceText, highlights.text)}`];
  for (const where of highlights.misplaced) failures.push(`highlight inside an excluded element: ${where}`);
  const groups = groupHighlights(highlights.pieces);
  const wrong = groups.filter((g) => {
    const text = highlights.text.slice(g.start, g.end);
    const matches = matcher.scan(text);
    const only = matches[0];
    if (!(matches.length === 1 && only && only.start === 0 && only.end === text.length)) return true;
    const entry = matcher.entryIds[only.entry] ?? '';
    return g.id ? entry !== g.id : categories.get(entry) !== g.category;
  });
  for (const g of wrong.slice(0, 5)) {
    failures.push(
      `highlight "${clip(highlights.text.slice(g.start, g.end))}" is not a name of ${g.id || `a ${g.category} entry`}`,
    );
  }
  if (wrong.length > 5) failures.push(`…and ${wrong.length - 5} more wrong highlights`);
  const missed = uncovered(expected, groups);
  if (expected.length > 0 && groups.length === 0) {
    failures.push(`no highlights, though the page names ${[...new Set(expected.map((e) => e.id))].join(', ')}`);
  } else {
    for (const m of missed.slice(0, 5)) {
      failures.push(`not highlighted: "${clip(referenceText.slice(m.start, m.end))}" (${m.id}) at ${m.start}`);
    }
    if (missed.length > 5) failures.push(`…and ${missed.length - 5} more places not highlighted`);
  }
  return failures;
}

/** Switching on again brings back the same highlights, in the same places. */
export function checkSameHighlights(before: readonly TextRange[], after: readonly TextRange[]): string[] {
  if (before.length !== after.length)
    return [`${after.length} highlights after switching on again, ${before.length} before`];
  const i = before.findIndex(
    (b, k) =>
      b.id !== after[k]?.id ||
      b.category !== after[k]?.category ||
      b.start !== after[k]?.start ||
      b.end !== after[k]?.end,
  );
  return i < 0
    ? []
    : [`highlight ${i} differs after switching on again: ${JSON.stringify(before[i])} vs ${JSON.stringify(after[i])}`];
}

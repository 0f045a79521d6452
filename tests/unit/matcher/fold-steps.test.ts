import { describe, expect, it, vi } from 'vitest';

/**
 * The fold and class tables are built once per realm (a page's content script), so each test
 * imports fresh module instances: what it measures is a first build, as on a new page.
 */
async function freshMatcherModules() {
  vi.resetModules();
  const fold = await import('../../../src/matcher/fold');
  const matcher = await import('../../../src/matcher/matcher');
  return { fold, matcher };
}

const countSteps = (steps: Generator<void, unknown, void>): number => {
  let count = 0;
  while (!steps.next().done) count++;
  return count;
};

const SAMPLE = '輝達 英偉達 英伟达 ＮＶＩＤＩＡ Nvidia‧H20 台積電 台积电 Ａlibaba\u00a0Cloud “OpenAI’s” İstanbul';

describe('building the fold table in steps', () => {
  it('pauses several times while building, and builds the same table as a first use does at once', async () => {
    const stepped = (await freshMatcherModules()).fold;
    expect(countSteps(stepped.prepareFold())).toBeGreaterThanOrEqual(5);
    const atOnce = (await freshMatcherModules()).fold;
    expect(stepped.fold(SAMPLE)).toBe(atOnce.fold(SAMPLE)); // atOnce builds on this first use
    expect(stepped.foldChanges()).toEqual(atOnce.foldChanges());
    expect(stepped.fold(SAMPLE)).not.toBe(SAMPLE);
  });

  it('does nothing once the table exists', async () => {
    const { fold } = await freshMatcherModules();
    fold.foldUnit(0x41);
    expect(countSteps(fold.prepareFold())).toBe(0);
  });

  it('is how a fresh page loads its matcher: the tables are built in steps of their own', async () => {
    const { fold, matcher } = await freshMatcherModules();
    // Compiled in the background's realm: serialised there, loaded here.
    const data = JSON.parse(JSON.stringify(await compiledElsewhere()));
    const first = countSteps(matcher.loadMatcherSteps(data));
    const again = countSteps(matcher.loadMatcherSteps(data));
    // Pauses while the fold table is built, and two more for the empty class table; a warm
    // realm needs none of them.
    expect(first - again).toBeGreaterThanOrEqual(8);
    expect(countSteps(fold.prepareFold())).toBe(0);
  });
});

/** A serialised matcher made in another module realm, as the background makes it. */
async function compiledElsewhere() {
  vi.resetModules();
  const { matcher } = await import('./glossary-fixture');
  return matcher.serialize();
}

import { describe, expect, it, vi } from 'vitest';
import { encodeBase64 } from '../../../src/matcher/base64';

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

  it('is how a fresh page loads its matcher when no table comes with it: built in steps of their own', async () => {
    const { fold, matcher } = await freshMatcherModules();
    // Compiled in the background's realm: serialised there, loaded here (an older cache, without the table).
    const {
      foldSource: _source,
      foldChanges: _changes,
      ...data
    } = JSON.parse(JSON.stringify(await compiledElsewhere()));
    const first = countSteps(matcher.loadMatcherSteps(data));
    const again = countSteps(matcher.loadMatcherSteps(data));
    // Pauses while the fold table is built, and two more for the empty class table; a warm
    // realm needs none of them.
    expect(first - again).toBeGreaterThanOrEqual(8);
    expect(countSteps(fold.prepareFold())).toBe(0);
  });
});

describe('a fresh page takes the fold table stored with the matcher', () => {
  /** Loads `data` in a fresh realm; how many more steps than in a warm realm, and the realm's fold. */
  async function loadFresh(data: unknown) {
    const { fold, matcher } = await freshMatcherModules();
    const first = countSteps(matcher.loadMatcherSteps(data as never));
    const extra = first - countSteps(matcher.loadMatcherSteps(data as never));
    return { fold, extra };
  }

  it('adopts it without building: the same table, and only the class table steps left', async () => {
    const data = JSON.parse(JSON.stringify(await compiledElsewhere()));
    expect(typeof data.foldChanges).toBe('string');
    const { fold, extra } = await loadFresh(data);
    expect(extra).toBeLessThanOrEqual(3); // the empty class table's own steps
    const built = (await freshMatcherModules()).fold;
    expect(fold.foldChanges()).toEqual(built.foldChanges());
    expect(fold.fold(SAMPLE)).toBe(built.fold(SAMPLE));
    const differing = [];
    for (let unit = 0; unit < 0x10000; unit++) if (fold.foldUnit(unit) !== built.foldUnit(unit)) differing.push(unit);
    expect(differing).toEqual([]);
  });

  it('builds its own when the stored table comes from another source', async () => {
    const data = { ...JSON.parse(JSON.stringify(await compiledElsewhere())), foldSource: '0.deadbeef' };
    const { fold, extra } = await loadFresh(data);
    expect(extra).toBeGreaterThanOrEqual(8);
    expect(fold.fold(SAMPLE)).toBe((await freshMatcherModules()).fold.fold(SAMPLE));
  });

  it('builds its own, and loads the matcher, when the stored table does not hash to its fingerprint', async () => {
    const data = JSON.parse(JSON.stringify(await compiledElsewhere()));
    const { fold: reference } = await freshMatcherModules();
    // One entry changed: 'A' folds to 'b' in the stored table.
    const changes = reference.foldChanges().slice();
    const index = changes.findIndex((c) => c >>> 16 === 0x41);
    changes[index] = 0x41 * 0x10000 + 0x62;
    data.foldChanges = encodeBase64(new Uint8Array(changes.buffer));
    const { fold, extra } = await loadFresh(data);
    expect(extra).toBeGreaterThanOrEqual(8);
    expect(fold.fold('A')).toBe('a');
  });
});

/** A serialised matcher made in another module realm, as the background makes it. */
async function compiledElsewhere() {
  vi.resetModules();
  const { matcher } = await import('./glossary-fixture');
  return matcher.serialize();
}

import { describe, expect, it, vi } from 'vitest';
import { encodeBase64 } from '../../../src/matcher/base64';

/**
 * The fold table is per realm. A content script has no data to build one (fold-build.ts is not in
 * its bundle) and takes the one stored with its matcher; the background, popup and editor build
 * their own. Each test imports fresh module instances, with no builder registered unless it says
 * so: what it sees is a first load, as on a new page.
 */
async function freshRealm() {
  vi.resetModules();
  const fold = await import('../../../src/matcher/fold');
  const matcher = await import('../../../src/matcher/matcher');
  return { fold, matcher };
}

/** A realm like the background's: it builds its table when something first folds. */
async function buildingRealm() {
  const realm = await freshRealm();
  (await import('../../../src/matcher/fold-build')).buildFoldTableOnFirstUse();
  return realm;
}

const countSteps = (steps: Generator<void, unknown, void>): number => {
  let count = 0;
  while (!steps.next().done) count++;
  return count;
};

const SAMPLE = '輝達 英偉達 英伟达 ＮＶＩＤＩＡ Nvidia‧H20 台積電 台积电 Ａlibaba\u00a0Cloud “OpenAI’s” İstanbul';

/** A serialised matcher made in another module realm, as the background makes it (a plain JSON copy). */
async function compiledElsewhere() {
  vi.resetModules();
  const { matcher } = await import('./glossary-fixture');
  return JSON.parse(JSON.stringify(matcher.serialize()));
}

describe('a realm without the data (a content script)', () => {
  it('has no fold table until a matcher brings one, and says so rather than folding wrongly', async () => {
    const { fold } = await freshRealm();
    expect(fold.hasFoldTable()).toBe(false);
    expect(() => fold.fold('英偉達')).toThrow(/no fold table/);
    expect(() => fold.foldUnit(0x41)).toThrow(/no fold table/);
  });

  it('takes the table stored with the matcher: the table a building realm builds, unit for unit', async () => {
    const data = await compiledElsewhere();
    const { fold, matcher } = await freshRealm();
    const first = countSteps(matcher.loadMatcherSteps(data));
    // Only the empty class table's own steps are extra on a first load: nothing is built.
    expect(first - countSteps(matcher.loadMatcherSteps(data))).toBeLessThanOrEqual(3);
    const built = (await buildingRealm()).fold;
    expect(fold.foldChanges()).toEqual(built.foldChanges());
    expect(fold.fold(SAMPLE)).toBe(built.fold(SAMPLE));
    expect(fold.fold(SAMPLE)).not.toBe(SAMPLE);
    const differing = [];
    for (let unit = 0; unit < 0x10000; unit++) if (fold.foldUnit(unit) !== built.foldUnit(unit)) differing.push(unit);
    expect(differing).toEqual([]);
  });

  it('scans with the adopted table as the compiling realm does', async () => {
    const data = await compiledElsewhere();
    const { found } = await import('./glossary-fixture');
    const text = '英伟达的 H20 芯片，輝達與ＮＶＩＤＩＡ，阿里云';
    const expected = found(text);
    const { matcher } = await freshRealm();
    const loaded = matcher.loadMatcher(data);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(loaded.scan(text).map((m) => [text.slice(m.start, m.end), loaded.entryIds[m.entry]])).toEqual(expected);
  });
});

describe('a matcher whose stored fold table cannot be taken does not load, in any realm', () => {
  /** The load's error in a fresh realm and in one that builds its own table (the background checking what it stored). */
  async function loadErrors(data: unknown): Promise<string[]> {
    const errors: string[] = [];
    const background = await buildingRealm();
    background.fold.foldUnit(0x41); // its table built, as after compiling
    for (const realm of [await freshRealm(), background]) {
      try {
        realm.matcher.loadMatcher(data as never);
        errors.push('loaded');
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    return errors;
  }
  const recompile = /fold table is missing, damaged or of another version \(recompile it\)/;

  it('when it has none (a cache from before tables were stored)', async () => {
    const { foldSource: _source, foldChanges: _changes, ...data } = await compiledElsewhere();
    for (const error of await loadErrors(data)) expect(error).toMatch(recompile);
  });

  it('when it was built from another source (another version of the data or rules)', async () => {
    const data = { ...(await compiledElsewhere()), foldSource: '0.deadbeef' };
    for (const error of await loadErrors(data)) expect(error).toMatch(recompile);
  });

  it('when its changes do not hash to the matcher’s fingerprint (damaged)', async () => {
    const data = await compiledElsewhere();
    const { fold: reference } = await buildingRealm();
    // One entry changed: 'A' folds to 'b' in the stored table.
    const changes = reference.foldChanges().slice();
    const index = changes.findIndex((c) => c >>> 16 === 0x41);
    changes[index] = 0x41 * 0x10000 + 0x62;
    data.foldChanges = encodeBase64(new Uint8Array(changes.buffer));
    for (const error of await loadErrors(data)) expect(error).toMatch(recompile);
  });

  it('when it is not base64', async () => {
    const data = { ...(await compiledElsewhere()), foldChanges: '%%%' };
    for (const error of await loadErrors(data)) expect(error).toMatch(recompile);
  });

  it('while the same matcher with its table intact loads in both', async () => {
    expect(await loadErrors(await compiledElsewhere())).toEqual(['loaded', 'loaded']);
  });
});

describe('a realm with the data (background, popup, editor)', () => {
  it('builds its table the first time something folds, not before', async () => {
    const { fold } = await buildingRealm();
    expect(fold.hasFoldTable()).toBe(false);
    expect(fold.fold('英偉達 ＮＶＩＤＩＡ')).toBe(fold.fold('英伟达 nvidia'));
    expect(fold.hasFoldTable()).toBe(true);
  });

  it('builds it to compile, with no builder registered', async () => {
    const { fold, matcher } = await freshRealm();
    const compiled = matcher.compileMatcher([{ id: 'nvidia', term: '輝達', aliases: ['英偉達'] }]);
    expect(compiled.scan('英伟达').length).toBe(1);
    expect(fold.hasFoldTable()).toBe(true);
  });
});

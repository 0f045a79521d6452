/**
 * Bigger glossaries for the scaling table: the bundled pack plus a user pack of synthetic
 * names, installed the way an import installs one (the reader's layer in storage.local,
 * which the background compiles for every tab). The synthetic names are checked not to occur
 * in the benchmarked page, so every glossary size makes the same highlights and the table
 * shows what glossary size alone costs.
 */
import type { Worker } from 'playwright-core';
import { compileMatcher } from '../../../src/matcher';
import { seededRandom } from './seeded-random';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tor',
  'vex',
  'zan',
  'qui',
  'bel',
  'dra',
  'sun',
  'fi',
  'gor',
  'hal',
  'nex',
  'pra',
];

/** `count` distinct names like a glossary's: half 2–4 Han characters, half Latin brand-like words. */
export function syntheticNames(count: number, seed = 7): string[] {
  const next = seededRandom(seed);
  const names = new Set<string>();
  while (names.size < count) {
    if (names.size % 2 === 0) {
      const length = 2 + Math.floor(next() * 3);
      // CJK Unified Ideographs: mostly rare characters, so few of these occur in any page.
      names.add(Array.from({ length }, () => String.fromCodePoint(0x4e00 + Math.floor(next() * 0x5000))).join(''));
    } else {
      const word = Array.from(
        { length: 2 + Math.floor(next() * 3) },
        () => SYLLABLES[Math.floor(next() * SYLLABLES.length)],
      ).join('');
      names.add(
        word[0]!.toUpperCase() +
          word.slice(1) +
          (next() < 0.3 ? ` ${SYLLABLES[Math.floor(next() * SYLLABLES.length)]}` : ''),
      );
    }
  }
  return [...names];
}

/** A schema-valid pack with `names` spread over entries of up to 20 aliases. */
export function syntheticPack(names: readonly string[]): object {
  const entries = [];
  for (let i = 0; i < names.length; i += 20) {
    const [term, ...aliases] = names.slice(i, i + 20);
    entries.push({
      id: `bench-${i / 20}`,
      term,
      aliases,
      category: 'concept',
      context: { en: 'A synthetic entry of the scaling benchmark.' },
    });
  }
  return {
    schemaVersion: 1,
    id: 'bench-scaling',
    title: 'Scaling benchmark',
    source: { title: 'Synthetic names', author: 'bench/lib/big-glossary.ts' },
    entries,
  };
}

/** Names that the page's text does not contain (scanned with a matcher built from them). */
export function absentFrom(names: readonly string[], pageText: string): string[] {
  const matcher = compileMatcher(names.map((term, i) => ({ id: `n${i}`, term, aliases: [] })));
  const present = new Set(matcher.scan(pageText).map((m) => matcher.entryIds[m.entry]));
  return names.filter((_, i) => !present.has(`n${i}`));
}

// Only the part of the worker's global these functions touch.
declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
};

/** Installs `pack` as the reader's only imported pack (or none) and waits until the background has compiled it. */
export async function installUserPack(
  serviceWorker: Worker,
  pack: object | undefined,
  expectEntries: number,
): Promise<void> {
  await serviceWorker.evaluate(
    async ({ pack, expectEntries }) => {
      const layer = pack ? { overlays: [], userPacks: [pack] } : { overlays: [], userPacks: [] };
      // WXT's versioned item: the value and its metadata key.
      await chrome.storage.local.set({ userGlossary: layer, userGlossary$: { v: 1 } });
      const started = Date.now();
      for (;;) {
        const compiled = (await chrome.storage.local.get('compiledGlossary')).compiledGlossary as
          { entryCount?: number } | undefined;
        if (compiled?.entryCount === expectEntries) return;
        if (Date.now() - started > 120_000)
          throw new Error('The background did not compile the benchmark glossary in 120 s');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    { pack, expectEntries },
  );
}

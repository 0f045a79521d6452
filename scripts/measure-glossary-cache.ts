/**
 * Measures the compiled glossary cache (`local:compiledGlossary`) for the bundled pack and
 * for a synthetic 10,000-entry pack: how long compiling takes (background/editor, once per
 * glossary version), how large the stored value is, and how long a content script takes to
 * load it (storage read in real Chromium + the structural check and `loadMatcher`).
 *
 *   COLUMNLENS_OUT_DIR=.output-editor npm run build
 *   COLUMNLENS_OUT_DIR=.output-editor npx tsx scripts/measure-glossary-cache.ts
 *
 * Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { bundledPacks, parseBundledPacks } from '../src/glossary-store/bundled-packs';
import { readCompiledGlossary, type CompiledGlossary } from '../src/glossary-store/compiled-cache';
import { compileGlossary } from '../src/glossary-store/compile';
import { packSchema, type Pack } from '../src/glossary/schema';
import { emptyUserLayer } from '../src/storage/user-layer-schema';
import { launchWithExtension } from '../tests/e2e/harness/chromium';

// The parts of an extension page's global this script touches.
declare const chrome: {
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(i: object): Promise<void> } };
};

/** Seeded PRNG (mulberry32): every run measures the same pack. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN =
  '科技晶片模型數據智能算力網路雲端平台公司集團研究中心實驗室基金資本銀行政策市場產業安全開源語言視覺機器人自動駕駛';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

/** A 10,000-entry pack shaped like the real one: three names, a note per language. */
function syntheticPack(count: number): Pack {
  const next = random(42);
  const pick = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const entries = Array.from({ length: count }, (_, i) => {
    const han = `${pick(HAN, 2 + Math.floor(next() * 3))}${i.toString(36)}`;
    const latin = `${pick(LATIN, 5 + Math.floor(next() * 5))} ${i.toString(36)}`;
    return {
      id: `entry-${i}`,
      term: han,
      aliases: [`${han}集團`, latin, { text: latin.toUpperCase(), caseSensitive: true }],
      category: 'company',
      context: {
        'zh-Hant': pick(HAN, 120),
        'zh-Hans': pick(HAN, 120),
        en: `${pick(LATIN, 8)} `.repeat(25).trim(),
      },
      mentions: Math.floor(next() * 10),
    };
  });
  return packSchema.parse({
    schemaVersion: 1,
    id: 'synthetic',
    title: 'Synthetic',
    source: { title: 'x', author: 'y' },
    entries,
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(run: () => T, rounds = 7): { result: T; ms: number } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { result, ms: median(times) };
}

async function measure(name: string, packs: Pack[], page: import('playwright-core').Page) {
  const compiled = time(() => compileGlossary(packs, emptyUserLayer(), name), 3);
  const cache: CompiledGlossary = compiled.result;
  const json = JSON.stringify(cache);
  // structuredClone is what a storage read hands the content script; loading starts from it.
  const load = time(() => {
    const glossary = readCompiledGlossary(structuredClone(cache));
    if (!glossary) throw new Error('cache did not load');
    return glossary;
  });
  await page.evaluate((value) => chrome.storage.local.set({ measureCache: value }), cache as unknown as object);
  const readMs = await page.evaluate(async () => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await chrome.storage.local.get('measureCache');
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[3]!;
  });
  console.log(
    [
      `${name}: ${cache.matcher.entryIds.length} entries`,
      `stored size ${(json.length / 1024).toFixed(0)} kB (matcher ${(JSON.stringify(cache.matcher).length / 1024).toFixed(0)} kB)`,
      `compile ${compiled.ms.toFixed(1)} ms`,
      `storage read in Chromium ${readMs.toFixed(1)} ms`,
      `check + loadMatcher ${load.ms.toFixed(1)} ms`,
      `content-script load ≈ ${(readMs + load.ms).toFixed(1)} ms`,
    ].join('\n  '),
  );
}

const browser = await launchWithExtension();
try {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await measure('bundled pack', bundledPacks(), page);
  await measure('synthetic pack', parseBundledPacks({ 'synthetic.json': syntheticPack(10_000) }), page);
} finally {
  await browser.close();
}

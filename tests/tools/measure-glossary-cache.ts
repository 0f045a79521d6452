/**
 * Measures the compiled glossary cache for the bundled pack and synthetic packs of 2,500 and
 * 10,000 entries (four names each: 10,000 and 40,000 names in all):
 * how long compiling takes (background/editor, once per glossary version), what it stores
 * (bytes as Chrome's storage.local quota counts them), and what a page pays at start: the
 * storage read of the page and matcher items, then checking them and loading the matcher in
 * slices (and, for comparison, at once) — all inside real
 * Chromium (an extension page, so the renderer does the same work a content script's does),
 * with the longest stretch the page's main thread was kept busy. Also the first tooltip's
 * read of one details shard, and, for comparison, the single-item cache of format 1, which
 * every page read in full.
 *
 *   COLUMNLENS_OUT_DIR=.output-cache npm run build
 *   COLUMNLENS_OUT_DIR=.output-cache npx tsx tests/tools/measure-glossary-cache.ts [--rounds N] [--entries N]
 *
 * `--entries N` measures only a synthetic pack of N entries (the whole run takes minutes).
 *
 * Prints figures; asserts nothing. The machine's load shows in the spread: min and median are both printed.
 */
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { bundledPacks, parseBundledPacks } from '../../src/glossary-store/bundled-packs';
import { compileGlossary, type CompiledOutput } from '../../src/glossary-store/compile';
import { unpackMatcher } from '../../src/glossary-store/compiled-format';
import { activeEntries, mergeGlossary, sourcePacks } from '../../src/glossary-store/merge';
import { packSchema, type Pack } from '../../src/glossary/schema';
import { buildFoldTableOnFirstUse } from '../../src/matcher';
import { emptyUserLayer } from '../../src/storage/user-layer-schema';
import { launchWithExtension } from '../e2e/harness/chromium';

// Node folds (the pack schema counts name lengths) before it compiles: it builds its own fold table.
buildFoldTableOnFirstUse();

const option = (name: string) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : 0;
const ROUNDS = option('--rounds') || 9;
const ONLY_ENTRIES = option('--entries');

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

/** A pack shaped like the real one: a term and three aliases, a note per language. */
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

/** Bytes an item costs against Chrome's storage.local quota: its key plus its value as JSON, in UTF-8. */
const quotaBytes = (key: string, value: unknown) => Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value));
const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const ms = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(1)} / ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms`;
};

/** The page-side reader, bundled for the browser: exactly the code the content script runs. */
async function readerBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { compiledGlossarySteps, readCompiledGlossary } from './src/glossary-store/compiled-cache';
        import { runStepsInSlices } from './src/glossary-store/steps';
        import { loadMatcher } from './src/matcher';
        globalThis.columnlensReader = { compiledGlossarySteps, readCompiledGlossary, runStepsInSlices, loadMatcher };`,
      resolveDir: resolve(import.meta.dirname, '../..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * Runs in the extension page: ROUNDS page starts (read, check + loadMatcher in slices as the
 * content script does, first tooltip) of the split cache, ROUNDS of the same read at once
 * (how format 2 loaded), and ROUNDS of the format-1 item. A zero-delay timer chain records
 * the longest stretch the main thread could not run it: the page's longest task meanwhile.
 */
const IN_PAGE = `async (rounds) => {
  const { compiledGlossarySteps, readCompiledGlossary, runStepsInSlices, loadMatcher } = globalThis.columnlensReader;
  const get = async (key) => (await chrome.storage.local.get(key))[key];
  const getStored = async () => {
    const items = await chrome.storage.local.get(['measurePage', 'measureMatcher']);
    return { page: items.measurePage, matcher: items.measureMatcher };
  };
  async function timed(run) {
    let longest = 0, last = performance.now(), done = false;
    const tick = () => { const now = performance.now(); longest = Math.max(longest, now - last); last = now; if (!done) setTimeout(tick, 0); };
    setTimeout(tick, 0);
    const result = await run();
    done = true;
    await new Promise((r) => setTimeout(r, 10));
    return { ...result, longest };
  }
  const split = [], steps = [], readOnly = [], atOnce = [], single = [];
  for (let i = 0; i < rounds; i++) {
    split.push(await timed(async () => {
      const t0 = performance.now();
      const stored = await getStored();
      const t1 = performance.now();
      const glossary = await runStepsInSlices(compiledGlossarySteps(stored, (s) => get('measureDetails-' + s)));
      if (!glossary) throw new Error('the page item did not load');
      const t2 = performance.now();
      const entry = await glossary.loadEntry(glossary.entries[glossary.entries.length >> 1].id);
      if (!entry) throw new Error('the details shard did not load');
      return { read: t1 - t0, load: t2 - t1, tooltip: performance.now() - t2 };
    }));
    steps.push(await (async () => {
      // Our own work alone: the longest single step of the sliced read (a task is one or more
      // steps up to the slice budget), which machine load inflates far less than stretches.
      const stored = await getStored();
      const run = compiledGlossarySteps(stored, () => undefined);
      let longest = 0, total = 0, count = 0;
      for (;;) {
        const t = performance.now();
        const step = run.next();
        const took = performance.now() - t;
        longest = Math.max(longest, took); total += took; count++;
        if (step.done) { if (!step.value) throw new Error('did not load'); break; }
        await new Promise((r) => setTimeout(r, 0));
      }
      return { read: 0, load: total, longest, count };
    })());
    readOnly.push(await timed(async () => {
      const t0 = performance.now();
      await getStored();
      return { read: performance.now() - t0, load: 0 };
    }));
    atOnce.push(await timed(async () => {
      const t0 = performance.now();
      const stored = await getStored();
      const t1 = performance.now();
      if (!readCompiledGlossary(stored, () => undefined)) throw new Error('the page item did not load');
      return { read: t1 - t0, load: performance.now() - t1 };
    }));
    single.push(await timed(async () => {
      const t0 = performance.now();
      const raw = await get('measureFormat1');
      const t1 = performance.now();
      const entries = JSON.parse(raw.entriesJson);
      loadMatcher(raw.matcher);
      return { read: t1 - t0, load: performance.now() - t1, entries: entries.length };
    }));
  }
  return { split, steps, readOnly, atOnce, single };
}`;

interface Round {
  read: number;
  load: number;
  count?: number;
  tooltip?: number;
  longest: number;
}

async function measure(name: string, packs: Pack[], imported: boolean, page: import('playwright-core').Page) {
  const started = performance.now();
  const compiled: CompiledOutput = compileGlossary(packs, emptyUserLayer(), name);
  const compileMs = performance.now() - started;
  const entries = activeEntries(mergeGlossary(sourcePacks(packs, emptyUserLayer()), emptyUserLayer())).entries;
  const format1 = {
    formatVersion: 1,
    version: name,
    entriesJson: JSON.stringify(entries),
    matcher: unpackMatcher(
      compiled.matcher.matcher,
      entries.map((e) => e.id),
    ),
  };
  const items: Record<string, unknown> = {
    measurePage: compiled.page,
    measureMatcher: compiled.matcher,
    measureFormat1: format1,
  };
  compiled.shards.forEach((shard, i) => (items[`measureDetails-${i}`] = shard));
  await page.evaluate((values) => chrome.storage.local.set(values), items);
  const { split, steps, readOnly, atOnce, single } = (await page.evaluate(`(${IN_PAGE})(${ROUNDS})`)) as Record<
    string,
    Round[]
  >;

  const pageBytes = quotaBytes('compiledGlossary', compiled.page);
  const matcherBytes = quotaBytes('compiledMatcher', compiled.matcher);
  const shardBytes = compiled.shards.map((s, i) => quotaBytes(`glossaryDetails-${i}`, s));
  const detailsBytes = shardBytes.reduce((a, b) => a + b, 0);
  // An imported pack is also stored, under its own key; the bundled one ships in the extension.
  const layerBytes = imported ? quotaBytes('importedPacks', packs) : 0;
  console.log(
    [
      `${name}: ${compiled.page.entryCount} entries, compiled in ${compileMs.toFixed(0)} ms`,
      `page item ${kB(pageBytes)} (index ${kB(Buffer.byteLength(compiled.page.index))}; all the popup reads), matcher item ${kB(matcherBytes)}`,
      `details ${kB(detailsBytes)} in ${compiled.shards.length} shards (largest ${kB(Math.max(...shardBytes))})`,
      `storage.local in use: ${kB(pageBytes + matcherBytes + detailsBytes + layerBytes)}${imported ? ` with the imported pack itself (${kB(layerBytes)})` : ''}`,
      `page start, min / median of ${ROUNDS} in Chromium (page + matcher items, read in slices as pages do):`,
      `  storage read ${ms(split!.map((r) => r.read))}, check + loadMatcher ${ms(split!.map((r) => r.load))}, total ${ms(split!.map((r) => r.read + r.load))}`,
      `  longest main-thread stretch ${ms(split!.map((r) => r.longest))} (includes the first tooltip; timers wait behind scheduler.yield() continuations, so this spans the slices)`,
      `  first tooltip (one shard) ${ms(split!.map((r) => r.tooltip!))}`,
      `  its ${steps![0]!.count} steps: ${ms(steps!.map((r) => r.load))} in all, longest step ${ms(steps!.map((r) => r.longest))} (first, cold round: ${steps![0]!.longest.toFixed(1)} ms)`,
      `  the storage read alone: longest main-thread stretch ${ms(readOnly!.map((r) => r.longest))}`,
      `the same read at once (one task, as format 2 did):`,
      `  check + loadMatcher ${ms(atOnce!.map((r) => r.load))}, longest main-thread stretch ${ms(atOnce!.map((r) => r.longest))}`,
      `format 1 for comparison (${kB(quotaBytes('compiledGlossary', format1))}, one item read by every page):`,
      `  storage read ${ms(single!.map((r) => r.read))}, parse + loadMatcher ${ms(single!.map((r) => r.load))}, total ${ms(single!.map((r) => r.read + r.load))}`,
      `  longest main-thread stretch ${ms(single!.map((r) => r.longest))}`,
    ].join('\n  '),
  );
  await page.evaluate((keys) => chrome.storage.local.remove(keys), Object.keys(items));
}

// The part of an extension page's global this script touches.
declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; remove(keys: string[]): Promise<void> } };
};

const browser = await launchWithExtension();
try {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.evaluate(await readerBundle());
  if (!ONLY_ENTRIES) await measure('bundled pack', bundledPacks(), false, page);
  for (const entries of ONLY_ENTRIES ? [ONLY_ENTRIES] : [2_500, 10_000]) {
    const packs = parseBundledPacks({ 'synthetic.json': syntheticPack(entries) });
    await measure(`synthetic pack of ${entries * 4} names`, packs, true, page);
  }
} finally {
  await browser.close();
}

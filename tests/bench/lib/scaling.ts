/**
 * The scaling table: the same page with the bundled glossary, then with 1,000 and 10,000
 * aliases (the bundled ones plus synthetic names absent from the page, so the highlights
 * stay the same and only the glossary's size changes).
 */
import { absentFrom, installUserPack, syntheticNames, syntheticPack } from './big-glossary';
import { pageExpression } from './in-page';
import { LOAD_TIMEOUT_MS, tracedLoad } from './measure-load';
import { TEXT_PROBE, collectText, type PageText } from './page-probes';
import { pageSummary, summaryTotal } from './page-summary';
import { settleMsFor, tracedRuns, type BenchSetup } from './page-bench';
import { medianCost, type LoadCost } from './task-stats';

export interface ScalingRow {
  label: string;
  aliases: number;
  cost: LoadCost;
  /** Main-thread time with the extension minus without, in ms. */
  addedMs: number;
  found: number;
}

const SIZES = [1_000, 10_000];
const ALIASES_PER_ENTRY = 20;

/** Measures `url` with each glossary size; restores the bundled glossary at the end. */
export async function scalingRows(
  setup: BenchSetup,
  url: string,
  bundledAliases: number,
  log: (line: string) => void,
): Promise<ScalingRow[]> {
  const probe = await setup.plain.newPage();
  const started = Date.now();
  await probe.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  const settleMs = settleMsFor(Date.now() - started);
  const text = await probe.evaluate<PageText>(pageExpression(collectText, TEXT_PROBE));
  await probe.close();
  const bundledEntries = setup.matcher.entryIds.length;
  const without = await tracedRuns(setup.plain, url, setup.runs, settleMs);

  const rows: ScalingRow[] = [];
  const measure = async (label: string, aliases: number) => {
    const costs: LoadCost[] = [];
    let found = 0;
    for (let r = 0; r < setup.runs; r++) {
      const { page, cost } = await tracedLoad(setup.extension, url, settleMs);
      costs.push(cost);
      if (r === setup.runs - 1) found = summaryTotal(await pageSummary(setup.serviceWorker, page.url()));
      await page.close();
    }
    const cost = medianCost(costs);
    rows.push({ label, aliases, cost, addedMs: cost.mainThreadMs - without.mainThreadMs, found });
    log(`  ${label}: extension ${Math.round(cost.extensionMs)} ms, found ${found}`);
  };

  await measure('bundled pack', bundledAliases);
  try {
    for (const size of SIZES) {
      const extra = size - bundledAliases;
      const names = absentFrom(syntheticNames(Math.ceil(extra * 1.2)), text.text).slice(0, extra);
      if (names.length < extra) throw new Error(`Only ${names.length} synthetic names are absent from the page`);
      await installUserPack(
        setup.serviceWorker,
        syntheticPack(names),
        bundledEntries + Math.ceil(extra / ALIASES_PER_ENTRY),
      );
      await measure(`bundled + ${Math.ceil(extra / ALIASES_PER_ENTRY)} synthetic entries`, size);
    }
  } finally {
    await installUserPack(setup.serviceWorker, undefined, bundledEntries);
  }
  return rows;
}

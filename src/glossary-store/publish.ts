/**
 * Builds the compiled glossary from the bundled packs and the reader's layer, stores it (the
 * page item in `local:compiledGlossary`, the matcher and details shards beside it) and tells open tabs.
 * The background runs this on install/update and whenever the layer changes; the editor runs
 * it right after saving so open tabs update without waiting for the service worker to wake.
 */
import { storage } from 'wxt/utils/storage';
import { compiledGlossaryItem } from '../storage/items';
import { STORAGE_KEYS, detailShardKey } from '../storage/keys';
import { readUserLayer } from '../storage/read-user-layer';
import { announceGlossary } from './announce';
import { bundledPacks } from './bundled-packs';
import { compiledHeader, readCompiledGlossary, type StoredGlossary } from './compiled-cache';
import { MAX_SHARDS } from './compiled-format';
import { compileGlossary, versionOf, type CompiledOutput } from './compile';
import { parseDetailShard } from './detail-shards';

export interface PublishResult {
  version: string;
  /** False when the stored cache already had this version (and was usable). */
  written: boolean;
  entryCount: number;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** True when the page and matcher items and every shard they name read back (`shard(i)` gives shard i's stored value). */
function loadsFully(stored: StoredGlossary, shard: (index: number) => unknown): boolean {
  const header = compiledHeader(stored.page);
  return (
    header !== undefined &&
    readCompiledGlossary(stored, shard) !== undefined &&
    header.shards.every((stamp, i) => parseDetailShard(shard(i), stamp) !== undefined)
  );
}

/** Whether what is stored loads in full: the page item, the matcher and all of the shards. */
async function storedLoads(page: unknown): Promise<boolean> {
  const header = compiledHeader(page);
  if (!header) return false;
  const values = await storage.getItems([
    STORAGE_KEYS.compiledMatcher,
    ...header.shards.map((_, i) => detailShardKey(i)),
  ]);
  return loadsFully({ page, matcher: values[0]?.value }, (i) => values[i + 1]?.value);
}

/** What is stored now, as far as `store` needs to know. */
interface Previous {
  matcher?: string;
  shards?: string[];
}

/**
 * Stores `compiled`: the shards and the matcher whose stamp differs from what is stored (all
 * of them when `rewriteAll`), then the page item, in one write so no reader sees the new page
 * item before the items it names. Shards past the new count are removed afterwards.
 */
async function store(compiled: CompiledOutput, previous: Previous, rewriteAll: boolean): Promise<void> {
  const shards = compiled.shards
    .map((shard, i) => ({
      key: detailShardKey(i),
      value: shard,
      changed: rewriteAll || previous.shards?.[i] !== shard.stamp,
    }))
    .filter((s) => s.changed)
    .map(({ key, value }) => ({ key, value }));
  // An edit that changed no name (a note, a category) leaves the 3 MB matcher of a big pack alone.
  const matcher =
    rewriteAll || previous.matcher !== compiled.matcher.stamp
      ? [{ key: STORAGE_KEYS.compiledMatcher, value: compiled.matcher }]
      : [];
  await storage.setItems([...shards, ...matcher, { key: STORAGE_KEYS.compiledGlossary, value: compiled.page }]);
  // Without a readable previous page item the old shard count is unknown: clear every possible one.
  const obsolete = range(compiled.shards.length, previous.shards ? previous.shards.length : MAX_SHARDS);
  if (obsolete.length > 0) await storage.removeItems(obsolete.map(detailShardKey));
}

async function publishNow(verify: boolean): Promise<PublishResult> {
  const packs = bundledPacks();
  const { layer } = await readUserLayer();
  const version = await versionOf(packs, layer);
  const stored = await compiledGlossaryItem.getValue();
  const header = compiledHeader(stored);
  // Same inputs, same output: skip the work and the write (which would wake every tab)
  // unless a reader reported the stored copy unusable, in which case it is checked in full.
  if (header?.version === version && (!verify || (await storedLoads(stored)))) {
    return { version: header.version, written: false, entryCount: header.entryCount };
  }
  const compiled = compileGlossary(packs, layer, version);
  // A cache its readers would reject again would only start another round of requests.
  if (verify) {
    const copy = structuredClone(compiled);
    if (!loadsFully(copy, (i) => copy.shards[i])) throw new Error('the compiled glossary does not load');
  }
  await store(compiled, { matcher: header?.matcher, shards: header?.shards }, verify);
  await announceGlossary(compiled.page.version);
  return { version: compiled.page.version, written: true, entryCount: compiled.page.entryCount };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Rebuilds the cache if its inputs changed. Calls are serialised, so the last write always
 * reflects the latest layer. `verify` also rebuilds a cache whose version matches but whose
 * content does not load (a content script asked for it), rewriting every shard.
 */
export function publishGlossary(options: { verify?: boolean } = {}): Promise<PublishResult> {
  const run = queue.then(() => publishNow(options.verify ?? false));
  queue = run.catch(() => undefined);
  return run;
}

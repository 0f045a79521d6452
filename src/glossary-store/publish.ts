/**
 * Builds the compiled glossary from the bundled packs and the reader's layer and stores it
 * in `local:compiledGlossary`, where every tab's content script watches it. The background
 * runs this on install/update and whenever the layer changes; the editor runs it right
 * after saving so open tabs update without waiting for the service worker to wake.
 */
import { compiledGlossaryItem } from '../storage/items';
import { readUserLayer } from '../storage/read-user-layer';
import { bundledPacks } from './bundled-packs';
import { readCompiledGlossary } from './compiled-cache';
import { compileGlossary, versionOf } from './compile';

export interface PublishResult {
  version: string;
  /** False when the stored cache already had this version (and was usable). */
  written: boolean;
  entryCount: number;
}

async function publishNow(verify: boolean): Promise<PublishResult> {
  const packs = bundledPacks();
  const { layer } = await readUserLayer();
  const version = await versionOf(packs, layer);
  const stored = await compiledGlossaryItem.getValue();
  const storedVersion = (stored as { version?: unknown } | null)?.version;
  // Same inputs, same output: skip the work and the write (which would wake every tab)
  // unless a reader reported the stored copy unusable, in which case it is checked in full.
  if (storedVersion === version && (!verify || readCompiledGlossary(stored))) {
    const ids = (stored as { matcher?: { entryIds?: unknown } }).matcher?.entryIds;
    return { version, written: false, entryCount: Array.isArray(ids) ? ids.length : 0 };
  }
  const compiled = compileGlossary(packs, layer, version);
  // A cache its readers would reject again would only start another round of requests.
  if (verify && !readCompiledGlossary(structuredClone(compiled)))
    throw new Error('the compiled glossary does not load');
  await compiledGlossaryItem.setValue(compiled);
  return { version, written: true, entryCount: compiled.matcher.entryIds.length };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Rebuilds the cache if its inputs changed. Calls are serialised, so the last write always
 * reflects the latest layer. `verify` also rebuilds a cache whose version matches but whose
 * content does not load (a content script asked for it).
 */
export function publishGlossary(options: { verify?: boolean } = {}): Promise<PublishResult> {
  const run = queue.then(() => publishNow(options.verify ?? false));
  queue = run.catch(() => undefined);
  return run;
}

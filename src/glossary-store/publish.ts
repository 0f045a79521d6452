/**
 * Builds the compiled glossary from the bundled packs and the reader's layer and stores it
 * in `local:compiledGlossary`, where every tab's content script watches it. The background
 * runs this on install/update and whenever the layer changes; the editor runs it right
 * after saving so open tabs update without waiting for the service worker to wake.
 */
import { browser } from 'wxt/browser';
import { compileMatcher } from '../matcher';
import { compiledGlossaryItem } from '../storage/items';
import { readUserLayer } from '../storage/read-user-layer';
import type { UserLayer } from '../storage/user-layer-schema';
import type { Pack } from '../glossary/schema';
import { bundledPacks } from './bundled-packs';
import { COMPILED_FORMAT_VERSION, readCompiledGlossary, type CompiledGlossary } from './compiled-cache';
import { glossaryVersion } from './glossary-version';
import { activeEntries, mergeGlossary, sourcePacks } from './merge';

export interface PublishResult {
  version: string;
  /** False when the stored cache already had this version (and was usable). */
  written: boolean;
  entryCount: number;
}

/** The extension's version, or "dev" where there is no manifest (unit tests). */
function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'dev';
  }
}

/** The version the compiled glossary of these inputs will carry. */
export function versionOf(packs: readonly Pack[], layer: UserLayer): Promise<string> {
  return glossaryVersion({ formatVersion: COMPILED_FORMAT_VERSION, extensionVersion: extensionVersion(), packs, layer });
}

/** The compiled glossary for these inputs. */
export function compileGlossary(packs: readonly Pack[], layer: UserLayer, version: string): CompiledGlossary {
  const { entries } = activeEntries(mergeGlossary(sourcePacks(packs, layer), layer));
  return { formatVersion: COMPILED_FORMAT_VERSION, version, entries, matcher: compileMatcher(entries).serialize() };
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
    const entryCount = (stored as { entries: unknown[] }).entries.length;
    return { version, written: false, entryCount };
  }
  const compiled = compileGlossary(packs, layer, version);
  await compiledGlossaryItem.setValue(compiled);
  return { version, written: true, entryCount: compiled.entries.length };
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

/**
 * Compiling the merged glossary into the cache format. Pure apart from hashing; no storage,
 * so scripts and tests can compile without an extension around them.
 */
import { browser } from 'wxt/browser';
import type { Pack } from '../glossary/schema';
import { compileMatcher } from '../matcher';
import type { UserLayer } from '../storage/user-layer-schema';
import { COMPILED_FORMAT_VERSION, type CompiledGlossary } from './compiled-cache';
import { glossaryVersion } from './glossary-version';
import { activeEntries, mergeGlossary, sourcePacks } from './merge';

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
  return glossaryVersion({
    formatVersion: COMPILED_FORMAT_VERSION,
    extensionVersion: extensionVersion(),
    packs,
    layer,
  });
}

/** The compiled glossary for these inputs. */
export function compileGlossary(packs: readonly Pack[], layer: UserLayer, version: string): CompiledGlossary {
  const { entries } = activeEntries(mergeGlossary(sourcePacks(packs, layer), layer));
  return {
    formatVersion: COMPILED_FORMAT_VERSION,
    version,
    entriesJson: JSON.stringify(entries),
    matcher: compileMatcher(entries).serialize(),
  };
}

/**
 * The merged glossary as content scripts, the popup and the tooltip get it.
 *
 * It comes from the compiled cache in `local:compiledGlossary`, which the background (and
 * the editor, after a save) keep up to date: the automaton is built once per glossary
 * version, not once per page, and neither zod nor the pack files ship in the content script.
 * When the cache is missing or unusable (first run, an update still compiling, damaged
 * storage), the background is asked to build it and the storage watch delivers it.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Message } from '../messages';
import { STORAGE_KEYS } from '../storage/keys';
import { readCompiledGlossary } from './compiled-cache';
import type { ActiveGlossary, RuntimeEntry } from './runtime-entry';

export type { ActiveGlossary, RuntimeEntry };

/** How long `loadActiveGlossary` waits for the background to build a missing cache. */
const BUILD_TIMEOUT_MS = 20_000;

let requestedFor: string | undefined;

/**
 * Asks the background to (re)build the cache, once per unusable version seen, so a bug
 * that produced an unreadable cache cannot turn into a rebuild loop across tabs.
 */
function requestBuild(raw: unknown): Promise<void> {
  const seen = typeof raw === 'object' && raw !== null ? String((raw as { version?: unknown }).version) : 'missing';
  if (requestedFor === seen) return Promise.resolve();
  requestedFor = seen;
  const message: Message = { type: 'ensure-glossary' };
  return browser.runtime.sendMessage(message).then(
    () => undefined,
    // The background may be restarting after an update; the watch still delivers the cache.
    () => undefined,
  );
}

/** Loads the active glossary, waiting for the background to build it if needed. */
export async function loadActiveGlossary(): Promise<ActiveGlossary> {
  const raw = await storage.getItem<unknown>(STORAGE_KEYS.compiledGlossary);
  const cached = readCompiledGlossary(raw);
  if (cached) return cached;
  return new Promise<ActiveGlossary>((resolve, reject) => {
    let settled = false;
    const finish = (glossary: ActiveGlossary | undefined) => {
      if (settled || !glossary) return;
      settled = true;
      unwatch();
      clearTimeout(timer);
      resolve(glossary);
    };
    const unwatch = storage.watch<unknown>(STORAGE_KEYS.compiledGlossary, (value) =>
      finish(readCompiledGlossary(value)),
    );
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      unwatch();
      reject(new Error('ColumnLens: the glossary could not be loaded'));
    }, BUILD_TIMEOUT_MS);
    void requestBuild(raw).then(async () =>
      finish(readCompiledGlossary(await storage.getItem<unknown>(STORAGE_KEYS.compiledGlossary))),
    );
  });
}

/** Calls `onChange` with each new version of the glossary; returns a function that stops watching. */
export function watchActiveGlossary(onChange: (g: ActiveGlossary) => void): () => void {
  return storage.watch<unknown>(STORAGE_KEYS.compiledGlossary, (value) => {
    const glossary = readCompiledGlossary(value);
    if (glossary) onChange(glossary);
    else void requestBuild(value);
  });
}

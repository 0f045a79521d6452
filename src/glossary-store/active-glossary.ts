/**
 * The merged glossary as content scripts, the popup and the tooltip get it.
 *
 * It comes from the compiled cache (`compiled-format.ts`), which the background (and the
 * editor, after a save) keep up to date: the automaton is built once per glossary version,
 * not once per page, and neither zod nor the pack files ship in the content script. A page
 * reads only the matcher and a lean index at start; an entry's notes are read the first time
 * its tooltip opens. New versions are announced by message (`announce.ts`), never watched in
 * storage. The popup reads the index alone (`loadGlossaryIndex`), never the matcher.
 * When the cache is missing or unusable (first run, an update still compiling, an
 * older format, damaged storage), the background is asked to build it.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { parseMessage, type Message } from '../messages';
import { STORAGE_KEYS, detailShardKey } from '../storage/keys';
import { compiledGlossarySteps, compiledHeader, readGlossaryIndex, type StoredGlossary } from './compiled-cache';
import type { ActiveGlossary, GlossaryIndex, IndexEntry, RuntimeEntry } from './runtime-entry';
import { runStepsInSlices } from './steps';

export type { ActiveGlossary, GlossaryIndex, IndexEntry, RuntimeEntry };

/** How long `loadActiveGlossary` waits for the background to build a missing cache. */
const BUILD_TIMEOUT_MS = 20_000;
/** How often it looks meanwhile (only while there is no usable cache: first run, an update). */
const BUILD_POLL_MS = 250;

/** Unusable states already reported since a usable glossary was last read. */
const requested = new Set<string>();
/** The watchers' re-reads, also run when a tooltip finds the stored glossary newer than its own. */
const refreshers = new Set<() => void>();

/**
 * Asks the background to (re)build the cache, once per unusable state seen, so a bug that
 * produced an unreadable cache cannot turn into a rebuild loop across tabs. Reading a usable
 * glossary starts afresh: a later failure is a new one.
 */
function requestBuild(seen: string): Promise<void> {
  if (requested.has(seen)) return Promise.resolve();
  requested.add(seen);
  const message: Message = { type: 'ensure-glossary' };
  return browser.runtime.sendMessage(message).then(
    () => undefined,
    // The background may be restarting after an update; it builds the cache when it starts.
    () => undefined,
  );
}

const readPageItem = () => storage.getItem<unknown>(STORAGE_KEYS.compiledGlossary);
/** The page item and the matcher item, in one read. */
async function readStored(): Promise<StoredGlossary> {
  const [page, matcher] = await storage.getItems([STORAGE_KEYS.compiledGlossary, STORAGE_KEYS.compiledMatcher]);
  return { page: page?.value, matcher: matcher?.value };
}
const versionSeen = (raw: unknown) =>
  typeof raw === 'object' && raw !== null ? String((raw as { version?: unknown }).version) : 'missing';

/**
 * A shard that does not read as the one `version` names is either from a newer glossary (then
 * the watchers read that one, in case its announcement was missed) or damaged (rebuilt).
 */
async function checkShards(version: string): Promise<void> {
  if (compiledHeader(await readPageItem())?.version === version) await requestBuild(`${version}/details`);
  else for (const refresh of refreshers) refresh();
}

/**
 * The glossary in the stored items, reading its details from storage when asked. Read in
 * slices: a 10,000-entry glossary is tens of milliseconds of work, which in one piece would
 * be a long task on every page start.
 */
async function fromStorage(stored: StoredGlossary): Promise<ActiveGlossary | undefined> {
  const steps = compiledGlossarySteps(
    stored,
    (index) => storage.getItem<unknown>(detailShardKey(index)),
    () => void checkShards(versionSeen(stored.page)),
  );
  return ready(await runStepsInSlices(steps));
}

/** Passes `read` through; a usable read starts afresh (a later failure is a new one). */
function ready<T>(read: T | undefined): T | undefined {
  if (read) requested.clear();
  return read;
}

/**
 * Reads with `read`, and when what is stored is missing or unusable asks the background to
 * build it and looks again now and then until it can be read.
 */
async function readOrBuild<T, S>(
  fetch: () => Promise<S>,
  read: (stored: S) => Promise<T | undefined>,
  seen: (stored: S) => string,
): Promise<T> {
  const stored = await fetch();
  const cached = await read(stored);
  if (cached) return cached;
  // The background answers once it has built the cache; looking again now and then also
  // covers a background that was restarting when asked (it builds the cache as it starts).
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  let wake = () => {};
  void requestBuild(seen(stored)).then(() => wake());
  while (Date.now() < deadline) {
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, BUILD_POLL_MS);
    });
    const result = await read(await fetch());
    if (result) return result;
  }
  throw new Error('ColumnLens: the glossary could not be loaded');
}

/** Loads the active glossary, waiting for the background to build it if needed. */
export function loadActiveGlossary(): Promise<ActiveGlossary> {
  return readOrBuild(readStored, fromStorage, (stored) => versionSeen(stored.page));
}

/**
 * Loads only the glossary's index (no matcher: the popup shows what the page counted), waiting
 * for the background to build it if needed.
 */
export function loadGlossaryIndex(): Promise<GlossaryIndex> {
  return readOrBuild(readPageItem, (raw) => Promise.resolve(ready(readGlossaryIndex(raw))), versionSeen);
}

/** Calls `onChange` with each new version of the glossary; returns a function that stops watching. */
export function watchActiveGlossary(onChange: (g: ActiveGlossary) => void): () => void {
  let delivered: string | undefined;
  const refresh = () =>
    void readStored().then(async (stored) => {
      const glossary = await fromStorage(stored);
      if (!glossary) return void requestBuild(versionSeen(stored.page));
      if (glossary.version === delivered) return;
      delivered = glossary.version;
      onChange(glossary);
    });
  const listener = (raw: unknown): undefined => {
    const message = parseMessage(raw);
    if (message?.type === 'glossary-updated' && message.version !== delivered) refresh();
    // No reply: other listeners answer their own messages.
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  refreshers.add(refresh);
  return () => {
    browser.runtime.onMessage.removeListener(listener);
    refreshers.delete(refresh);
  };
}

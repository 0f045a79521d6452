/**
 * Keeps the compiled glossary (`local:compiledGlossary`) in step with its inputs: rebuilt
 * when the extension is installed or updated (a new bundled pack or matcher), whenever the
 * reader's layer changes (from any editor tab), and when a content script reports the
 * stored copy missing or unusable. Content scripts watch the cache, so every open tab
 * updates without a reload.
 */
import { browser } from 'wxt/browser';
import { publishGlossary } from '../glossary-store/publish';
import { parseMessage } from '../messages';
import { importedPacksItem, userGlossaryItem } from '../storage/items';

function publish(verify = false): Promise<void> {
  return publishGlossary({ verify }).then(
    () => undefined,
    (error: unknown) => console.error('ColumnLens: could not build the glossary', error),
  );
}

/** Registers the publisher's listeners. Call once, synchronously, when the background starts. */
export function startGlossaryPublisher(): void {
  browser.runtime.onInstalled.addListener(() => void publish());
  // Cheap when nothing changed (a version check), and covers a cache cleared while the browser was closed.
  browser.runtime.onStartup.addListener(() => void publish());
  userGlossaryItem.watch(() => void publish());
  importedPacksItem.watch(() => void publish());
  // runtime.onMessage only hears this extension's own pages and content scripts.
  browser.runtime.onMessage.addListener((raw: unknown) => {
    if (parseMessage(raw)?.type !== 'ensure-glossary') return undefined;
    // Resolving tells the content script the cache is now readable (or that it tried).
    return publish(true).then(() => ({ ok: true }));
  });
}

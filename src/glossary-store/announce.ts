/**
 * Telling open tabs that a new compiled glossary is stored. Content scripts do not watch
 * `storage.local`: Chromium hands every listening frame the old and new value of each local
 * write, deserialised on the page's main thread, so a watch on the glossary key would also
 * make every frame swallow each write of the reader's layer (an imported 5 MB pack froze a
 * page for over a second per edit, measured). A message of a few bytes replaces it.
 */
import { browser } from 'wxt/browser';
import type { Message } from '../messages';

/** Sends `glossary-updated` to every frame of every tab; tabs without our content script are skipped. */
export async function announceGlossary(version: string): Promise<void> {
  const message: Message = { type: 'glossary-updated', version };
  let tabs: { id?: number }[];
  try {
    tabs = await browser.tabs.query({});
  } catch {
    return; // A context without tabs access (never ours today): open tabs update on their next load.
  }
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined) return;
      try {
        await browser.tabs.sendMessage(id, message);
      } catch {
        // Pages without our content script (browser pages, other stores) have no receiver.
      }
    }),
  );
}

/**
 * Drives the extension's reader settings from outside, the way the popup does: by writing
 * `settings` in `storage.sync`, which every content script watches. Done through the
 * Chromium service worker, so no extension page has to be open.
 */
import type { Worker } from 'playwright-core';

// Only the part of the worker's global these functions touch.
declare const chrome: {
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
};

/** Switches highlights on or off in every tab (the popup's global switch). */
export async function setHighlightsEnabled(serviceWorker: Worker, enabled: boolean): Promise<void> {
  await serviceWorker.evaluate(async (on) => {
    // Keep every other setting as the reader left it; an absent value means defaults,
    // which the extension fills in field by field.
    const current = (await chrome.storage.sync.get('settings')).settings;
    const base = current && typeof current === 'object' ? current : {};
    await chrome.storage.sync.set({ settings: { ...base, enabled: on } });
  }, enabled);
}

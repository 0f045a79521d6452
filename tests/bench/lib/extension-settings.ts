/**
 * Drives the extension's reader settings from outside, the way the popup does: by writing
 * `settings` in `storage.sync`, which every content script watches; and the hidden engine
 * choice of tests and benchmarks (`src/content/debug-engine.ts`). Done through the Chromium
 * service worker, so no extension page has to be open, or through one of the add-on's pages in
 * Firefox, whose `chrome` namespace answers with promises too.
 */
import type { EngineChoice } from '../../../src/content/engine-choice';

/** Where the extension's APIs can be reached: a playwright Worker, or a puppeteer Page of the add-on. */
export interface ExtensionContext {
  // Not generic: puppeteer's evaluate maps its argument's type, which a generic signature cannot follow.
  evaluate(fn: (arg: boolean | string) => Promise<void>, arg: boolean | string): Promise<unknown>;
}

// Only the part of the extension's global these functions touch.
declare const chrome: {
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    local: { set(items: Record<string, unknown>): Promise<void> };
  };
};

/** Switches highlights on or off in every tab (the popup's global switch). */
export async function setHighlightsEnabled(context: ExtensionContext, enabled: boolean): Promise<void> {
  await context.evaluate(async (on) => {
    // Keep every other setting as the reader left it; an absent value means defaults,
    // which the extension fills in field by field.
    const current = (await chrome.storage.sync.get('settings')).settings;
    const base = current && typeof current === 'object' ? current : {};
    await chrome.storage.sync.set({ settings: { ...base, enabled: on } });
  }, enabled);
}

/** Every occurrence highlighted, or only the first (the popup's density choice). */
export async function setDensity(context: ExtensionContext, density: 'all' | 'first'): Promise<void> {
  await context.evaluate(async (value) => {
    const current = (await chrome.storage.sync.get('settings')).settings;
    const base = current && typeof current === 'object' ? current : {};
    await chrome.storage.sync.set({ settings: { ...base, density: value } });
  }, density);
}

/**
 * Forces the engine that draws (`dom` marks, `highlight` painted ranges) or leaves the choice
 * to each page (`auto`, what readers get). A page takes it when it starts: load it afterwards.
 */
export async function setEngineChoice(context: ExtensionContext, choice: EngineChoice): Promise<void> {
  await context.evaluate(async (value) => {
    await chrome.storage.local.set({ debugEngine: value });
  }, choice);
}

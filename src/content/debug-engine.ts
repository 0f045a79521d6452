/**
 * A hidden switch for tests and benchmarks: `local:debugEngine` in extension storage forces
 * an engine ('dom' or 'highlight') on every page, without changing the pages. Absent or
 * anything else means 'auto'. Read once when a page starts (set it before loading the page):
 * a watch would hand every frame of every tab each `storage.local` write, megabytes of
 * imported packs included.
 */
import { storage } from 'wxt/utils/storage';
import { ENGINE_CHOICES, type EngineChoice } from './engine-choice';

export const DEBUG_ENGINE_KEY = 'local:debugEngine';

/** The stored value as an engine choice. */
export function parseEngineChoice(raw: unknown): EngineChoice {
  return ENGINE_CHOICES.find((choice) => choice === raw) ?? 'auto';
}

/** Reads the forced engine ('auto' when none is). */
export async function readEngineChoice(): Promise<EngineChoice> {
  return parseEngineChoice(await storage.getItem(DEBUG_ENGINE_KEY));
}

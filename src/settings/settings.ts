/**
 * Reader settings: small, so they live in `sync` storage and follow the reader to
 * other machines. Content scripts `watch()` this item; the popup writes it. Nothing
 * else carries settings between contexts.
 *
 * Checked by hand, not with zod: content scripts read settings on every page, and zod (even
 * zod/mini) was a sixth of their bundle and 13 ms of the first task every page pays (median
 * of 9 loads, 44 ms against 31 ms, `npm run tasks`). Five fields do not need a library; the
 * glossary pack, with its nested entries and messages for editors, keeps zod.
 */
import { storage } from 'wxt/utils/storage';
import { CATEGORIES, type Category } from '../glossary/categories';
import { isOneOf, isStringArray, ownField } from '../validate';

export const UI_LANGUAGES = ['auto', 'zh-Hant', 'zh-Hans', 'en'] as const;

export interface Settings {
  /** The global switch: highlights on or off in every tab. */
  enabled: boolean;
  /** Hostnames where the reader switched highlights off ("a switch for this site"). */
  disabledSites: string[];
  /** Highlight every occurrence, or only the first of each entry on a page. */
  density: 'all' | 'first';
  /** Categories the reader chose to hide. */
  hiddenCategories: Category[];
  /** Language of notes and UI; `auto` follows the browser. */
  language: (typeof UI_LANGUAGES)[number];
}

/** A check per field: what storage holds is kept field by field where it passes. */
const FIELD_CHECKS: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  enabled: (value): value is boolean => typeof value === 'boolean',
  disabledSites: isStringArray,
  density: (value): value is Settings['density'] => value === 'all' || value === 'first',
  hiddenCategories: (value): value is Category[] =>
    Array.isArray(value) && value.every((item) => isOneOf(CATEGORIES, item)),
  language: (value): value is Settings['language'] => isOneOf(UI_LANGUAGES, value),
};

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  density: 'all',
  hiddenCategories: [],
  language: 'auto',
};

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/**
 * Validates what storage returned. Settings are a handful of switches, so an unreadable
 * value falls back field by field to the defaults instead of failing the whole page.
 * Returns a new object with only the known fields (arrays copied).
 */
export function parseSettings(raw: unknown): Settings {
  const result: Settings = { ...DEFAULT_SETTINGS };
  if (raw === null || typeof raw !== 'object') return result;
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(FIELD_CHECKS) as (keyof Settings)[]) {
    const value = ownField(record, key);
    if (FIELD_CHECKS[key](value))
      (result as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  return result;
}

/** Reads and validates the settings. */
export async function readSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Whether highlights should show on a page of this hostname. */
export function highlightsActiveFor(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}

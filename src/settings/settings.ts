/**
 * Reader settings: small, so they live in `sync` storage and follow the reader to
 * other machines. Content scripts `watch()` this item; the popup writes it. Nothing
 * else carries settings between contexts.
 *
 * Written with `zod/mini` because content scripts, which run on every page, read it:
 * the mini build keeps their bundle small.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { CATEGORIES } from '../glossary/categories';

export const UI_LANGUAGES = ['auto', 'zh-Hant', 'zh-Hans', 'en'] as const;

export const settingsSchema = z.object({
  /** The global switch: highlights on or off in every tab. */
  enabled: z.boolean(),
  /** Hostnames where the reader switched highlights off ("a switch for this site"). */
  disabledSites: z.array(z.string()),
  /** Highlight every occurrence, or only the first of each entry on a page. */
  density: z.enum(['all', 'first']),
  /** Categories the reader chose to hide. */
  hiddenCategories: z.array(z.enum(CATEGORIES)),
  /** Language of notes and UI; `auto` follows the browser. */
  language: z.enum(UI_LANGUAGES),
});
export type Settings = z.infer<typeof settingsSchema>;

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
 */
export function parseSettings(raw: unknown): Settings {
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const result: Settings = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const field = settingsSchema.shape[key].safeParse(record[key]);
      if (field.success) (result as Record<string, unknown>)[key] = field.data;
    }
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

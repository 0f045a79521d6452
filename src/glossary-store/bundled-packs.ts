/**
 * The packs shipped with the extension (`glossary/*.json`), validated once per context.
 * Only the background and the editor import this module: the content script gets the
 * merged glossary from the compiled cache instead, so the pack JSON and zod stay out of
 * the bundle that runs on every page.
 */
import { packSchema, type Pack } from '../glossary/schema';
import aiRushChina from '../../glossary/ai-rush-china.json';

/**
 * The shipped packs, listed explicitly (`glossary/` also holds `schema.json`, and an
 * explicit list works the same under Vite, Vitest and plain Node scripts). A new bundled
 * pack is one more line here.
 */
const files: Record<string, unknown> = { 'ai-rush-china.json': aiRushChina };

let cache: Pack[] | undefined;

/** Parses the bundled files; a broken one throws, since it is a build error, not reader data. */
export function parseBundledPacks(sources: Record<string, unknown>): Pack[] {
  return Object.keys(sources)
    .sort()
    .map((path) => {
      const result = packSchema.safeParse(sources[path]);
      if (!result.success) throw new Error(`Bundled pack ${path} is invalid: ${result.error.message}`);
      return result.data;
    });
}

/** The bundled packs, in file-name order. */
export function bundledPacks(): Pack[] {
  cache ??= parseBundledPacks(files);
  return cache;
}

/**
 * The packs shipped with the extension (`glossary/*.json`), validated once per context.
 * Only the background and the editor import this module: the content script gets the
 * merged glossary from the compiled cache instead, so the pack JSON and zod stay out of
 * the bundle that runs on every page.
 */
import { packSchema, type Pack } from '../glossary/schema';

// Eager: the files are part of the bundle either way, and packs are small.
const files = import.meta.glob<unknown>('../../glossary/*.json', { eager: true, import: 'default' });

let cache: Pack[] | undefined;

/** Parses the bundled files; a broken one throws, since it is a build error, not reader data. */
export function parseBundledPacks(sources: Record<string, unknown>): Pack[] {
  return Object.keys(sources)
    .filter((path) => !path.endsWith('/schema.json'))
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

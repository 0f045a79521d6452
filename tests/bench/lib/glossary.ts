/**
 * The bundled glossary as Node sees it, compiled with the extension's own matcher: what a
 * fresh profile highlights. Sweeps, benchmarks and tests compute their expectations from it
 * instead of hard-coding which names a page contains.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileMatcher, type Matcher, type MatcherEntry } from '../../../src/matcher';

const GLOSSARY_DIR = resolve(import.meta.dirname, '../../../glossary');

/** A bundled entry, as far as Node-side expectations need it. */
export interface BundledEntry extends MatcherEntry {
  category: string;
}

/** Every entry of every bundled pack (glossary/*.json), in file-name order. */
export function bundledEntries(): BundledEntry[] {
  return readdirSync(GLOSSARY_DIR)
    .filter((name) => name.endsWith('.json') && name !== 'schema.json')
    .sort()
    .flatMap(
      (name) => (JSON.parse(readFileSync(join(GLOSSARY_DIR, name), 'utf8')) as { entries: BundledEntry[] }).entries,
    );
}

/** The bundled glossary compiled the way the extension compiles it on a fresh profile. */
export function bundledMatcher(): Matcher {
  return compileMatcher(bundledEntries());
}

/**
 * Fails when `buildDir` is older than a bundled pack: expectations computed from glossary/
 * would then disagree with the glossary inside the build for no fault of the extension.
 */
export function assertBuildHasGlossary(buildDir: string): void {
  const built = statSync(join(buildDir, 'manifest.json')).mtimeMs;
  for (const name of readdirSync(GLOSSARY_DIR)) {
    if (statSync(join(GLOSSARY_DIR, name)).mtimeMs > built) {
      throw new Error(`glossary/${name} changed after the build in ${buildDir}: run "npm run build" first.`);
    }
  }
}

/**
 * The compiled glossary as stored in `local:compiledGlossary`, and its reader.
 *
 * The content script reads this on every page, so the reader uses no zod: the writer
 * (`publish.ts`) only ever stores entries that passed the full schema, and the checks
 * here only have to catch data that is truncated, from another format version, or
 * tampered with — enough that nothing downstream throws on it. `loadMatcher` checks the
 * automaton's own arrays.
 */
import { loadMatcher, type SerializedMatcher } from '../matcher';
import type { ActiveGlossary, RuntimeEntry } from './runtime-entry';

/** Bumped whenever the stored shape changes; an old cache is then rebuilt, not migrated. */
export const COMPILED_FORMAT_VERSION = 1;

export interface CompiledGlossary {
  formatVersion: typeof COMPILED_FORMAT_VERSION;
  version: string;
  /**
   * The entries (`RuntimeEntry[]`) as JSON text. One string crosses from storage to each
   * frame far faster than 10,000 small objects do (Chromium converts a stored object tree
   * value by value), and JSON.parse is the fastest way to rebuild them.
   */
  entriesJson: string;
  matcher: SerializedMatcher;
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

/** The fields the highlighter and tooltip rely on, checked cheaply. */
function looksLikeEntry(v: unknown): v is RuntimeEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    isString(e.id) &&
    isString(e.term) &&
    isString(e.category) &&
    isString(e.packId) &&
    Array.isArray(e.aliases) &&
    e.aliases.every(
      (a) => isString(a) || (typeof a === 'object' && a !== null && isString((a as { text?: unknown }).text)),
    ) &&
    (isString(e.context) || (typeof e.context === 'object' && e.context !== null)) &&
    (e.related === undefined || (Array.isArray(e.related) && e.related.every(isString))) &&
    (e.exclude === undefined || (Array.isArray(e.exclude) && e.exclude.every(isString)))
  );
}

/** The active glossary stored in `raw`, or undefined when `raw` is missing or unusable. */
export function readCompiledGlossary(raw: unknown): ActiveGlossary | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const c = raw as Partial<Record<keyof CompiledGlossary, unknown>>;
  if (c.formatVersion !== COMPILED_FORMAT_VERSION || !isString(c.version) || !isString(c.entriesJson)) return undefined;
  let entries: unknown;
  try {
    entries = JSON.parse(c.entriesJson);
  } catch {
    return undefined;
  }
  if (!Array.isArray(entries) || !entries.every(looksLikeEntry)) return undefined;
  let matcher;
  try {
    matcher = loadMatcher(c.matcher as SerializedMatcher);
  } catch {
    return undefined;
  }
  if (
    matcher.entryIds.length !== entries.length ||
    entries.some((e: RuntimeEntry, i) => e.id !== matcher.entryIds[i])
  ) {
    return undefined;
  }
  const list = entries as RuntimeEntry[];
  return { version: c.version, entries: list, byId: new Map(list.map((e) => [e.id, e])), matcher };
}

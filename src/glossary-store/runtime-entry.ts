/** The shapes every reader-facing context uses (types only: no runtime code, no zod). */
import type { DisplayNames } from '../glossary/entry-names';
import type { Entry } from '../glossary/schema';
import type { Matcher } from '../matcher';

/**
 * A glossary entry as the runtime sees it: the schema entry plus the pack it came from, and
 * its section's title in the reader languages (the pack's `source.sectionNames`), if any.
 */
export type RuntimeEntry = Entry & { packId: string; sectionNames?: DisplayNames };

/**
 * What every page keeps of an entry: enough to highlight it (category), list it in the popup
 * (term and display names, weight, mentions) and name it among another entry's related ones. Notes, aliases,
 * links and the rest stay in storage until a tooltip asks for them (`ActiveGlossary.loadEntry`).
 */
export type IndexEntry = Pick<RuntimeEntry, 'id' | 'term' | 'names' | 'category' | 'packId' | 'weight' | 'mentions'>;

/** Bounds of the glossary's name lengths (UTF-16 units), which size the highlighter's scan windows. */
export interface NameLengths {
  /** The longest term, alias or exclusion phrase. */
  longest: number;
  /** The shortest term or alias once runs of spaces count as one; 0 when there are none. */
  shortest: number;
}

/** The merged glossary's lean index: all the popup reads (it shows what a page counted). */
export interface GlossaryIndex<E extends IndexEntry = IndexEntry> {
  /** Changes whenever any input changes (packs, the reader's layer, the extension version). */
  version: string;
  entries: readonly E[];
  byId: ReadonlyMap<string, E>;
  nameLengths: NameLengths;
}

/**
 * The merged glossary, ready to match; `matcher.entryIds[i] === entries[i].id`. Pages get
 * lean `IndexEntry`s; a glossary built in memory (tests, scripts) may carry whole entries (`E`).
 */
export interface ActiveGlossary<E extends IndexEntry = IndexEntry> extends GlossaryIndex<E> {
  matcher: Matcher;
  /** An entry's full details if they are already in memory (read before, or never stored apart). */
  peekEntry(id: string): RuntimeEntry | undefined;
  /** An entry's full details: one small storage read the first time, from memory afterwards. */
  loadEntry(id: string): Promise<RuntimeEntry | undefined>;
}

/** The shapes every reader-facing context uses (types only: no runtime code, no zod). */
import type { Entry } from '../glossary/schema';
import type { Matcher } from '../matcher';

/** A glossary entry as the runtime sees it: the schema entry plus the pack it came from. */
export type RuntimeEntry = Entry & { packId: string };

/** The merged glossary, ready to match; `matcher.entryIds[i] === entries[i].id`. */
export interface ActiveGlossary {
  /** Changes whenever any input changes (packs, the reader's layer, the extension version). */
  version: string;
  entries: readonly RuntimeEntry[];
  byId: ReadonlyMap<string, RuntimeEntry>;
  matcher: Matcher;
}

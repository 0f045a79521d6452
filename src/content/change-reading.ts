/**
 * Reading what the page changed: one batch of the mutation watcher (`mutations.ts`) turned
 * into forgetting and re-reading, in an order that never counts text twice or loses it.
 */
import { excludedLookup, isWithinAny } from './dom-rules';
import type { ChangeBatch } from './mutations';
import type { PageState } from './page-state';

export interface ChangeReader {
  page: PageState;
  /** Forgets what was read in `container` and undraws its highlights. */
  forget(container: Node): void;
  /** Reads `region` again: `shallow` for a container's own text only, else everything inside. */
  read(region: Node, shallow: boolean): Generator<undefined, void>;
  /** The page's changes to elements so far (the mutation watcher's count); absent: unknown. */
  changeCount?(): number;
}

/**
 * Regions read between pause points. A region's own walk pauses only every few dozen nodes, so
 * without these a batch of many small regions (a log viewer appending 10,000 rows at once) was
 * read in one step of 88–137 ms.
 */
const READS_PER_STEP = 16;
/** Containers checked between pause points for lying inside what became an editor. */
const CHECKS_PER_STEP = 512;

/** Forgets and re-reads what `batch` says changed, yielding between bounded steps. */
export function* readChanges(batch: ChangeBatch, reader: ChangeReader): Generator<undefined, void> {
  const { page, forget, read } = reader;
  for (const container of batch.fought) page.strike(container);
  if (batch.removed) for (const gone of page.disconnected()) forget(gone);
  // Highlights inside what became (or moved into) an editor go, and stay gone: what is
  // inside an editor is never read.
  if (batch.excluded.length > 0) yield* forgetInside(new Set(batch.excluded), reader);
  // Every changed container lets go of its text before any is read: text the page moved
  // from one to another gets its whole text back before the container it joined is read.
  for (const [i, container] of batch.containers.entries()) {
    forget(container);
    if (i % 64 === 63) yield undefined;
  }
  // Between pauses the page may move what is waiting here into an editor (or make it one):
  // once it has changed anything, each region is checked again before it is read.
  const countAtStart = reader.changeCount?.();
  let inEditor: ((node: Node) => boolean) | undefined;
  let inEditorAt: number | undefined;
  const readable = (region: Node): boolean => {
    if (!region.isConnected) return false;
    const now = reader.changeCount?.();
    if (now === countAtStart) return true;
    // One lookup per state of the page: rows moved together share their parent's answer.
    if (!inEditor || now !== inEditorAt) [inEditor, inEditorAt] = [excludedLookup(), now];
    return !inEditor(region);
  };
  let reads = 0;
  for (const container of batch.containers) {
    if (!readable(container)) continue;
    yield* read(container, true);
    if (++reads % READS_PER_STEP === 0) yield undefined;
  }
  // An added element inside another added one is read with it.
  const added = new Set(batch.added);
  for (const el of added) {
    let inner = false;
    for (let up = el.parentNode; up && !inner; up = up.parentNode) inner = added.has(up as Element);
    if (inner || !readable(el)) continue;
    yield* read(el, false);
    if (++reads % READS_PER_STEP === 0) yield undefined;
  }
}

/**
 * Forgets every container read so far that lies inside one of `editors` (or is one). Each
 * container looks up its ancestors, rather than each editor testing every container: a page
 * loading a long document into its editor adds thousands of elements there at once.
 */
function* forgetInside(editors: ReadonlySet<Node>, { page, forget }: ChangeReader): Generator<undefined, void> {
  let checked = 0;
  for (const container of [...page.states.keys()]) {
    // Across shadow roots to their hosts, as a walk goes: a host made an editor is not entered.
    if (isWithinAny(container, editors)) forget(container);
    if (++checked % CHECKS_PER_STEP === 0) yield undefined;
  }
}

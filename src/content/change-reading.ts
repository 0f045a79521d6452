/**
 * Reading what the page changed: one batch of the mutation watcher (`mutations.ts`) turned
 * into forgetting and re-reading, in an order that never counts text twice or loses it.
 */
import type { ChangeBatch } from './mutations';
import type { PageState } from './page-state';

export interface ChangeReader {
  page: PageState;
  /** Forgets what was read in `container` and undraws its highlights. */
  forget(container: Node): void;
  /** Reads `region` again: `shallow` for a container's own text only, else everything inside. */
  read(region: Node, shallow: boolean): Generator<undefined, void>;
}

/** Forgets and re-reads what `batch` says changed, yielding between bounded steps. */
export function* readChanges(batch: ChangeBatch, reader: ChangeReader): Generator<undefined, void> {
  const { page, forget, read } = reader;
  for (const container of batch.fought) page.strike(container);
  if (batch.removed) for (const gone of page.disconnected()) forget(gone);
  // Highlights inside what became (or moved into) an editor go, and stay gone: what is
  // inside an editor is never read.
  for (const el of batch.excluded) {
    for (const container of [...page.states.keys()]) if (el.contains(container)) forget(container);
  }
  // Every changed container lets go of its text before any is read: text the page moved
  // from one to another gets its whole text back before the container it joined is read.
  for (const [i, container] of batch.containers.entries()) {
    forget(container);
    if (i % 64 === 63) yield undefined;
  }
  for (const container of batch.containers) {
    if (container.isConnected) yield* read(container, true);
  }
  // An added element inside another added one is read with it.
  const added = new Set(batch.added);
  for (const el of added) {
    let inner = false;
    for (let up = el.parentNode; up && !inner; up = up.parentNode) inner = added.has(up as Element);
    if (!inner && el.isConnected) yield* read(el, false);
  }
}

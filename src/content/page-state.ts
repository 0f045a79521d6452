/**
 * What the highlighter knows about the page: per container with matches, how often each
 * entry occurs (counted from scanning, so text not drawn yet counts too), which original
 * text nodes have highlights drawn, and which matches still wait to be drawn.
 */
import type { Piece } from './engine';

export interface PendingMatch {
  entry: number;
  pieces: Piece[];
}

/** Matches of one block not drawn yet, drawn when `target` comes near the viewport. */
export interface PendingBlock {
  state: ContainerState;
  target: Element;
  matches: PendingMatch[];
}

export interface ContainerState {
  container: Node;
  /** Occurrences per entry index, whether drawn, pending or filtered out. */
  counts: Map<number, number>;
  /** Original text nodes handed to the engine. */
  drawn: Set<Text>;
  pending: PendingBlock[];
  /**
   * Every match shown (after density and category filters), drawn or not, in document order:
   * keyboard navigation and "reveal" walk these, so they reach occurrences not drawn yet.
   */
  shown: PendingMatch[];
  /** Entries whose one highlight (density "first") this container holds. */
  firsts: number[];
  dropped: boolean;
}

/** Per-container bookkeeping for one document. */
export class PageState {
  readonly states = new Map<Node, ContainerState>();
  private readonly firstOwner = new Map<number, ContainerState>();

  /** The state of `container`, created empty on first use. */
  stateFor(container: Node): ContainerState {
    let state = this.states.get(container);
    if (!state) {
      state = { container, counts: new Map(), drawn: new Set(), pending: [], shown: [], firsts: [], dropped: false };
      this.states.set(container, state);
    }
    return state;
  }

  /** Forgets a container; returns its state so the caller can undraw it. */
  drop(container: Node): ContainerState | undefined {
    const state = this.states.get(container);
    if (!state) return undefined;
    this.states.delete(container);
    state.dropped = true;
    for (const entry of state.firsts) if (this.firstOwner.get(entry) === state) this.firstOwner.delete(entry);
    return state;
  }

  /** Records matches of `state` to show, drawn or not. */
  addShown(state: ContainerState, matches: readonly PendingMatch[]): void {
    for (const match of matches) state.shown.push(match);
  }

  /** Leaves out a match that cannot be drawn (its text changed before it was). */
  dropShown(state: ContainerState, match: PendingMatch): void {
    const index = state.shown.indexOf(match);
    if (index < 0) return;
    state.shown.splice(index, 1);
  }

  /** Containers the page has removed. */
  disconnected(): Node[] {
    const gone: Node[] = [];
    for (const container of this.states.keys()) if (!container.isConnected) gone.push(container);
    return gone;
  }

  /** For density "first": whether this occurrence of `entry` is the page's first (then `state` holds it). */
  claimFirst(entry: number, state: ContainerState): boolean {
    const owner = this.firstOwner.get(entry);
    if (owner && !owner.dropped && owner.container.isConnected) return false;
    this.firstOwner.set(entry, state);
    state.firsts.push(entry);
    return true;
  }

  /** Occurrences per entry id over the page. */
  summary(entryIds: readonly string[]): Record<string, number> {
    const totals = new Map<number, number>();
    for (const state of this.states.values()) {
      if (!state.container.isConnected) continue;
      for (const [entry, n] of state.counts) totals.set(entry, (totals.get(entry) ?? 0) + n);
    }
    const result: Record<string, number> = {};
    for (const [entry, n] of [...totals].sort((a, b) => a[0] - b[0])) {
      const id = entryIds[entry];
      if (id !== undefined && n > 0) result[id] = n;
    }
    return result;
  }

  /** Forgets everything. */
  clear(): void {
    for (const state of this.states.values()) state.dropped = true;
    this.states.clear();
    this.firstOwner.clear();
  }
}

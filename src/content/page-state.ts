/**
 * What the highlighter knows about the page: per container with matches, how often each
 * entry occurs (counted from scanning, so text not drawn yet counts too), which original
 * text nodes have highlights drawn, and which matches still wait to be drawn.
 */
import type { Piece } from './engine';
import { comparePoints } from './occurrences';
import { TopicGate } from './topic-gate';

/**
 * How often the page may take our highlights out of one container before we stop drawing
 * there, and how many such containers make us stop drawing on the whole page.
 *
 * Why step aside rather than fight: a page that unwraps our marks owns its DOM (a framework
 * reconciling foreign nodes away, a script clearing every <mark> for its own search). Drawing
 * again starts a loop (we wrap, it unwraps, both observers fire) that costs both sides CPU
 * and can corrupt the page's text. Once may be the reader's own action (a "delete" button on
 * highlighted text), twice in the same place is the page's policy. Several places that did it
 * make the page as a whole one that does not want marks: new text there is counted (the
 * badge stays right) but not drawn. A re-render (the page replaced its text, ours with it) is
 * no strike: that text is simply read again.
 */
const STRIKES_PER_CONTAINER = 2;
const CONTAINERS_PER_PAGE = 3;

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

/**
 * A walk of the page under way. It learns of every container dropped while it runs, so it
 * can tell that the rest of its text there is stale without bookkeeping per container.
 */
export interface Walk {
  /** Containers dropped since this walk last opened them. */
  readonly dropped: Set<Node>;
}

/** Per-container bookkeeping for one document. */
export class PageState {
  readonly states = new Map<Node, ContainerState>();
  private readonly firstOwner = new Map<number, ContainerState>();
  /** Times the page took our highlights out of each container (kept across re-reads). */
  private readonly strikes = new WeakMap<Node, number>();
  private containersGivenUp = 0;
  /** Walks of the page under way (started and not finished), see `readRegion`. */
  private readonly walks = new Set<Walk>();
  /** Whether the page's everyday words may be shown (topic-gate.ts). */
  readonly topic = new TopicGate();

  /** Notes a walk starting; pass it to `endWalk` when it finishes. */
  beginWalk(): Walk {
    const walk: Walk = { dropped: new Set() };
    this.walks.add(walk);
    return walk;
  }

  endWalk(walk: Walk): void {
    this.walks.delete(walk);
  }

  /** Whether a walk is under way (paused between slices). */
  get reading(): boolean {
    return this.walks.size > 0;
  }

  /**
   * `walk` starts reading `container` (after dropping what was known of it, if anything):
   * what happened to it before is no longer news to this walk.
   */
  opened(walk: Walk, container: Node): void {
    if (walk.dropped.size > 0) walk.dropped.delete(container);
  }

  /**
   * Whether `container` was dropped since `walk` opened it: the page's changes read it
   * again meanwhile (and may have drawn it), so the rest of this walk's text there is stale.
   * No lookup at all while nothing was dropped, the common case on a large page.
   */
  isStale(walk: Walk, container: Node): boolean {
    return walk.dropped.size > 0 && walk.dropped.has(container);
  }

  /**
   * Whether `walk` is the only walk under way: then no other walk can have a container open,
   * and opening one it knows nothing about needs no dropping (on a large page that saves
   * bookkeeping for each of tens of thousands of containers).
   */
  aloneIn(walk: Walk): boolean {
    return this.walks.size === 1 && this.walks.has(walk);
  }

  /** Whether anything is known (counted, drawn or waiting) about `container`. */
  knows(container: Node): boolean {
    return this.states.has(container);
  }

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
    for (const walk of this.walks) walk.dropped.add(container);
    const state = this.states.get(container);
    if (!state) return undefined;
    this.states.delete(container);
    state.dropped = true;
    for (const entry of state.firsts) if (this.firstOwner.get(entry) === state) this.firstOwner.delete(entry);
    return state;
  }

  /** Notes that the page took our highlights out of `container`. */
  strike(container: Node): void {
    const strikes = (this.strikes.get(container) ?? 0) + 1;
    this.strikes.set(container, strikes);
    if (strikes === STRIKES_PER_CONTAINER) this.containersGivenUp++;
  }

  /** Whether highlights in `container` are no longer drawn, because the page keeps removing them. */
  holdsBack(container: Node): boolean {
    return this.containersGivenUp >= CONTAINERS_PER_PAGE || (this.strikes.get(container) ?? 0) >= STRIKES_PER_CONTAINER;
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
    if (this.hasFirst(entry)) return false;
    this.firstOwner.set(entry, state);
    state.firsts.push(entry);
    return true;
  }

  /** For density "first": lets go of `entry`'s first occurrence; returns the container that held it. */
  releaseFirst(entry: number): Node | undefined {
    const owner = this.firstOwner.get(entry);
    if (!owner) return undefined;
    this.firstOwner.delete(entry);
    owner.firsts = owner.firsts.filter((e) => e !== entry);
    return owner.container;
  }

  /** For density "first": the container on the page holding `entry`'s first occurrence. */
  firstHolder(entry: number): Node | undefined {
    return this.hasFirst(entry) ? this.firstOwner.get(entry)!.container : undefined;
  }

  /** For density "first": whether a container on the page holds `entry`'s first occurrence. */
  hasFirst(entry: number): boolean {
    const owner = this.firstOwner.get(entry);
    return !!owner && !owner.dropped && owner.container.isConnected;
  }

  /**
   * For each of `entries`, the containers on the page where it was counted, in reading order
   * (`comparePoints`: a shadow tree's at its host).
   */
  countedIn(entries: readonly number[]): Map<number, Node[]> {
    const found = new Map<number, Node[]>(entries.map((entry) => [entry, []]));
    for (const state of this.states.values()) {
      if (!state.container.isConnected) continue;
      for (const [entry, list] of found) if ((state.counts.get(entry) ?? 0) > 0) list.push(state.container);
    }
    for (const list of found.values())
      list.sort((a, b) => comparePoints({ node: a, offset: 0 }, { node: b, offset: 0 }));
    return found;
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

  /** Forgets everything; the walks under way are dropped along with it and never resumed. */
  clear(): void {
    this.walks.clear();
    for (const state of this.states.values()) state.dropped = true;
    this.states.clear();
    this.firstOwner.clear();
    this.topic.clear();
  }
}

/**
 * Reading a region of the page: walk its blocks, scan each with the matcher, count every
 * match, and turn the ones to show (after density and category filters) into pending
 * highlights. A generator, so the scheduler can pause it between steps.
 */
import { spansOf, walkBlocks, type Block } from './blocks';
import { scanInWindows, type ScanMatch, type TextScanner } from './chunked-scan';
import type { Piece } from './engine';
import type { PageState, PendingBlock, PendingMatch } from './page-state';

/** Text long enough that scanning it is worth a pause point of its own. */
const LONG_TEXT = 4_096;
/** Characters scanned between pause points when no block in between had names. */
const PAUSE_TEXT = 2_048;
/**
 * Matches turned into pieces between pause points. A giant text node can hold a hundred
 * thousand of them (a 5 MB log naming a word on every line): in one step that took 40–76 ms.
 */
const RECORD_STEP = 2_000;

/** The glossary as the highlighter needs it. */
export interface GlossaryView {
  scanner: TextScanner;
  /** Entry ids by matcher entry index. */
  entryIds: readonly string[];
  /** Categories by matcher entry index. */
  categories: readonly string[];
  /** Longest alias or exclusion phrase (overlap between scan windows). */
  maxMatchLength: number;
  /** Shortest alias: shorter runs of text are not scanned. */
  minMatchLength: number;
  /**
   * The loose scanner (src/matcher/loose.ts) that proves text names nothing, built on first
   * call. Absent: regions are always walked.
   */
  looseScanner?: () => TextScanner;
}

/** The reader's display choices. */
export interface DisplayFilters {
  density: 'all' | 'first';
  hiddenCategories: ReadonlySet<string>;
}

export interface ReadHooks {
  /** A container is about to be read again: drop what was known and drawn for it. */
  forget(container: Node): void;
  shadowRoot(root: ShadowRoot): void;
  /** A custom element read without a shadow root, which may attach one later (late-shadow-roots.ts). */
  unattachedHost?(host: Element): void;
  lost(parent: Node): void;
  pending(block: PendingBlock): void;
  /** The page's changes to elements so far (see `WalkOptions.changeCount`); absent: unknown. */
  changeCount?(): number;
  /** See `WalkOptions.editingUnder`. */
  editingUnder?(root: ParentNode): Set<Element>;
  /**
   * The page names something of the glossary by a name that is not an everyday word, in the
   * block about to be recorded: reads again the containers that held everyday words back until
   * now (topic-gate.ts), before that block, so that they are recorded in the page's order.
   */
  topicNamed?(held: Node[]): Generator<undefined, void>;
  /**
   * Whether a name in `element` tells what the page is about, to open the topic gate: text the
   * reader is shown, outside the site's menus and sidebars; absent: any text does.
   */
  tellsTopic?(element: Element): boolean;
  /**
   * Density "first": whether to pass over this occurrence, the first still unclaimed for its
   * entry, because it is not shown (first-visible.ts); absent: none is passed over.
   */
  passOverFirst?(entry: number, node: Text): boolean;
  /** Density "first": whether `entry`'s first is held in hidden text, which a shown occurrence may take over. */
  firstHeldHidden?(entry: number): boolean;
  /**
   * Density "first": whether `entry`'s first is held after `container` in the page, which an
   * occurrence the page added there may take over (a single-page site's next article, above a
   * "related" list that held it).
   */
  firstHeldAfter?(entry: number, container: Node): boolean;
  /**
   * Density "first": whether this occurrence takes over `entry`'s first from hidden text or
   * from text after it (it is shown); if so, the first is released and the text that held it
   * is read again.
   */
  takeOverFirst?(entry: number, node: Text): boolean;
}

/** Reads `root` (only its own runs when `shallow`) into `page`. */
export function* readRegion(
  root: Node,
  shallow: boolean,
  view: GlossaryView,
  filters: DisplayFilters,
  page: PageState,
  hooks: ReadHooks,
): Generator<undefined, void> {
  // While the walk is paused the page's changes may read a container again (and draw it);
  // the rest of this walk's text there is then stale, and reading it would count it twice
  // and wrap our own marks. The page state tells the walk which containers that happened to.
  const walk = page.beginWalk();
  const blocks = walkBlocks(root, {
    shallow,
    minLength: view.minMatchLength,
    onContainer(container) {
      // Nothing to forget in a container never read, unless another walk may have it open.
      if (page.knows(container) || !page.aloneIn(walk)) hooks.forget(container);
      page.opened(walk, container);
    },
    onShadowRoot: hooks.shadowRoot,
    onUnattachedHost: hooks.unattachedHost,
    onLost: hooks.lost,
    changeCount: hooks.changeCount,
    editingUnder: hooks.editingUnder,
  });
  let scanned = 0;
  try {
    for (const block of blocks) {
      if (!block) {
        yield undefined;
        continue;
      }
      const stale = () => page.isStale(walk, block.container);
      if (stale()) continue;
      const matches: ScanMatch[] = [];
      for (const found of scanInWindows(view.scanner, block.text, view.maxMatchLength)) {
        for (const m of found) matches.push(m);
        // Long text: give the scheduler a chance to pause after every window.
        if (block.text.length > LONG_TEXT) yield undefined;
      }
      if (matches.length > 0 && !stale()) yield* record(block, matches, view, filters, page, hooks, stale);
      // A pause point after a block with names, or once PAUSE_TEXT characters were scanned;
      // the walk pauses every few dozen nodes besides. One per block cost a scheduler round
      // per paragraph, tens of thousands on a page of short blocks.
      scanned += block.text.length;
      if (matches.length > 0 || scanned > PAUSE_TEXT) {
        scanned = 0;
        yield undefined;
      }
    }
  } finally {
    page.endWalk(walk);
  }
}

/** Counts `block`'s matches and hands the ones to show to the drawing, unless it goes `stale` meanwhile. */
function* record(
  block: Block,
  matches: readonly ScanMatch[],
  view: GlossaryView,
  filters: DisplayFilters,
  page: PageState,
  hooks: ReadHooks,
  stale: () => boolean,
): Generator<undefined, void> {
  // Asked once per element of the block: a hidden one may hold a hundred thousand names.
  const told = new Map<Element, boolean>();
  const held = page.topic.opensWith(matches, (m) => {
    const node = spansOf(block, m.start, m.end)[0]?.node;
    const element = node && blockTarget(node);
    if (!element || !hooks.tellsTopic) return true;
    let tells = told.get(element);
    if (tells === undefined) told.set(element, (tells = hooks.tellsTopic(element)));
    return tells;
  });
  if (held && held.length > 0 && hooks.topicNamed) {
    yield* hooks.topicNamed(held);
    // This block's container was one of them: read whole again just now.
    if (stale()) return;
  }
  const state = page.stateFor(block.container);
  const shown: PendingMatch[] = [];
  // Counted either way: the page's terms are there even where it does not let us draw.
  const holdBack = page.holdsBack(block.container);
  for (let i = 0; i < matches.length; i++) {
    if (i > 0 && i % RECORD_STEP === 0) {
      yield undefined;
      // The page changed the container meanwhile: it is read again, and this state dropped.
      if (stale()) return;
    }
    const m = matches[i]!;
    // An everyday word on a page not (yet) found to be about the column: neither shown nor counted.
    if (m.generic && !page.topic.open) {
      page.topic.hold(block.container);
      continue;
    }
    state.counts.set(m.entry, (state.counts.get(m.entry) ?? 0) + 1);
    if (holdBack) continue;
    const id = view.entryIds[m.entry];
    const category = view.categories[m.entry] ?? '';
    if (id === undefined || filters.hiddenCategories.has(category)) continue;
    if (
      filters.density === 'first' &&
      page.hasFirst(m.entry) &&
      !hooks.firstHeldHidden?.(m.entry) &&
      !hooks.firstHeldAfter?.(m.entry, block.container)
    )
      continue;
    const pieces: Piece[] = spansOf(block, m.start, m.end).map((span, i) => ({
      ...span,
      id,
      category,
      first: i === 0,
    }));
    if (pieces.length === 0) continue;
    if (filters.density === 'first') {
      const node = pieces[0]!.node;
      if (page.hasFirst(m.entry) ? !hooks.takeOverFirst?.(m.entry, node) : hooks.passOverFirst?.(m.entry, node))
        continue;
      page.claimFirst(m.entry, state);
    }
    shown.push({ entry: m.entry, pieces });
  }
  if (shown.length === 0) return;
  // Handing over many matches is a step of its own (the drawing may take them all at once).
  if (matches.length > RECORD_STEP) {
    yield undefined;
    if (stale()) return;
  }
  const target = blockTarget(shown[0]!.pieces[0]!.node);
  if (!target) return;
  page.addShown(state, shown);
  const pending: PendingBlock = { state, target, matches: shown };
  state.pending.push(pending);
  hooks.pending(pending);
}

/** The element whose nearness to the viewport decides when matches in `node` are drawn. */
export function blockTarget(node: Text): Element | undefined {
  const parent = node.parentNode;
  return parent?.nodeType === 1 ? (parent as Element) : ((parent as ShadowRoot | null)?.host ?? undefined);
}

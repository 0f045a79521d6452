/**
 * Block segmentation: the page's text as runs ("blocks") that the matcher reads one at a
 * time. A block is the text of one container (a block-level element, shadow root or
 * document) between two block boundaries, inline elements included, so `Moonshot <b>AI</b>`
 * and `月之<em>暗面</em>` are one string while text never joins across a `<p>`, `<td>` or `<br>`.
 *
 * The walk is a generator that also yields `undefined` every few hundred nodes: on a huge
 * page collecting text is most of the work, and the scheduler needs those points to stop
 * within its time budget and give the page its main thread back.
 */
import { classify, editingElementsIn, isCustomElementName } from './dom-rules';

export interface Block {
  /** The container the run belongs to (the unit re-read when the page changes). */
  container: Node;
  /** Text nodes of the run, in document order. */
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]`'s text in `text`. */
  starts: number[];
  text: string;
}

/** One text node's share of a match: `node.data.slice(start, end)`. */
export interface Span {
  node: Text;
  start: number;
  end: number;
  /** That text as it was read; drawing checks it is still there. */
  text: string;
}

export interface WalkOptions {
  /** Only the root container's own runs; nested containers are left for their own walk. */
  shallow?: boolean;
  /** Called for every open shadow root met, so the caller can observe it. */
  onShadowRoot?(root: ShadowRoot): void;
  /**
   * Called for every custom element entered without a shadow root: it may attach one when its
   * definition loads, which no mutation observer sees (late-shadow-roots.ts).
   */
  onUnattachedHost?(host: Element): void;
  /** Called as a container's text starts to be read, before any of it is (to drop old highlights). */
  onContainer?(container: Node): void;
  /**
   * Called when the page removed an element while the walk was paused inside it: the rest of
   * `parent`'s children could not be reached and need a walk of their own.
   */
  onLost?(parent: Node): void;
  /** Runs shorter than this cannot contain a match and are not reported. */
  minLength?: number;
  /**
   * How often the page has changed its elements or their editing attributes so far (the
   * mutation watcher's count). Given, the walk finds the editing widgets under its root with
   * one query rather than a selector match per element; once the count moves while the
   * walk is paused, that answer may be out of date and each element is matched again.
   */
  changeCount?(): number;
  /**
   * The editing widgets under the root, while `changeCount` stays (by default one query of the
   * root's subtree; `editing-lookup.ts` shares one of the whole tree between the walks of a
   * batch). A superset is fine: the walk only asks whether an element is one.
   */
  editingUnder?(root: ParentNode): Set<Element>;
}

/** Nodes visited between pause points: a few hundred microseconds of walking. */
const TICK_EVERY = 64;

/** Stands for a link's edge between two Latin words (U+FFFC, "an object here"): not a letter. */
export const LINK_EDGE = '\uFFFC';

/** Latin letters and digits: the word characters that need a boundary (see src/matcher). */
const LATIN_WORD = /[0-9A-Za-z\u00C0-\u024F]/;

/**
 * Parts of a run joined into one string as the run grows. A log a page appends line by line
 * is one run of 100,000 text nodes or more. Joined only at its end (31–43 ms for 105,000
 * lines in Node), with the young garbage of 105,000 strings to collect, it made the
 * extension's longest task on such a page 54–69 ms; joined as it grows, 33–42 ms (traced
 * loads of a log of 105,000 spans, 6 of each, interleaved).
 */
const JOIN_EVERY = 1_024;

class Run {
  nodes: Text[] = [];
  starts: number[] = [];
  /** Text of the last parts, not joined yet. */
  parts: string[] = [];
  /** Text of the earlier parts, joined JOIN_EVERY at a time. */
  joined: string[] = [];
  /** The last part added, to tell a link's edge between two Latin words. */
  last = '';
  length = 0;
  /** A link's edge was crossed since the last text node was added. */
  private linkEdge = false;
  constructor(
    readonly container: Node | null,
    readonly min: number,
  ) {}
  add(node: Text): void {
    if (!this.container) return;
    const data = node.data;
    if (data.length === 0) return;
    if (this.linkEdge && this.length > 0) {
      const before = this.last;
      if (LATIN_WORD.test(before[before.length - 1]!) && LATIN_WORD.test(data[0]!)) {
        // Offsets stay right: spansOf never lets a match cover the separator (no name contains it).
        this.parts.push(LINK_EDGE);
        this.length += 1;
      }
    }
    this.linkEdge = false;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.last = data;
    this.length += data.length;
    if (this.parts.length >= JOIN_EVERY) {
      this.joined.push(this.parts.join(''));
      this.parts = [];
    }
  }
  /** Notes that the walk entered or left a link. */
  crossLinkEdge(): void {
    this.linkEdge = true;
  }
  /** The finished block, if it could hold a match; resets for the next run either way. */
  take(): Block | undefined {
    if (this.nodes.length === 0) return undefined;
    const { nodes, starts, parts, joined, length } = this;
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.joined = [];
    this.last = '';
    this.length = 0;
    this.linkEdge = false;
    if (length < this.min || !this.container) return undefined;
    if (joined.length > 0) joined.push(parts.join(''));
    const text = joined.length > 0 ? joined.join('') : parts.length === 1 ? parts[0]! : parts.join('');
    if (!/\S/.test(text)) return undefined;
    return { container: this.container, nodes, starts, text };
  }
}

interface Frame {
  /** The element whose children are being read. */
  el: Element;
  /** Its parent when we entered, to notice the page removing it meanwhile. */
  parent: Node | null;
  /** The walk's pause count when we entered: without a pause since, the page cannot have run. */
  pauses: number;
  /** A link: leaving it is a link's edge. */
  link?: boolean;
  /** The run to go back to when `el` is a container; undefined for inline elements. */
  outer?: Run;
  /** Set while reading `el`'s shadow tree: its light children come next. */
  shadowFirst?: boolean;
  /** The walk's root: done when its frame closes. */
  root?: boolean;
}

/**
 * Walks the text under `root` and yields its blocks in document order, or `undefined` as a
 * pause point. When `root` is an inline element only the containers nested in it are
 * reported: its own text belongs to a run of its container, read by that container's walk.
 */
export function* walkBlocks(root: Node, options: WalkOptions = {}): Generator<Block | undefined, void> {
  const min = Math.max(1, options.minLength ?? 1);
  const type = root.nodeType;
  const rootIsContainer = type === 9 || type === 11 || (type === 1 && classify(root as Element) === 'block');
  if (type !== 1 && type !== 9 && type !== 11) return;
  const frames: Frame[] = [];
  const open = (container: Node): Run => {
    options.onContainer?.(container);
    return new Run(container, min);
  };
  let run = new Run(null, min);
  let node: Node | null;
  // The parent of `node`, known from where the walk is: no DOM call per element to ask it.
  let parent: Node;
  // Every yield lets other code run, the page's included. Between two yields the DOM stays as
  // the walk found it (the callbacks only touch what is inside the container being opened),
  // so an element left without a pause in between needs no check that it is still attached.
  let pauses = 0;
  /**
   * After a pause: whether the page took `child` out of `expected` meanwhile. Then `child`
   * no longer leads to the siblings after it, and `expected` is reported for a walk of its own.
   */
  const detached = (child: Node, expected: Node | null): boolean => {
    if (child.parentNode === expected) return false;
    if (expected) options.onLost?.(expected);
    return true;
  };
  // Editing widgets found by one query per tree while the page stays as it was (see
  // `changeCount`). Not for a shallow walk: it reads a few inline elements of a container
  // whose subtree may be the whole page.
  const changeCount = options.shallow ? undefined : options.changeCount;
  const countAtQuery = changeCount?.();
  let editing = changeCount ? (options.editingUnder ?? editingElementsIn)(root as ParentNode) : undefined;
  /** Back from a yield: the page may have run. */
  const afterPause = () => {
    pauses++;
    if (editing && changeCount?.() !== countAtQuery) editing = undefined;
  };
  const shadow = type === 1 && !options.shallow ? (root as Element).shadowRoot : null;
  if (shadow) {
    options.onShadowRoot?.(shadow);
    if (editing) editingElementsIn(shadow, editing);
    frames.push({ el: root as Element, parent: null, pauses, outer: run, shadowFirst: true, root: true });
    run = open(shadow);
    node = shadow.firstChild;
    parent = shadow;
  } else {
    if (type === 1 && !options.shallow && isCustomElementName((root as Element).localName))
      options.onUnattachedHost?.(root as Element);
    if (rootIsContainer) run = open(root);
    node = root.firstChild;
    parent = root;
  }
  let visited = 0;
  for (;;) {
    if (++visited % TICK_EVERY === 0) {
      yield undefined;
      afterPause();
      if (node && detached(node, parent)) node = null;
    }
    if (node === null) {
      const frame = frames.pop();
      if (!frame) break;
      if (frame.outer) {
        const done = run.take();
        if (done) {
          yield done;
          afterPause();
        }
        run = frame.outer;
      }
      if (frame.shadowFirst) {
        // Shadow tree done: now the host's own children, a container of their own.
        frames.push({ ...frame, shadowFirst: false, outer: run });
        run = open(frame.el);
        node = frame.el.firstChild;
        parent = frame.el;
        continue;
      }
      if (frame.root) break;
      if (frame.link) run.crossLinkEdge();
      if (frame.pauses !== pauses && detached(frame.el, frame.parent)) {
        node = null;
        continue;
      }
      node = frame.el.nextSibling;
      parent = frame.parent!;
      continue;
    }
    const nodeType = node.nodeType;
    if (nodeType === 3) {
      run.add(node as Text);
      node = node.nextSibling;
      continue;
    }
    if (nodeType !== 1) {
      node = node.nextSibling;
      continue;
    }
    const el = node as Element;
    const name = el.localName;
    const kind = classify(el, name, editing);
    if (kind === 'inline') {
      const link = name === 'a';
      if (link) run.crossLinkEdge();
      frames.push({ el, parent, pauses, link });
      node = el.firstChild;
      parent = el;
      continue;
    }
    if (kind === 'skipped') {
      node = el.nextSibling;
      continue;
    }
    // Excluded elements and containers both end the current run.
    const done = run.take();
    if (done) {
      yield done;
      afterPause();
      if (detached(el, parent)) {
        node = null;
        continue;
      }
    }
    if (kind === 'excluded' || options.shallow) {
      node = el.nextSibling;
      continue;
    }
    const elShadow = el.shadowRoot;
    frames.push({ el, parent, pauses, outer: run, shadowFirst: !!elShadow });
    if (elShadow) {
      options.onShadowRoot?.(elShadow);
      if (editing) editingElementsIn(elShadow, editing);
      run = open(elShadow);
      node = elShadow.firstChild;
      parent = elShadow;
    } else {
      if (isCustomElementName(name)) options.onUnattachedHost?.(el);
      run = open(el);
      node = el.firstChild;
      parent = el;
    }
  }
  const last = run.take();
  if (last) yield last;
}

/** The pieces of `block.text.slice(start, end)`, one per text node it touches. */
export function spansOf(block: Block, start: number, end: number): Span[] {
  const { starts, nodes, text } = block;
  // Binary search for the last node starting at or before `start`.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= start) lo = mid;
    else hi = mid - 1;
  }
  const spans: Span[] = [];
  for (let i = lo; i < nodes.length && starts[i]! < end; i++) {
    // Lengths come from the text as read, so a span never runs past what was matched.
    const length = (i + 1 < nodes.length ? starts[i + 1]! : text.length) - starts[i]!;
    const from = Math.max(start - starts[i]!, 0);
    const to = Math.min(end - starts[i]!, length);
    if (to > from)
      spans.push({ node: nodes[i]!, start: from, end: to, text: text.slice(starts[i]! + from, starts[i]! + to) });
  }
  return spans;
}

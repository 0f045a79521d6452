/**
 * The least a reader of the page must do besides the floor: walk every node (not only the
 * text nodes), classify each element by ColumnLens's rules (excluded, skipped, block or
 * inline, with one query for the editing widgets) and know where each run of text ends.
 * Nothing else: no scanning, no pauses, no bookkeeping. Timed as the first walk in a fresh
 * isolated world, like the floor (measure-load.ts), it says how far above the floor any
 * walk that keeps text from joining across blocks and out of form fields must sit.
 * Open shadow roots are not entered (nor does the floor's TreeWalker enter them).
 */
import { BLOCK_TAGS, EDITING_SELECTOR, EXCLUDED_TAGS, TRANSPARENT_SKIPPED_TAGS } from '../../../src/content/dom-rules';

export interface ReadingRules {
  excluded: string[];
  skipped: string[];
  block: string[];
  editing: string;
}

export interface ClassifyingWalk {
  ms: number;
  /** Runs of text with at least one character, and their characters. */
  runs: number;
  chars: number;
  /** Nodes handed to the script. */
  nodes: number;
}

/** The product's rules, as data a page expression can carry. */
export function readingRules(): ReadingRules {
  return {
    excluded: [...EXCLUDED_TAGS],
    skipped: [...TRANSPARENT_SKIPPED_TAGS],
    block: [...BLOCK_TAGS],
    editing: EDITING_SELECTOR,
  };
}

/**
 * Walks `root` (`document.body` by default) as described above. Self-contained, for
 * `pageExpression`; the order of the tests is `classify`'s (src/content/dom-rules.ts).
 */
export function classifyingWalk(rules: ReadingRules, root: Element = document.body): ClassifyingWalk {
  const started = performance.now();
  const excluded = new Set(rules.excluded);
  const skipped = new Set(rules.skipped);
  const block = new Set(rules.block);
  const editing = new Set(root.querySelectorAll(rules.editing));
  let runs = 0;
  let chars = 0;
  let nodes = 0;
  let runChars = 0;
  const endRun = () => {
    if (runChars === 0) return;
    runs++;
    chars += runChars;
    runChars = 0;
  };
  const entered: Element[] = [];
  const enteredBlock: boolean[] = [];
  let node: Node | null = root.firstChild;
  for (;;) {
    if (node === null) {
      const up = entered.pop();
      if (!up) break;
      if (enteredBlock.pop()) endRun();
      node = up.nextSibling;
      continue;
    }
    nodes++;
    const type = node.nodeType;
    if (type === 3) {
      runChars += (node as Text).data.length;
      node = node.nextSibling;
      continue;
    }
    if (type !== 1) {
      node = node.nextSibling;
      continue;
    }
    const el = node as Element;
    const name = el.localName;
    if (excluded.has(name)) {
      endRun();
      node = el.nextSibling;
      continue;
    }
    if (skipped.has(name)) {
      node = el.nextSibling;
      continue;
    }
    if (editing.size > 0 && editing.has(el)) {
      endRun();
      node = el.nextSibling;
      continue;
    }
    const isBlock = block.has(name) || name.includes('-') || el.shadowRoot !== null;
    if (isBlock) endRun();
    entered.push(el);
    enteredBlock.push(isBlock);
    node = el.firstChild;
  }
  endRun();
  return { ms: performance.now() - started, runs, chars, nodes };
}

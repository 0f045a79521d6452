/**
 * Which parts of a page ColumnLens reads, and where a run of text ends.
 *
 * Block boundaries are decided from tag names, not from `getComputedStyle`: asking for
 * computed styles forces style recalculation (and often layout) for every element of
 * the page, the most expensive thing a content script can do on a large page. Tag
 * names give the right answer for the text people read; the rare page that styles a
 * `<span>` as a block only loses a cross-element match, it never gains a wrong one.
 */

/** Elements whose text is never read, highlighted or joined with text around them. */
export const EXCLUDED_TAGS: ReadonlySet<string> = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  // A button is a control, not reading text; a mark inside one would take its clicks.
  'button',
  // Code, keys and program output: `import openai` names a package, not the company, and a
  // reader copies it whole. (`pre` alone stays read: plain-text articles and logs use it;
  // a `pre` that says it holds code is excluded by CODE_BLOCK_SELECTORS.)
  'code',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'map',
  'slot',
]);

/** Ruby annotations are skipped but do not split the base text (漢<rt>han</rt>字 reads 漢字). */
export const TRANSPARENT_SKIPPED_TAGS: ReadonlySet<string> = new Set(['rt', 'rp']);

/** Elements that end a run of text: block-level by default in every browser, plus `br`/`hr`. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html',
  'body',
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
  'img',
]);

/**
 * Editing widgets and the extension's own UI, matched by one selector so the common case
 * (an element with none of these) costs a single native call. `contenteditable` with any
 * value but "false" makes a subtree editable; `false` inside an editor is still the editor's.
 */
export const UI_HOST_ATTRIBUTE = 'data-columnlens-ui';
const EDITOR_SELECTORS = [
  '[contenteditable]:not([contenteditable="false" i])',
  '[role="textbox"]',
  '[role="combobox"]',
  '.CodeMirror',
  '.cm-editor',
  '.monaco-editor',
  '.ace_editor',
];
/**
 * Code blocks that say so. A `pre` alone stays read (plain-text articles and logs use it), but
 * one that a site's markup or a syntax highlighter calls code holds a program: `from openai
 * import OpenAI`, `pip install openai`, `nvidia-smi`. Prism and highlight.js (`language-*`,
 * `lang-*`, `hljs`), GitHub's and Pygments' `div.highlight > pre`, SyntaxHighlighter's
 * `brush:`, Google's prettify, Pandoc's `sourceCode`, and a `data-lang` some blogs set.
 */
const CODE_BLOCK_SELECTORS = [
  'pre[class*="language-"]',
  'pre[class*="lang-"]',
  'pre[class*="brush:"]',
  'pre.hljs',
  'pre.prettyprint',
  'pre.sourceCode',
  'pre.highlight',
  '.highlight > pre',
  'pre[data-lang]',
  'pre[data-language]',
];
/** Everything excluded by more than its tag: editing widgets, code blocks that say so, our own UI. */
export const EDITING_SELECTOR = [...EDITOR_SELECTORS, ...CODE_BLOCK_SELECTORS, `[${UI_HOST_ATTRIBUTE}]`].join(',');

/** Form fields and editors: where the reader types (our own UI is not among them). */
const TYPING_SELECTOR = ['input', 'textarea', 'select', ...EDITOR_SELECTORS].join(',');

/**
 * Whether an event from `target` (an element, a text node, or the window when nothing has
 * focus) comes from where the reader types: a form field, an editable region (a
 * `designMode` document's included) or a code editor. Keystrokes and copies there are the
 * reader's, and ColumnLens leaves them to the page and the browser. Our own UI is not a
 * field: the highlight keys go on working from the tooltip's links.
 */
export function isWhereReaderTypes(target: EventTarget | null): boolean {
  const node = target as Node | null;
  const el = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  if (!el) return false;
  if ((el as Partial<HTMLElement>).isContentEditable) return true;
  return el.closest(TYPING_SELECTOR) !== null;
}

/**
 * Every element `classify` calls excluded, as one selector (editing widgets and our UI
 * included), for code that finds them with one native query instead of a walk.
 */
export const ANY_EXCLUDED_SELECTOR = [...EXCLUDED_TAGS, EDITING_SELECTOR].join(',');

/** Ruby annotations as a selector: their text is skipped, yet the text around them joins. */
export const TRANSPARENT_SKIPPED_SELECTOR = [...TRANSPARENT_SKIPPED_TAGS].join(',');

/** Class of our highlight elements; the walker reads through them like any inline element. */
export const MARK_CLASS = 'columnlens-mark';

/**
 * - inline: read through; text on both sides joins.
 * - block: starts and ends a run of text.
 * - excluded: not read; ends a run of text.
 * - skipped: not read; text on both sides joins.
 */
export type Kind = 'inline' | 'block' | 'excluded' | 'skipped';

/**
 * The editing widgets and UI hosts (the selector above) under `root`, shadow trees aside,
 * added to `into`. One query answers for a whole tree what `classify` otherwise asks each
 * element with attributes, and most elements of a real page carry a class: in profiles of
 * reading such a page from a content script, that per-element match was the walk's most
 * expensive line after the node getters themselves.
 */
export function editingElementsIn(root: ParentNode, into = new Set<Element>()): Set<Element> {
  for (const el of root.querySelectorAll(EDITING_SELECTOR)) into.add(el);
  return into;
}

/**
 * Whether a local name is a custom element's (the HTML rule: it holds a hyphen). Such an
 * element may be defined, and attach a shadow tree, after it was read.
 */
export const isCustomElementName = (name: string): boolean => name.includes('-');

/**
 * How the walker treats an element (`name`: its local name, when the caller has read it
 * already; `editing`: `editingElementsIn` of its tree, when the caller has it and the page
 * has not changed since).
 */
export function classify(el: Element, name = el.localName, editing?: ReadonlySet<Element>): Kind {
  if (EXCLUDED_TAGS.has(name)) return 'excluded';
  if (TRANSPARENT_SKIPPED_TAGS.has(name)) return 'skipped';
  // Attributes before blocks: an editable <div> must be excluded, not entered.
  // hasAttributes(), not attributes.length: the latter builds an attribute map object per element.
  // A bare `pre` is asked too: its parent may say it is code (`div.highlight > pre`).
  if (
    editing
      ? editing.size > 0 && editing.has(el)
      : (el.hasAttributes() || name === 'pre') && el.matches(EDITING_SELECTOR)
  )
    return 'excluded';
  if (BLOCK_TAGS.has(name)) return 'block';
  // Custom elements are usually styled as blocks (cards, list items); joining text across
  // two of them could invent a match, missing one inside a single custom element cannot.
  if (isCustomElementName(name)) return 'block';
  // An element with its own shadow tree renders that tree, not a continuation of our run.
  if (el.shadowRoot) return 'block';
  return 'inline';
}

/**
 * Whether the page shows `element`: rendered (not `display: none`, a closed `<details>`,
 * `hidden="until-found"`) and not `visibility: hidden`. Where the DOM cannot tell (jsdom has no
 * `checkVisibility`), it counts as shown.
 */
export function isShown(element: Element): boolean {
  return element.checkVisibility?.({ visibilityProperty: true }) ?? true;
}

/** One step up the page's tree as the walk sees it: a shadow root's host, or any other node's parent. */
export function composedParent(node: Node): Node | null {
  return node.nodeType === 11 ? (node as ShadowRoot).host : node.parentNode;
}

/** Whether `node` or one of its ancestors, across shadow hosts, is in `nodes`. */
export function isWithinAny(node: Node, nodes: ReadonlySet<Node>): boolean {
  for (let up: Node | null = node; up; up = composedParent(up)) if (nodes.has(up)) return true;
  return false;
}

/** Whether `node` sits inside an excluded element (checked up to the root, across shadow hosts). */
export function isInExcludedSubtree(node: Node): boolean {
  for (let cur: Node | null = node; cur;) {
    if (cur.nodeType === 1) {
      const kind = classify(cur as Element);
      if (kind === 'excluded' || kind === 'skipped') return true;
    }
    cur = composedParent(cur);
  }
  return false;
}

/**
 * `isInExcludedSubtree` for many nodes of one state of the page, each parent's answer looked
 * up once: rows a page appends share their parent, whose ancestors would be matched again
 * for each row. Valid until the page changes.
 */
export function excludedLookup(): (node: Node) => boolean {
  const known = new Map<Node, boolean>();
  return (node) => {
    if (node.nodeType === 1) {
      const kind = classify(node as Element);
      if (kind === 'excluded' || kind === 'skipped') return true;
    }
    const parent = composedParent(node);
    if (!parent) return false;
    let answer = known.get(parent);
    if (answer === undefined) known.set(parent, (answer = isInExcludedSubtree(parent)));
    return answer;
  };
}

/**
 * The container whose runs of text include `node`: the nearest block-level ancestor (or the
 * node itself when it is one), else its shadow root or document. Null inside an excluded element.
 */
export function containerOf(node: Node): Node | null {
  for (let cur: Node | null = node; cur; cur = cur.parentNode) {
    const type = cur.nodeType;
    if (type === 11 || type === 9) return cur;
    if (type !== 1) continue;
    const kind = classify(cur as Element);
    if (kind === 'block') return cur;
    if (kind !== 'inline') return null;
  }
  return null;
}

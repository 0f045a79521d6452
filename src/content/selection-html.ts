/**
 * The HTML of a selected range, with ColumnLens's own elements left out: a mark gives back its
 * text in place, our UI (the tooltip's host) is dropped. For what the reader copies, so that a
 * quote pasted into a mail or a document carries the page's text and structure, not our
 * highlights.
 *
 * Written from the page's nodes as they are, without cloning any: a clone of a page's custom
 * element would run the page's own constructor. Links and images are made absolute, so they
 * still lead somewhere where the HTML is pasted.
 */
import { BLOCK_TAGS, UI_HOST_ATTRIBUTE } from './dom-rules';
import { MARK_SELECTOR } from './engine';

/** Elements with no end tag. */
const VOID_TAGS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Code, data and the document's head: nothing that means anything where a copy is pasted. */
const LEFT_OUT_TAGS: ReadonlySet<string> = new Set(['head', 'script', 'style', 'template', 'noscript']);

/** Attributes holding a URL, made absolute against the page's base. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src']);

const escapeText = (text: string) =>
  text.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
const escapeAttribute = (value: string) =>
  value.replace(/[&"\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&nbsp;'));

const isMark = (el: Element) => el.matches(MARK_SELECTOR);

/**
 * An element the page does not display (`display: none`, the `hidden` attribute): a closed
 * menu, share buttons, an "Advertisement" label. The browser's own copy leaves such elements
 * out of its HTML, and so must ours, or a quote pastes text the reader never saw.
 */
const isUndisplayed = (el: Element) => el.ownerDocument.defaultView?.getComputedStyle(el).display === 'none';
const isOurUi = (el: Element) => el.hasAttribute(UI_HOST_ATTRIBUTE);

/** Whether the range holds (or lies inside) a mark of ours. */
export function rangeHoldsHighlights(range: Range): boolean {
  if (range.collapsed) return false;
  const common = range.commonAncestorContainer;
  // An element, the document (a select-all may span it) or a shadow root; else the text's parent.
  const holder = [1, 9, 11].includes(common.nodeType) ? common : common.parentNode;
  if (!holder) return false;
  if (holder.nodeType === 1 && (holder as Element).closest(MARK_SELECTOR)) return true;
  for (const mark of (holder as ParentNode).querySelectorAll(MARK_SELECTOR)) {
    if (range.intersectsNode(mark)) return true;
  }
  return false;
}

function startTag(el: Element): string {
  let tag = `<${el.localName}`;
  for (const { name, value } of el.attributes) {
    // Event handlers are the page's code, not its content.
    if (name.startsWith('on')) continue;
    let written = value;
    if (URL_ATTRIBUTES.has(name)) {
      try {
        written = new URL(value, el.baseURI).href;
      } catch {
        // Not a URL: kept as written.
      }
    }
    tag += ` ${name}="${escapeAttribute(written)}"`;
  }
  return `${tag}>`;
}

/**
 * The range's contents as HTML, as `Range.cloneContents` would give them (elements partly
 * selected kept around their selected part), plus the inline elements around the selection
 * up to its block, so that a selection inside a link or a bold phrase keeps them.
 */
export function rangeHtml(range: Range): string {
  const out: string[] = [];
  const { startContainer, startOffset, endContainer, endOffset } = range;

  const text = (node: Text) => {
    const from = node === startContainer ? startOffset : 0;
    const to = node === endContainer ? endOffset : node.data.length;
    if (to > from) out.push(escapeText(node.data.slice(from, to)));
  };
  // `whole`: the node lies entirely inside the range, and so does everything below it.
  const visit = (node: Node, whole: boolean): void => {
    if (node.nodeType === 3) {
      if (whole || range.intersectsNode(node)) text(node as Text);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (!whole && !range.intersectsNode(el)) return;
    const name = el.localName;
    if (LEFT_OUT_TAGS.has(name) || isOurUi(el) || isUndisplayed(el)) return;
    const inside = whole || (!el.contains(startContainer) && !el.contains(endContainer));
    if (isMark(el)) {
      for (let child = el.firstChild; child; child = child.nextSibling) visit(child, inside);
      return;
    }
    out.push(startTag(el));
    if (VOID_TAGS.has(name)) return;
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child, inside);
    out.push(`</${name}>`);
  };

  const common = range.commonAncestorContainer;
  if (common.nodeType === 3) text(common as Text);
  else for (let child = common.firstChild; child; child = child.nextSibling) visit(child, false);

  // The inline elements the whole selection sits in (a link, an emphasis), up to its block.
  let around = common.nodeType === 1 ? (common as Element) : common.parentElement;
  let html = out.join('');
  for (; around && !BLOCK_TAGS.has(around.localName); around = around.parentElement) {
    if (isMark(around)) continue;
    if (isOurUi(around) || LEFT_OUT_TAGS.has(around.localName)) return '';
    html = `${startTag(around)}${html}</${around.localName}>`;
  }
  return html;
}

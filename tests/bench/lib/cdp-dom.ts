/**
 * Reads a page's DOM through the DevTools protocol, never through the page's JavaScript.
 * Hostile pages replace or freeze DOM methods in their own world; a test that read the page
 * with `page.evaluate` would see the sabotage, not the page. The DOM domain is native.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ScanningMatcher } from './sweep-checks';

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
}

/** One highlight as drawn: its entry id and its text (pieces of one match joined). */
export interface DrawnHighlight {
  id: string;
  text: string;
}

export interface DomView {
  highlights: DrawnHighlight[];
  /** Mark elements (pieces), which can be more than highlights. */
  marks: number;
  bodyHTML: string;
  bodyText: string;
}

const attr = (node: CdpNode, name: string) => {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
};

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** Opens a DevTools session on `page` (Chromium only). */
export function cdpSession(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** The body's highlights, markup and text, read natively. */
export async function readDom(cdp: CDPSession): Promise<DomView> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: CdpNode };
  const marks: CdpNode[] = [];
  let body: CdpNode | undefined;
  const visit = (node: CdpNode) => {
    if (node.localName === 'body') body ??= node;
    if (node.localName === 'mark' && attr(node, 'data-glossary-id') !== undefined) marks.push(node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  if (!body) throw new Error('The page has no body');
  const highlights: DrawnHighlight[] = [];
  for (const mark of marks) {
    const id = attr(mark, 'data-glossary-id') ?? '';
    const last = highlights[highlights.length - 1];
    // Later pieces of a match spanning elements carry the same id and no start marker.
    if (last && last.id === id && attr(mark, 'data-columnlens-start') === undefined) last.text += textOf(mark);
    else highlights.push({ id, text: textOf(mark) });
  }
  const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: body.nodeId })) as { outerHTML: string };
  return { highlights, marks: marks.length, bodyHTML: outerHTML, bodyText: textOf(body) };
}

/**
 * What the extension should highlight in a hand-written fixture, computed in Node with the
 * extension's own matcher instead of hard-coded: the text of each element named in `blocks`
 * (elements holding only inline content, read whole as the highlighter reads them).
 */
export async function expectedInBlocks(
  cdp: CDPSession,
  blocks: readonly string[],
  matcher: ScanningMatcher,
): Promise<DrawnHighlight[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: CdpNode };
  const found: DrawnHighlight[] = [];
  const visit = (node: CdpNode) => {
    if (node.localName && blocks.includes(node.localName)) {
      const text = textOf(node);
      for (const m of matcher.scan(text))
        found.push({ id: matcher.entryIds[m.entry] ?? '?', text: text.slice(m.start, m.end) });
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return found;
}

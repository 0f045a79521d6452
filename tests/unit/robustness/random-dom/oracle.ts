/**
 * What the highlights on a page should be, worked out independently of src/content: the
 * page's runs of text by a plain recursive walk (for the tags page-spec.ts generates), each
 * run scanned by the matcher. And the checks that compare a highlighted page with that.
 */
import { expect } from 'vitest';
import { fold, type Matcher } from '../../../../src/matcher';
import type { RuntimeEntry } from '../../../../src/glossary-store/runtime-entry';

const EXCLUDED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'button',
  'code',
  'select',
  'option',
  'svg',
]);
const SKIPPED_TAGS = new Set(['rt', 'rp']);
const BLOCK_TAGS = new Set([
  'body',
  'main',
  'div',
  'p',
  'li',
  'ul',
  'section',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'td',
  'tr',
  'table',
  'br',
]);

type Kind = 'inline' | 'block' | 'excluded' | 'skipped';

/** How a reader of the page's text should treat an element. */
export function kindOf(el: Element): Kind {
  const name = el.localName;
  if (EXCLUDED_TAGS.has(name)) return 'excluded';
  if (SKIPPED_TAGS.has(name)) return 'skipped';
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return 'excluded';
  if (el.getAttribute('role') === 'textbox' || el.classList.contains('cm-editor')) return 'excluded';
  return BLOCK_TAGS.has(name) ? 'block' : 'inline';
}

/** Whether `node` is inside (or is) an element whose text is never highlighted. */
export function insideExcluded(node: Node): boolean {
  for (let cur: Node | null = node; cur; cur = cur.parentNode) {
    if (cur.nodeType === 1 && kindOf(cur as Element) !== 'inline' && kindOf(cur as Element) !== 'block') return true;
  }
  return false;
}

const LATIN = /[0-9A-Za-z\u00C0-\u024F]/;

/**
 * The non-empty text nodes of each run under `root`, runs in document order. `afterLinkEdge`
 * receives the text nodes that start a Latin word right after another across a link's edge
 * (`<a>learning</a><a>OpenAI</a>`): the reader keeps such words apart.
 */
export function runsOf(root: Element, afterLinkEdge = new Set<Text>()): Text[][] {
  const runs: Text[][] = [];
  let current: Text[] = [];
  let crossedLink = false;
  const end = () => {
    if (current.length > 0) runs.push(current);
    current = [];
    crossedLink = false;
  };
  const visit = (parent: Node) => {
    for (const child of parent.childNodes) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (data.length === 0) continue;
        const previous = current[current.length - 1]?.data;
        if (crossedLink && previous && LATIN.test(previous[previous.length - 1]!) && LATIN.test(data[0]!))
          afterLinkEdge.add(child as Text);
        crossedLink = false;
        current.push(child as Text);
      } else if (child.nodeType === 1) {
        const kind = kindOf(child as Element);
        if (kind === 'skipped') continue;
        if (kind !== 'inline') end();
        if (kind === 'excluded') continue;
        const link = (child as Element).localName === 'a';
        if (link) crossedLink = true;
        visit(child);
        if (link) crossedLink = true;
        if (kind === 'block') end();
      }
    }
  };
  visit(root);
  end();
  return runs;
}

export interface Occurrence {
  run: number;
  id: string;
  text: string;
}

/** Every match in the page, by run, in document order; and how to tell which run a text node is in. */
export function expectedOccurrences(root: Element, matcher: Matcher) {
  const afterLinkEdge = new Set<Text>();
  const runs = runsOf(root, afterLinkEdge);
  const runOf = new Map<Text, number>();
  const all: (Occurrence & { entry: number; generic: boolean })[] = [];
  runs.forEach((nodes, run) => {
    for (const node of nodes) runOf.set(node, run);
    // A character no name contains stands between words a link's edge keeps apart.
    const text = nodes.map((n) => (afterLinkEdge.has(n) ? '\u0000' : '') + n.data).join('');
    for (const m of matcher.scan(text)) {
      const id = matcher.entryIds[m.entry]!;
      all.push({ run, id, entry: m.entry, text: text.slice(m.start, m.end), generic: m.generic === true });
    }
  });
  return { all, runOf, runs };
}

/** The page's highlights grouped into occurrences (a start piece and the pieces after it). */
export function actualOccurrences(root: Element, runOf: ReadonlyMap<Text, number>): Occurrence[] {
  const out: (Occurrence & { last: number })[] = [];
  for (const mark of root.querySelectorAll('mark.columnlens-mark')) {
    // A mark holds exactly one text node of its own: it never wraps page elements.
    expect(mark.childNodes.length).toBe(1);
    const text = mark.firstChild as Text;
    expect(text.nodeType).toBe(3);
    const run = runOf.get(text);
    expect(run, `mark "${text.data}" is not in any run of readable text`).toBeDefined();
    const id = mark.getAttribute('data-glossary-id')!;
    const current = out.at(-1);
    if (mark.hasAttribute('data-columnlens-start') || !current) {
      out.push({ run: run!, id, text: text.data, last: run! });
      continue;
    }
    // The pieces of one occurrence: same entry, same run (no block boundary between them).
    expect(id).toBe(current.id);
    expect(run, `occurrence "${current.text}…" crosses a block boundary`).toBe(current.run);
    current.text += text.data;
  }
  return out.map(({ run, id, text }) => ({ run, id, text }));
}

const IGNORABLE = /\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g;

/** Text as the matcher compares it: ignorable characters dropped, whitespace runs as one space. */
/**
 * A run of HTML whitespace holding a line break between two characters of scripts written
 * without spaces: read as nothing ("大型語言⏎模型" is one word), as CSS removes such a break.
 */
const WIDE = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Bopomofo}]';
const SEGMENT_BREAK = new RegExp(`(?<=${WIDE})[ \\t\\f]*[\\r\\n][ \\t\\f\\r\\n]*(?=${WIDE})`, 'gu');
/** HTML whitespace between Chinese and a Latin letter or digit, which is read as nothing too ("AI 晶片" is "AI晶片"). */
const LATIN_UNIT =
  '[0-9A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a]';
const SCRIPT_CHANGE_SPACE = new RegExp(
  `(?<=${WIDE})[ \\t\\f\\r\\n]+(?=${LATIN_UNIT})|(?<=${LATIN_UNIT})[ \\t\\f\\r\\n]+(?=${WIDE})`,
  'gu',
);

function squeeze(text: string): string {
  return text
    .replace(IGNORABLE, '')
    .replace(SEGMENT_BREAK, '')
    .replace(SCRIPT_CHANGE_SPACE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Case signature per character: U upper, l lower, - caseless. */
function caseShape(text: string): string {
  return [...text].map((c) => (c !== c.toLowerCase() ? 'U' : c !== c.toUpperCase() ? 'l' : '-')).join('');
}

/**
 * Whether `text` folds to one of the entry's names: exactly, or with the English plural "s"
 * after a case-insensitive name ending in a Latin letter or digit (see src/matcher/index.ts).
 * A case-sensitive name also needs the same letter case.
 */
export function spellsNameOf(entry: RuntimeEntry, text: string): boolean {
  const seen = squeeze(text);
  const key = fold(seen);
  const names = [entry.term, ...entry.aliases].map((a) => (typeof a === 'string' ? { text: a } : a));
  return names.some((name) => {
    const nameText = squeeze(name.text);
    const nameKey = fold(nameText);
    const caseSensitive = name.caseSensitive ?? entry.caseSensitive ?? false;
    if (caseSensitive) return key === nameKey && caseShape(seen) === caseShape(nameText);
    return key === nameKey || (/[a-z0-9]$/.test(nameKey) && key === `${nameKey}s`);
  });
}

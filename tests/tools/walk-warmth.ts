/**
 * Why a first walk handed every element costs a content script more than the floor, and
 * whether warming up would help: four walks, each the first script in a fresh isolated world
 * on a load of its own, highlights and extension absent. The floor (text nodes only); the walk
 * classifying every element (classifying-walk.ts), cold; the same walk twice, timing the
 * second; and the walk after a warm-up walk over a detached tree the world builds itself
 * (`--paragraphs n`, default 100, each a `div` or `p` with text, a link and a span), timing
 * the walk and the whole (building, warm-up and walk). Medians of `--runs` loads (default 7).
 * `npx tsx tests/tools/walk-warmth.ts <corpus page | generated | small> [--runs n] [--paragraphs n]`.
 */
import { classifyingWalk, readingRules, type ReadingRules } from '../bench/lib/classifying-walk';
import { evaluateOnNewLoad, walkSource } from '../bench/lib/measure-load';
import { median } from '../bench/lib/task-stats';
import { launchWithoutExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';
import { option, pageName, pageUrl } from './lib/tool-page';

const runs = option('--runs', 7);
const paragraphs = option('--paragraphs', 100);
const SETTLE_MS = 800;

/** A detached tree of `count` small paragraphs, built in the page's world. Self-contained. */
function detachedTree(count: number): Element {
  const tree = document.createElement('div');
  for (let i = 0; i < count; i++) {
    const paragraph = document.createElement(i % 3 === 0 ? 'div' : 'p');
    const link = document.createElement('a');
    link.textContent = 'link';
    const span = document.createElement('span');
    span.textContent = 'x';
    paragraph.append(`some text ${i}`, link, ' more ', span);
    tree.append(paragraph);
  }
  return tree;
}

/** The two walks and the warm-up as one expression; `tag` makes each evaluation's source unique. */
function expression(kind: Kind, rules: ReadingRules, tag: string): string {
  const walk = `(${classifyingWalk.toString()})`;
  const body = {
    cold: `return { walkMs: ${walk}(rules).ms };`,
    twice: `${walk}(rules); return { walkMs: ${walk}(rules).ms };`,
    'warm-up': `const started = performance.now();
      ${walk}(rules, (${detachedTree.toString()})(${paragraphs}));
      const walkMs = ${walk}(rules).ms;
      return { walkMs, totalMs: performance.now() - started };`,
  }[kind];
  return `(() => { /* ${tag} */ const __name = (f) => f; const rules = ${JSON.stringify(rules)}; ${body} })()`;
}

type Kind = 'cold' | 'twice' | 'warm-up';
const rules = readingRules();
const rows: [string, (tag: string) => string][] = [
  ['floor (text nodes only)', (tag) => `(() => { const r = ${walkSource(tag)}; return { walkMs: r.ms }; })()`],
  ['classifying walk, cold', (tag) => expression('cold', rules, tag)],
  ['classifying walk, second in the world', (tag) => expression('twice', rules, tag)],
  [`classifying walk after a warm-up (${paragraphs} paragraphs)`, (tag) => expression('warm-up', rules, tag)],
];

const server = await startServer();
const url = pageUrl(server, pageName('postlight/www.reddit.com--image.html'));
const browser = await launchWithoutExtension();
const results = new Map<string, { walkMs: number; totalMs?: number }[]>(rows.map(([name]) => [name, []]));
try {
  // Interleaved, so a slow minute of the machine falls on every row alike.
  for (let run = 0; run < runs; run++)
    for (const [name, source] of rows) {
      const value = await evaluateOnNewLoad(
        browser.context,
        url,
        SETTLE_MS,
        source(`${name} ${run} ${Date.now()}`),
        `warmth-${run}`,
      );
      results.get(name)!.push(value as { walkMs: number; totalMs?: number });
    }
  const fmt = (v: number | undefined) => (v === undefined ? '–' : `${v.toFixed(1)} ms`);
  console.log(`${url}, medians of ${runs} loads, each walk the first script of a fresh isolated world:`);
  console.log('| walk | the walk of the page | with what came before it in the world |');
  console.log('| --- | --- | --- |');
  for (const [name, list] of results) {
    const totals = list.flatMap((r) => (r.totalMs === undefined ? [] : [r.totalMs]));
    console.log(`| ${name} | ${fmt(median(list.map((r) => r.walkMs)))} | ${fmt(median(totals))} |`);
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * The frame after drawing, marks against painted ranges, in isolation: `npx tsx
 * tests/bench/engine-frames.ts <corpus page> <word> [count…]`. Prints a Markdown table; not a test.
 *
 * In headless Chromium without the extension, on the page served with scripts stripped: the
 * first `count` occurrences of `word` are wrapped in `<mark>`s (as the DOM engine does), or
 * registered as `StaticRange`s in one `Highlight` (as the highlight engine does), and the time
 * until the next frame has been produced is measured, along with a frame with no change at
 * all. Each cell is a fresh page load. This is where the thresholds in
 * src/content/engine-choice.ts come from.
 */
import { launchWithoutExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';
import { pageExpression } from './lib/in-page';
import { fmtMs, fmtN, machineLine, table } from './lib/report';

const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
type Kind = 'nothing' | 'marks' | 'highlights';

/** Runs in the page: draws `count` occurrences of `word` the `kind` way, returns the page's size and the frame's time. */
async function drawAndTime([kind, count, word]: [Kind, number, string]) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  await frame();
  await frame();
  const hits: [Text, number][] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    if (t.parentElement?.closest('script, style, noscript, title, textarea')) continue;
    for (let i = t.data.indexOf(word); i >= 0 && hits.length < count; i = t.data.indexOf(word, i + word.length))
      hits.push([t, i]);
  }
  const elements = document.getElementsByTagName('*').length;
  const started = performance.now();
  if (kind === 'nothing') document.body.style.outlineColor = 'transparent';
  else if (kind === 'marks') {
    // Last first, so earlier offsets in the same text node stay valid.
    for (const [text, at] of [...hits].reverse()) {
      const inner = text.splitText(at);
      inner.splitText(word.length);
      const mark = document.createElement('mark');
      inner.replaceWith(mark);
      mark.append(inner);
    }
  } else {
    const highlight = new Highlight();
    for (const [text, at] of hits) {
      highlight.add(
        new StaticRange({ startContainer: text, startOffset: at, endContainer: text, endOffset: at + word.length }),
      );
    }
    CSS.highlights.set('bench', highlight);
  }
  await frame();
  return { elements, drawn: hits.length, ms: performance.now() - started };
}

async function main(): Promise<void> {
  const [path, word, ...counts] = process.argv.slice(2);
  if (!path || !word) throw new Error('Usage: npx tsx tests/bench/engine-frames.ts <corpus page> <word> [count…]');
  const sizes = counts.length ? counts.map(Number) : [20, 200];
  const [plain, server] = await Promise.all([launchWithoutExtension({ args: OFFLINE }), startServer()]);
  const rows: string[][] = [];
  try {
    const cells: [Kind, number][] = [
      ['nothing', 0],
      ...sizes.flatMap(
        (n) =>
          [
            ['marks', n],
            ['highlights', n],
          ] as [Kind, number][],
      ),
    ];
    for (const [kind, count] of cells) {
      const page = await plain.context.newPage();
      await page.goto(`${server.origin}/corpus/${path}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
      await page.waitForTimeout(3_000); // The page's own first layout is done.
      // As an expression: tsx names inner functions with a helper the page does not have (lib/in-page.ts).
      const r = (await page.evaluate(
        pageExpression(drawAndTime, [kind, count, word] as [Kind, number, string]),
      )) as Awaited<ReturnType<typeof drawAndTime>>;
      rows.push([path, fmtN(r.elements), kind, fmtN(r.drawn), fmtMs(r.ms)]);
      await page.close();
    }
  } finally {
    await Promise.all([plain.close(), server.close()]);
  }
  console.log(`\n${machineLine()}\n`);
  console.log(table(['page', 'elements', 'drawn as', 'occurrences', 'until the next frame'], rows));
}

await main();

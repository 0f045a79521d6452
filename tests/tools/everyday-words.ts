/**
 * Which pages of a corpus name the column only through everyday words (the pack's `generic`
 * aliases: chips, talent, 人才…), which ColumnLens then leaves plain (src/content/topic-gate.ts):
 * `npx tsx tests/tools/everyday-words.ts [corpus dir]`. For choosing which names are everyday
 * words: prints, per such page, its everyday words, and the totals with and without the gate.
 *
 * Approximate and quick: Node only, no browser. A page's text is its HTML with scripts, styles
 * and tags stripped, cut at block-level tags; the sweep (`npm run sweep`) checks the real thing.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listPages } from '../bench/lib/corpus';
import { bundledMatcher } from '../bench/lib/glossary';
import { CORPUS_DIR } from '../e2e/harness/server';

const BLOCK = /<(?:p|div|li|h[1-6]|td|th|br|tr|section|article|header|footer|nav|dd|dt|blockquote|pre)\b[^>]*>/i;
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function blocksOf(html: string): string[] {
  const body = html
    .replace(/<(script|style|noscript|svg|template|textarea)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
  return body.split(BLOCK).map((block) =>
    block.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }),
  );
}

const dir = resolve(process.argv[2] ?? CORPUS_DIR);
const matcher = bundledMatcher();
const pages = listPages(dir);
let named = 0;
let shown = 0;
let names = 0;
let namesShown = 0;
const plain: string[] = [];
for (const path of pages) {
  let all = 0;
  let other = 0;
  const everyday = new Set<string>();
  for (const text of blocksOf(readFileSync(join(dir, path), 'utf8'))) {
    for (const m of matcher.scan(text)) {
      all++;
      if (m.generic) everyday.add(text.slice(m.start, m.end).replace(/\s+/g, ' '));
      else other++;
    }
  }
  if (all === 0) continue;
  named++;
  names += all;
  if (other > 0) {
    shown++;
    namesShown += all;
  } else plain.push(`  ${path}  ${all} × ${[...everyday].join(', ')}`);
}
console.log(`${pages.length} pages in ${dir}`);
console.log(`pages naming the glossary: ${named}; of them shown (a name that is not an everyday word): ${shown}`);
console.log(`names found: ${names}; shown: ${namesShown}`);
console.log(`pages left plain, their everyday words:\n${plain.join('\n')}`);

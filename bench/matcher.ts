/**
 * Matcher benchmark: scanning speed over the text of the shared corpus with the bundled pack and
 * with 1,000 and 10,000 aliases, beside one combined RegExp of the same aliases (what a typical
 * highlighter extension does); plus build, serialise and load times.
 *
 *   npm run bench:matcher [-- <corpus dir>]     (default: ../shared/corpus from the project root)
 *
 * Figures are medians of several timed passes after a warm-up pass, in CPU time of this process
 * (process.cpuUsage), so other work on a shared machine disturbs them less than wall time would.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { packSchema } from '../src/glossary/schema';
import { compileMatcher, loadMatcher, type Matcher, type MatcherEntry } from '../src/matcher/index';
import { readCorpus } from './corpus-text';
import { syntheticAliases } from './synthetic-aliases';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = resolve(process.argv[2] ?? join(root, '../shared/corpus'));
const PASSES = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median CPU milliseconds of `fn` over `passes` runs, after one warm-up run (JIT, lazy tables). */
function time(fn: () => void, passes = PASSES): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < passes; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
}

const aliasTexts = (entries: readonly MatcherEntry[]) =>
  entries.flatMap((e) => [e.term, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))]);

function combinedRegExp(aliases: readonly string[]): RegExp {
  const escaped = [...new Set(aliases)]
    .sort((a, b) => b.length - a.length) // longest first, so the alternation prefers longer names
    .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'gi');
}

const texts = readCorpus(corpusDir).map((p) => p.text);
const totalChars = texts.reduce((n, t) => n + t.length, 0);
const pack = packSchema.parse(JSON.parse(readFileSync(join(root, 'glossary/ai-rush-china.json'), 'utf8')));
const bundled: MatcherEntry[] = pack.entries;
const bundledAliases = aliasTexts(bundled).length;

function withSynthetic(total: number): MatcherEntry[] {
  const extra = syntheticAliases(texts, Math.max(0, total - bundledAliases), 20251129);
  return [...bundled, ...extra.map((text, i) => ({ id: `synthetic-${i}`, term: text, aliases: [] }))];
}

interface Row {
  name: string;
  aliases: number;
  build: number;
  matcherRate: number;
  matches: number;
  regexBuild: number;
  regexRate: number;
  regexMatches: number;
  serialized: number;
  serialize: number;
  load: number;
  scanTime: number;
}

function measure(name: string, entries: MatcherEntry[]): Row {
  const aliases = aliasTexts(entries);
  const build = time(() => compileMatcher(entries), entries.length > 2000 ? 5 : 9);
  const matcher: Matcher = compileMatcher(entries);
  let matches = 0;
  const scanTime = time(() => {
    matches = 0;
    for (const t of texts) matches += matcher.scan(t).length;
  });
  let re = combinedRegExp(aliases);
  const regexBuild = time(() => {
    re = combinedRegExp(aliases);
    re.test(''); // V8 compiles lazily; force it
  });
  let regexMatches = 0;
  const regexTime = time(() => {
    regexMatches = 0;
    for (const t of texts) {
      re.lastIndex = 0;
      while (re.exec(t) !== null) regexMatches++;
    }
  }, 3);
  let json = '';
  const serialize = time(() => {
    json = JSON.stringify(matcher.serialize());
  });
  const load = time(() => loadMatcher(JSON.parse(json)));
  return {
    name,
    aliases: aliases.length,
    build,
    matcherRate: totalChars / scanTime / 1000,
    matches,
    regexBuild,
    regexRate: totalChars / regexTime / 1000,
    regexMatches,
    serialized: json.length,
    serialize,
    load,
    scanTime,
  };
}

console.log(`corpus: ${corpusDir}: ${texts.length} pages, ${(totalChars / 1e6).toFixed(2)} M characters of text`);
console.log(`node ${process.version}; CPU time, medians of ${PASSES} passes (RegExp scan: 3) after a warm-up\n`);

const rows = [
  measure('bundled pack', bundled),
  measure('1,000 aliases', withSynthetic(1_000)),
  measure('10,000 aliases', withSynthetic(10_000)),
];

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
console.log(
  'glossary        aliases  build ms  scan M ch/s  matches  | RegExp build ms  M ch/s  matches  | speed-up | cache kB  serialize ms  load ms',
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(15)} ${String(r.aliases).padStart(7)} ${fmt(r.build, 2)} ${fmt(r.matcherRate)}   ${String(r.matches).padStart(7)}  | ${fmt(r.regexBuild, 2)}      ${fmt(r.regexRate)} ${String(r.regexMatches).padStart(7)}  | ${fmt(r.matcherRate / r.regexRate)}x | ${fmt(r.serialized / 1024)} ${fmt(r.serialize, 2)}    ${fmt(r.load, 2)}`,
  );
}

const [small, , large] = rows as [Row, Row, Row];
const verdict = (ok: boolean) => (ok ? 'met   ' : 'MISSED');
console.log('\ntargets');
console.log(
  `  ${verdict(small.matcherRate >= 30)} ≥ 30 M chars/s with the bundled pack: ${small.matcherRate.toFixed(1)}`,
);
for (const r of rows) {
  console.log(
    `  ${verdict(r.matcherRate > r.regexRate)} faster than the RegExp (${r.name}): ${(r.matcherRate / r.regexRate).toFixed(1)}x`,
  );
}
const ratio = large.scanTime / small.scanTime;
console.log(
  `  ${verdict(ratio <= 1.5)} 10,000 aliases within 1.5x of the bundled pack's scan time: ${ratio.toFixed(2)}x`,
);
console.log(`  ${verdict(large.build < 100)} build for 10,000 aliases < 100 ms: ${large.build.toFixed(1)} ms`);

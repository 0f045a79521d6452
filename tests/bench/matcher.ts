/**
 * Matcher benchmark: scanning speed over the text of the shared corpus with the bundled pack and
 * with 1,000 and 10,000 aliases, beside one combined RegExp of the same aliases (what a typical
 * highlighter extension does); plus build, serialise and load times.
 *
 *   npm run bench:matcher [-- <corpus dir>]     (default: ../shared/corpus from the project root)
 *
 * Timing is CPU time of this process (process.cpuUsage), and the glossary sizes are measured in
 * interleaved rounds, best round kept: on a shared machine, other work slows whole stretches of
 * time, and interleaving lets every size see the same conditions. Medians are printed beside.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { packSchema } from '../../src/glossary/schema';
import {
  buildFoldTableOnFirstUse,
  compileMatcher,
  loadMatcher,
  type Matcher,
  type MatcherEntry,
} from '../../src/matcher/index';
import { readCorpus } from './corpus-text';
import { syntheticAliases } from './synthetic-aliases';

// Node folds (the pack schema counts name lengths) before it compiles: it builds its own fold table.
buildFoldTableOnFirstUse();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = resolve(process.argv[2] ?? join(root, '../shared/corpus'));
const ROUNDS = 9;

/** CPU milliseconds of one call. */
function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

class Timing {
  readonly samples: number[] = [];
  add(ms: number): void {
    this.samples.push(ms);
  }
  get best(): number {
    return Math.min(...this.samples);
  }
  get median(): number {
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  }
}

const aliasTexts = (entries: readonly MatcherEntry[]) =>
  entries.flatMap((e) => [e.term, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))]);

/** The usual extension approach: every name escaped, longest first, one alternation, 'gi'. */
function combinedRegExp(aliases: readonly string[]): RegExp {
  const escaped = [...new Set(aliases)]
    .sort((a, b) => b.length - a.length)
    .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(escaped.join('|'), 'gi');
  re.test(''); // V8 compiles lazily; include that in the build time
  return re;
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

interface Subject {
  name: string;
  entries: MatcherEntry[];
  aliases: string[];
  matcher: Matcher;
  regexp: RegExp;
  build: Timing;
  regexBuild: Timing;
  scan: Timing;
  regexScan: Timing;
  serialize: Timing;
  load: Timing;
  json: string;
  matches: number;
  regexMatches: number;
}

function subject(name: string, entries: MatcherEntry[]): Subject {
  const aliases = aliasTexts(entries);
  const matcher = compileMatcher(entries);
  const json = JSON.stringify(matcher.serialize());
  const timings = { build: new Timing(), regexBuild: new Timing(), scan: new Timing(), regexScan: new Timing() };
  const rest = { serialize: new Timing(), load: new Timing(), matches: 0, regexMatches: 0 };
  return { name, entries, aliases, matcher, regexp: combinedRegExp(aliases), json, ...timings, ...rest };
}

function scanAll(s: Subject): void {
  s.matches = 0;
  for (const t of texts) s.matches += s.matcher.scan(t).length;
}

function regexAll(s: Subject): void {
  s.regexMatches = 0;
  for (const t of texts) {
    s.regexp.lastIndex = 0;
    while (s.regexp.exec(t) !== null) s.regexMatches++;
  }
}

console.log(`corpus: ${corpusDir}: ${texts.length} pages, ${(totalChars / 1e6).toFixed(2)} M characters of text`);
const subjects = [
  subject('bundled pack', bundled),
  subject('1,000 aliases', withSynthetic(1_000)),
  subject('10,000 aliases', withSynthetic(10_000)),
];
for (const s of subjects) scanAll(s); // warm-up: JIT and lazy tables

for (let round = 0; round < ROUNDS; round++) {
  for (const s of subjects) {
    s.scan.add(cpuMs(() => scanAll(s)));
    s.build.add(cpuMs(() => compileMatcher(s.entries)));
    s.serialize.add(cpuMs(() => JSON.stringify(s.matcher.serialize())));
    s.load.add(cpuMs(() => loadMatcher(JSON.parse(s.json))));
    s.regexBuild.add(cpuMs(() => combinedRegExp(s.aliases)));
    // The 10,000-name RegExp needs ~30 s a pass: three passes are plenty to rank it.
    if (round < 3 || s.aliases.length < 5_000) s.regexScan.add(cpuMs(() => regexAll(s)));
  }
}

const rate = (ms: number) => totalChars / ms / 1000; // M chars/s
const col = (v: string, w: number) => v.padStart(w);
const f1 = (n: number) => n.toFixed(1);
console.log(
  `node ${process.version}; CPU time, best of ${ROUNDS} interleaved rounds (median in brackets); RegExp scan: best of 3 at 10,000\n`,
);
console.log(
  'glossary        aliases | build ms      | scan M chars/s  matches | RegExp build ms  M chars/s   matches | speed-up | cache kB  serialize ms  load ms',
);
for (const s of subjects) {
  console.log(
    [
      s.name.padEnd(15),
      col(String(s.aliases.length), 7),
      '|',
      col(`${f1(s.build.best)} (${f1(s.build.median)})`, 13),
      '|',
      col(`${f1(rate(s.scan.best))} (${f1(rate(s.scan.median))})`, 14),
      col(String(s.matches), 8),
      '|',
      col(f1(s.regexBuild.best), 15),
      col(f1(rate(s.regexScan.best)), 10),
      col(String(s.regexMatches), 9),
      '|',
      col(`${f1(s.regexScan.best / s.scan.best)}x`, 8),
      '|',
      col(f1(s.json.length / 1024), 8),
      col(s.serialize.best.toFixed(2), 13),
      col(s.load.best.toFixed(2), 8),
    ].join(' '),
  );
}

const [small, , large] = subjects as [Subject, Subject, Subject];
const verdict = (ok: boolean) => (ok ? 'met   ' : 'MISSED');
const ratio = large.scan.best / small.scan.best;
console.log('\ntargets');
console.log(
  `  ${verdict(rate(small.scan.best) >= 30)} ≥ 30 M chars/s with the bundled pack: ${f1(rate(small.scan.best))}`,
);
for (const s of subjects) {
  const speedUp = s.regexScan.best / s.scan.best;
  console.log(`  ${verdict(speedUp > 1)} faster than the RegExp (${s.name}): ${f1(speedUp)}x`);
}
console.log(
  `  ${verdict(ratio <= 1.5)} 10,000 aliases within 1.5x of the bundled pack's scan time: ${ratio.toFixed(2)}x`,
);
console.log(`  ${verdict(large.build.best < 100)} build for 10,000 aliases < 100 ms: ${f1(large.build.best)} ms`);

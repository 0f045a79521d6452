/**
 * The saved-page corpus (../shared/corpus): which pages exist, what INDEX.tsv says about
 * them, and a deterministic sample with every folder represented.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One INDEX.tsv row, with the columns the sweep and benchmark use. */
export interface CorpusRow {
  file: string;
  language: string;
  sizeBytes: number;
  domElements: number;
  termHits: number;
  title: string;
}

/** Reads INDEX.tsv, keyed by file path relative to the corpus root; empty if there is none. */
export function readIndex(corpusDir: string): Map<string, CorpusRow> {
  const path = join(corpusDir, 'INDEX.tsv');
  const rows = new Map<string, CorpusRow>();
  if (!existsSync(path)) return rows;
  const [header, ...lines] = readFileSync(path, 'utf8').split('\n');
  const columns = (header ?? '').split('\t');
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  for (const line of lines) {
    if (!line.trim()) continue;
    const cells = line.split('\t');
    const file = at(cells, 'file');
    rows.set(file, {
      file,
      language: at(cells, 'language'),
      sizeBytes: Number(at(cells, 'size_bytes')) || 0,
      domElements: Number(at(cells, 'dom_elements')) || 0,
      termHits: Number(at(cells, 'term_hits')) || 0,
      title: at(cells, 'title'),
    });
  }
  return rows;
}

/** Every .html/.htm file under `dir`, as sorted paths relative to `root` with forward slashes. */
export function listPages(dir: string, root = dir): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...listPages(full, root));
    else if (/\.html?$/i.test(name)) found.push(relative(root, full).split(sep).join('/'));
  }
  return found.sort();
}

/** A small stable hash, so the sample is the same on every machine and every run. */
function stableHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/**
 * About `n` pages with every top-level folder represented: each folder gets at least one
 * page and otherwise a share proportional to its size (largest remainders round up), and
 * within a folder pages are taken in hash order, so the choice is deterministic but not
 * biased towards alphabetical names.
 */
export function samplePages(pages: readonly string[], n: number): string[] {
  const folders = new Map<string, string[]>();
  for (const page of pages) {
    const folder = page.includes('/') ? page.slice(0, page.indexOf('/')) : '.';
    folders.set(folder, [...(folders.get(folder) ?? []), page]);
  }
  const groups = [...folders.values()].map((members) => {
    const exact = (n * members.length) / pages.length;
    return { members, take: Math.max(1, Math.floor(exact)), remainder: exact - Math.floor(exact) };
  });
  let left = n - groups.reduce((sum, g) => sum + g.take, 0);
  for (const g of [...groups].sort((a, b) => b.remainder - a.remainder)) {
    if (left <= 0) break;
    if (g.take < g.members.length) {
      g.take++;
      left--;
    }
  }
  return groups
    .flatMap(({ members, take }) =>
      [...members].sort((a, b) => stableHash(a) - stableHash(b) || a.localeCompare(b)).slice(0, take),
    )
    .sort();
}

/**
 * The `n` largest pages of a corpus, the ones that stress a highlighter most: first the page
 * with the most elements (layout after inserting marks grows with it), then the largest by
 * bytes, one per top-level folder so that one site's template does not fill the list. Uses
 * INDEX.tsv when there is one, else file sizes (then elements are not known).
 */
export function largestPages(corpusDir: string, n: number): string[] {
  const index = readIndex(corpusDir);
  const rows: { file: string; bytes: number; elements: number }[] = index.size
    ? [...index.values()].map((r) => ({ file: r.file, bytes: r.sizeBytes, elements: r.domElements }))
    : listPages(corpusDir).map((file) => ({ file, bytes: statSync(join(corpusDir, file)).size, elements: 0 }));
  const chosen: string[] = [];
  const byElements = [...rows].sort((a, b) => b.elements - a.elements || a.file.localeCompare(b.file));
  if (n > 0 && byElements[0] && byElements[0].elements > 0) chosen.push(byElements[0].file);
  const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');
  const folders = new Set(chosen.map(folderOf));
  const byBytes = [...rows].sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
  for (const row of byBytes) {
    if (chosen.length >= n) break;
    if (folders.has(folderOf(row.file))) continue;
    folders.add(folderOf(row.file));
    chosen.push(row.file);
  }
  // Fewer folders than pages asked for: fill up with the next largest.
  for (const row of byBytes) {
    if (chosen.length >= n) break;
    if (!chosen.includes(row.file)) chosen.push(row.file);
  }
  return chosen;
}

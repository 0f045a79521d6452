/**
 * What the page tools (extension-tasks.ts, profile-page.ts) share: their command line (one
 * page name and numeric `--name value` options) and the pages a name stands for, served by
 * the test server.
 */
import { bundledEntries } from '../../bench/lib/glossary';
import { generatedNewsPage } from '../../bench/lib/generated-page';
import type { TestServer } from '../../e2e/harness/server';

const args = process.argv.slice(2);

/** A numeric option (`--settle 5000`), or `fallback`. */
export function option(name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/** Whether a switch (`--no-build`) was given. */
export const flag = (name: string): boolean => args.includes(name);

/** The page named on the command line (the one argument that is neither option nor its value). */
export function pageName(fallback: string): string {
  return args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? fallback;
}

/** A small page naming two entries: the script's start with almost nothing to read. */
const SMALL = `<!doctype html><meta charset="utf-8"><title>Small</title><p>${'Analysts said Nvidia and Baidu would reshape supply chains. '.repeat(20)}</p>`;

/** One 2.5 MB text node naming an entry every 1,400 characters (giant-text painting). */
const HUGE = `<!doctype html><meta charset="utf-8"><title>Huge</title><p>${(
  '市場分析師表示，這一輪投資熱潮仍在持續，許多公司加緊招聘工程師。'.repeat(10) +
  '分析人士认为，新规定将影响明年的供应链安排和价格。'.repeat(10) +
  'Analysts said the new rules would reshape supply chains over the coming year. '.repeat(9) +
  '輝達的新產品再次成為焦點。'
).repeat(1_800)}</p>`;

/**
 * A log viewer: 1.5 s after load its script appends 10,000 rows in one task, each an element
 * of its own and naming nothing, so one batch of page changes holds 10,000 regions to read.
 */
const APPENDED = `<!doctype html><meta charset="utf-8"><title>Appended</title><p>A log.</p><script>
setTimeout(() => {
  for (let i = 0; i < 10000; i++) {
    const row = document.createElement('div');
    row.innerHTML = '<span>row ' + i + '</span> status <b>ok</b>';
    document.body.append(row);
  }
}, 1500);
</script>`;

/** The URL of `name` on `server`: generated, small, huge, appended, or a corpus page's path. */
export function pageUrl(server: TestServer, name: string): string {
  if (name === 'generated') return server.setPage('generated', generatedNewsPage(bundledEntries()));
  if (name === 'small') return server.setPage('small', SMALL);
  if (name === 'huge') return server.setPage('huge', HUGE);
  if (name === 'appended') return server.setPage('appended', APPENDED);
  return `${server.origin}/corpus/${name}`;
}

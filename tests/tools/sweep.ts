/**
 * The corpus sweep: `npm run sweep -- [corpus dir] [--sample N] [--only text]`.
 *
 * Loads every saved page of the corpus (scripts and inline handlers stripped by the test
 * server, so each load builds the same DOM) in Chromium with the built extension, and checks
 * per page that
 * - the extension reports no error (console errors from its scripts, uncaught exceptions);
 * - title, <head>, form field values, scripts, styles and SVG are untouched;
 * - every highlight is a name of its entry, none sits in an excluded element, and every place
 *   the visible text names a glossary entry is highlighted (expected places are found in Node
 *   by the extension's own matcher over the text of the page loaded without the extension);
 * - after switching highlights off, `document.body.innerHTML` equals the same page loaded in
 *   the same Chromium without the extension;
 * - after switching on again, the same highlights return in the same places.
 * Prints one line per page, then every failure; exits 1 if any page failed.
 *
 * Build first: `npm run build` (COLUMNLENS_OUT_DIR selects another build).
 */
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import { listPages, samplePages } from '../bench/lib/corpus';
import { assertBuildHasGlossary, bundledEntries, bundledMatcher } from '../bench/lib/glossary';
import { sweepPage, type SweepBrowsers } from '../bench/lib/sweep-page';
import { CHROME_BUILD, launchWithExtension, launchWithoutExtension } from '../e2e/harness/chromium';
import { CORPUS_DIR, startServer } from '../e2e/harness/server';

/** Saved pages point at hosts that do not exist here: fail those lookups at once, never wait on DNS. */
const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
/** A hang detector, not a speed requirement: the largest pages take a few minutes in all. */
const PAGE_TIMEOUT_MS = 600_000;

interface Args {
  corpusDir: string;
  sample?: number;
  only?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { corpusDir: CORPUS_DIR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--sample') args.sample = Number(argv[++i]);
    else if (arg === '--only') args.only = argv[++i];
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else args.corpusDir = resolve(arg);
  }
  if (args.sample !== undefined && !(args.sample > 0)) throw new Error('--sample needs a positive number');
  return args;
}

/** Timings depend on what else runs: print them with the machine's load. */
const machineLoad = () => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Playwright passes on the service worker's console messages but not its uncaught exceptions
 * or unhandled rejections: log those as console errors, so the worker's console listener
 * counts them. Only adds listeners; the extension's own code is untouched.
 */
async function reportWorkerExceptions(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => {
    self.addEventListener('error', (event) => console.error(`uncaught exception: ${event.message}`));
    self.addEventListener('unhandledrejection', (event) =>
      console.error(`unhandled rejection: ${String(event.reason)}`),
    );
  });
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  let pages = listPages(args.corpusDir);
  if (args.only) pages = pages.filter((p) => p.includes(args.only!));
  if (args.sample) pages = samplePages(pages, args.sample);
  if (pages.length === 0) throw new Error(`No pages found in ${args.corpusDir}`);
  assertBuildHasGlossary(CHROME_BUILD);

  const server = await startServer({ corpusDir: args.corpusDir });
  const withExtension = await launchWithExtension(undefined, { args: OFFLINE });
  const reference = await launchWithoutExtension({ args: OFFLINE });
  const workerErrors: string[] = [];
  await reportWorkerExceptions(withExtension.serviceWorker);
  withExtension.context.on('console', (message) => {
    if (message.type() === 'error' && !message.page())
      workerErrors.push(`service worker console error: ${message.text()}`);
  });
  const browsers: SweepBrowsers = {
    extension: withExtension.context,
    serviceWorker: withExtension.serviceWorker,
    extensionId: withExtension.extensionId,
    reference: reference.context,
    matcher: bundledMatcher(),
    categories: new Map(bundledEntries().map((e) => [e.id, e.category])),
    workerErrors,
  };

  console.log(`Sweeping ${pages.length} pages of ${args.corpusDir} with ${CHROME_BUILD} (${machineLoad()})`);
  const failed: { page: string; failures: string[] }[] = [];
  let highlights = 0;
  let pagesWithHighlights = 0;
  const started = Date.now();
  try {
    for (const [i, page] of pages.entries()) {
      const t0 = Date.now();
      const url = `${server.origin}/corpus/${page.split('/').map(encodeURIComponent).join('/')}`;
      const result = await withTimeout(sweepPage(browsers, url), PAGE_TIMEOUT_MS, page).catch((error: Error) => ({
        highlights: 0,
        found: 0,
        cssRanges: 0,
        expected: 0,
        failures: [`sweep error: ${error.message}`],
      }));
      highlights += result.highlights;
      if (result.highlights > 0) pagesWithHighlights++;
      if (result.failures.length) failed.push({ page, failures: result.failures });
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      const verdict = result.failures.length ? 'FAIL' : 'ok  ';
      console.log(
        `${verdict} [${i + 1}/${pages.length}] ${page}  ${result.highlights} highlights drawn${result.cssRanges ? ' (CSS highlights)' : ''}, ${result.found} found, ${result.expected} places expected, ${seconds} s`,
      );
      for (const failure of result.failures) console.log(`       - ${failure}`);
    }
  } finally {
    await withExtension.close();
    await reference.close();
    await server.close();
  }

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(
    `\n${pages.length} pages in ${minutes} min: ${pages.length - failed.length} passed, ${failed.length} failed (${machineLoad()})`,
  );
  console.log(`${highlights} highlights on ${pagesWithHighlights} pages`);
  for (const { page, failures } of failed) console.log(`FAILED ${page}\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAN_FOLD_PAIRS } from '../../src/matcher/script-data.generated';
import { contentScriptSize } from '../bench/lib/report';
import { CONTENT_SCRIPT_GZIP_LIMIT } from '../bench/lib/targets';
import { CHROME_BUILD } from './harness/chromium';
import { FIREFOX_BUILD } from './harness/firefox';

// The content script runs on every page and takes its fold table from the compiled matcher
// (src/matcher/fold.ts); the data the table is built from belongs in the background, which
// compiles. A stray import of fold-build.ts from page code would put it back: this catches that.
describe.each([
  ['Chromium', CHROME_BUILD],
  ['Firefox', FIREFOX_BUILD],
])('the %s build', (_, build) => {
  const piece = HAN_FOLD_PAIRS.slice(1_000, 1_100);
  const read = (file: string) => readFileSync(join(build, file), 'utf8');

  it('ships the Chinese conversion data in the background, not in the content script', () => {
    expect(read('background.js')).toContain(piece);
    expect(read('content-scripts/content.js')).not.toContain(piece);
  });

  // It runs on every page. A stray import that pulls in zod (the glossary schema) or the
  // conversion data nearly doubles it; `npm run size` prints the figure.
  it('keeps the content script under 60 kB gzipped', () => {
    expect(contentScriptSize(build).gzipBytes).toBeLessThan(CONTENT_SCRIPT_GZIP_LIMIT);
  });
});

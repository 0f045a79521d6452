/**
 * The content script's size as issue 6 counts it: content.js and content.css, each gzipped at
 * level 9, summed (what `npm run bench` reports), for the Chromium and the Firefox build.
 * `npm run size` after `npm run build && npm run build:firefox` (COLUMNLENS_OUT_DIR picks
 * another build).
 */
import { existsSync } from 'node:fs';
import { contentScriptSize, fmtSize } from '../bench/lib/report';
import { CHROME_BUILD } from '../e2e/harness/chromium';
import { FIREFOX_BUILD } from '../e2e/harness/firefox';

for (const [name, build] of [
  ['Chromium', CHROME_BUILD],
  ['Firefox', FIREFOX_BUILD],
] as const) {
  if (!existsSync(build)) {
    console.log(`${name}: no build in ${build}`);
    continue;
  }
  const size = contentScriptSize(build);
  console.log(
    `${name}: ${size.files.join(' + ')}: ${fmtSize(size.gzipBytes)} gzipped, ${fmtSize(size.rawBytes)} raw (target: under 60 kB gzipped)`,
  );
}

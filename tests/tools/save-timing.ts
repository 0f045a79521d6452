/**
 * How long the editor's Save takes beside a large imported pack: from the press to "Saved"
 * under the button, in real Chromium with the built extension. Prints each save and the
 * median; not a test.
 *
 * `npx tsx tests/tools/save-timing.ts [--entries 10000] [--saves 5]` after `npm run build`
 * (COLUMNLENS_OUT_DIR picks another build). The pack is stored as an earlier version left it
 * (inside the reader's changes): the first save moves it to its own key and is reported
 * apart; the others are the saves a reader makes.
 */
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { installUserPack } from '../bench/lib/big-glossary';
import { median } from '../bench/lib/task-stats';
import { CHROME_BUILD, launchWithExtension } from '../e2e/harness/chromium';
import { option } from './lib/tool-page';

const count = option('--entries', 10_000);
const saves = option('--saves', 5);
const bundled = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../glossary/ai-rush-china.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

const entries = Array.from({ length: count }, (_, i) => ({
  id: `timing-${i}`,
  term: `Timingterm${i}x`,
  aliases: [`Timingalias${i}y`, `計時名${i}號`],
  category: 'concept',
  context: { en: `Synthetic entry ${i} of the save timing, with a note about as long as a glossary's usual one.` },
}));
const pack = {
  schemaVersion: 1,
  id: 'save-timing',
  title: 'Save timing',
  source: { title: 'Synthetic entries', author: 'tests/tools/save-timing.ts' },
  entries,
};

const browser = await launchWithExtension();
try {
  console.log(`${count.toLocaleString('en')} imported entries, ${CHROME_BUILD}`);
  await installUserPack(browser.serviceWorker, pack, count + bundled);
  const editor = await browser.context.newPage();
  await editor.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await editor.waitForSelector('[data-testid="entry-row"]');
  const times: number[] = [];
  for (let i = 0; i <= saves; i++) {
    await editor.fill('[data-testid="entry-search"]', `Timingterm${(i * 1_777) % count}x`);
    await editor.click('[data-testid="entry-row"] >> nth=0');
    await editor.waitForSelector('[data-testid="entry-form"] #field-notes-en');
    await editor.fill('#field-notes-en', `Edited by the save timing, save ${i}.`);
    const started = Date.now();
    await editor.click('[data-testid="entry-save"]');
    // The form opens again at the saved entry with "Saved …" under the button.
    await editor.waitForFunction(() => !!document.querySelector('[data-testid="form-saved"]')?.textContent, undefined, {
      timeout: 120_000,
    });
    const took = Date.now() - started;
    if (i === 0) console.log(`first save (moves the pack to its own key): ${took} ms`);
    else times.push(took);
    // Let the background's own rebuild of the glossary finish before the next press.
    await editor.waitForTimeout(2_000);
  }
  console.log(`saves: ${times.join(', ')} ms; median ${median(times)} ms`);
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
} finally {
  await browser.close();
}

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { buildFoldPairs, buildScriptDataModule, loadPairs, OUTPUT_PATH } from '../../tools/build-script-data';
import { fold } from '../../../src/matcher/index';

describe('generated Han folding table', () => {
  it('is up to date with its generator (run `npm run gen:script-data` if this fails)', async () => {
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(await buildScriptDataModule());
  });

  it('decodes to exactly the pairs the generator computed', async () => {
    const pairs = await buildFoldPairs();
    expect(pairs.length).toBeGreaterThan(3000);
    for (const [from, to] of pairs) expect(fold(String.fromCharCode(from))).toBe(String.fromCharCode(to));
  });

  it('folds every OpenCC single-character T→S pair so both sides compare equal', async () => {
    let checked = 0;
    for (const [trad, simp] of await loadPairs('TSCharacters')) {
      if (trad.length !== 1 || simp.length !== 1) continue;
      expect(fold(trad), `${trad} → ${simp}`).toBe(fold(simp));
      checked++;
    }
    expect(checked).toBeGreaterThan(2900);
  });
});

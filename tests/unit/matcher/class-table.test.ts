import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildClassTable, CLASS_IGNORE, WORD_UNIT } from '../../../src/matcher/class-table';
import { fold, foldUnit, IGNORABLE } from '../../../src/matcher/fold';
import { WORD_START } from '../../../src/matcher/patterns';
import { isWordStartUnit } from '../../../src/matcher/word-kind';

/** The definition, computed the slow way: every unit's fold, looked up in the alphabet. */
function naiveClassTable(alphabet: string): Uint16Array {
  const classOf = new Map(Array.from({ length: alphabet.length }, (_, i) => [alphabet.charCodeAt(i), i + 1]));
  classOf.delete(WORD_START.charCodeAt(0));
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++)
    table[c] = (classOf.get(foldUnit(c)) ?? 0) | (isWordStartUnit(foldUnit(c)) ? WORD_UNIT : 0);
  for (const ch of IGNORABLE) table[ch.charCodeAt(0)] = CLASS_IGNORE;
  return table;
}

describe('class table', () => {
  it('equals the slow definition for alphabets of folded characters', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'z', '0', ' ', '-', "'", '·', 'é', 'ß', 'σ', 'я', WORD_START),
      fc.constantFrom(...'辉达里着台湾腾讯晶片芯百川'),
      fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    );
    fc.assert(
      fc.property(fc.uniqueArray(unit.map(fold), { maxLength: 40 }), (chars) => {
        const alphabet = chars.filter((c) => !IGNORABLE.includes(c)).join('');
        const fast = buildClassTable(alphabet);
        const slow = naiveClassTable(alphabet);
        // Compare by hand: a failure names the first differing unit instead of printing 65,536 numbers.
        const first = fast.findIndex((v, c) => v !== slow[c]);
        expect(first, `unit U+${first.toString(16)}`).toBe(-1);
      }),
      { numRuns: 40 },
    );
  });
});

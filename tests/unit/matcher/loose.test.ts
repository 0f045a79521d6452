/**
 * The loose scanner: whatever text surrounds a name, it finds something wherever the strict
 * scanner could find that name; and it still keeps the case of case-sensitive names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMatcher } from '../../../src/matcher/index';
import { ENTRIES, matcher } from './glossary-fixture';

const loose = matcher.loose();
const looseFinds = (text: string) => loose.scan(text).length > 0;

describe('loose scanner', () => {
  it('finds Latin names glued to the words around them, which the strict scanner refuses', () => {
    for (const text of ['HomeNvidia', 'NvidiaNews', 'xH20y', 'ChatGPTx', '2024Tencent', 'SoftBankArm']) {
      expect(matcher.scan(text), text).toEqual([]);
      expect(looseFinds(text), text).toBe(true);
    }
  });

  it('finds names inside their excluded phrases', () => {
    expect(matcher.scan('海納百川')).toEqual([]);
    expect(looseFinds('海納百川')).toBe(true);
  });

  it('keeps the case of case-sensitive names and finds nothing in text without names', () => {
    expect(looseFinds('harm, alarm, army')).toBe(false); // Arm is case-sensitive
    expect(looseFinds('Army')).toBe(true); // a capital A: as loose as the rule allows
    expect(looseFinds('cohere')).toBe(false);
    expect(looseFinds('The weather was fine and nothing else happened.')).toBe(false);
    expect(looseFinds('今天天氣很好，什麼也沒有發生。')).toBe(false);
  });

  it('reads text folded like the strict scanner: scripts, widths, spaces', () => {
    for (const text of ['英伟达', 'ＮＶＩＤＩＡ', 'xAlibaba\n   Cloudy', '阿里云'])
      expect(looseFinds(text), text).toBe(true);
  });

  it('is the same built from a stored matcher as from a fresh one', () => {
    const stored = loadMatcher(JSON.parse(JSON.stringify(matcher.serialize())));
    for (const text of ['HomeNvidia', 'harm', 'Army', '海納百川', 'nothing here']) {
      expect(stored.loose().scan(text), text).toEqual(loose.scan(text));
    }
  });

  it('finds something in any text made by joining blocks in which the strict scanner finds a name', () => {
    const names = ENTRIES.flatMap((e) => [e.term, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))]);
    const filler = ['', 'x', 'a1', ' ', '、', 'Home', '山', 's', '9', 'the ', '海納'];
    const block = fc.array(fc.constantFrom(...names, ...filler), { maxLength: 4 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        // Joined with nothing between them, as textContent joins the text of adjacent blocks.
        if (blocks.some((b) => matcher.scan(b).length > 0)) expect(looseFinds(blocks.join(''))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

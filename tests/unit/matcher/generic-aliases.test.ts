import { describe, expect, it } from 'vitest';

import { compileMatcher, loadMatcher } from '../../../src/matcher/index';
import type { MatcherEntry } from '../../../src/matcher/patterns';

/** What a scan reports: the text found, its entry and whether it is an everyday word. */
function found(entries: readonly MatcherEntry[], text: string) {
  const matcher = compileMatcher(entries);
  const again = loadMatcher(matcher.serialize());
  const seen = matcher.scan(text).map((m) => [text.slice(m.start, m.end), matcher.entryIds[m.entry], !!m.generic]);
  // The stored matcher the pages load reports the same.
  expect(again.scan(text).map((m) => [text.slice(m.start, m.end), again.entryIds[m.entry], !!m.generic])).toEqual(seen);
  return seen;
}

const CHIPS: MatcherEntry = {
  id: 'ai-chips',
  term: '晶片',
  names: { 'zh-Hans': '芯片', en: 'Chip' },
  aliases: [
    { text: '晶片', generic: true },
    { text: '芯片', generic: true },
    { text: 'chip', generic: true },
    'AI chip',
  ],
};
const COMPANY: MatcherEntry = {
  id: 'arm-holdings',
  term: 'Arm Holdings',
  aliases: [{ text: 'Arm', caseSensitive: true, generic: true }, 'Arm Holdings plc'],
};
const COMPANY_ALIAS_A: MatcherEntry = { id: 'a', term: 'Alpha', aliases: ['Orion'] };
const COMPANY_ALIAS_B: MatcherEntry = { id: 'b', term: 'Beta', aliases: [{ text: 'Orion', generic: true }] };

describe('everyday words (generic aliases)', () => {
  it('are reported as generic, in every script, plural and case, and other names of the entry are not', () => {
    expect(found([CHIPS], 'Chips, an AI chip, 晶片 and 芯片; companies.')).toEqual([
      ['Chips', 'ai-chips', true],
      ['AI chip', 'ai-chips', false],
      ['晶片', 'ai-chips', true],
      ['芯片', 'ai-chips', true],
    ]);
  });

  it('stay generic when a display name spells them with another case, and keep their own rules', () => {
    // "Chip", the English display name, is matched by the entry's rules; the alias "chip" is an
    // everyday word, and the same name read case-insensitively is the alias's.
    expect(found([CHIPS], 'CHIP chip Chip')).toEqual([
      ['CHIP', 'ai-chips', true],
      ['chip', 'ai-chips', true],
      ['Chip', 'ai-chips', true],
    ]);
    // The term, matched by the entry's rules, is read before the aliases: the same.
    const termFirst = { id: 'ai-chips', term: 'Chip', aliases: [{ text: 'chip', generic: true }] };
    expect(found([termFirst], 'Chip chips')).toEqual([
      ['Chip', 'ai-chips', true],
      ['chips', 'ai-chips', true],
    ]);
    // Case-sensitive: "arm" is no name at all, "Arm" an everyday word, the long name is not one.
    expect(found([COMPANY], 'Arm yourself, arm. Arm Holdings plc')).toEqual([
      ['Arm', 'arm-holdings', true],
      ['Arm Holdings plc', 'arm-holdings', false],
    ]);
  });

  it('mark a plural read from another name of the entry, whichever the text shows first', () => {
    // "chips" is both the plural of the name "Chip" and the everyday word "chips" itself.
    const term = { id: 'fries', term: 'Chip', aliases: [{ text: 'chips', generic: true }] };
    expect(found([term], 'fish and chips, one Chip')).toEqual([
      ['chips', 'fries', true],
      ['Chip', 'fries', false],
    ]);
    // And the other way round: "Chips", the name, is the plural of the everyday word "chip".
    const plural = { id: 'fries', term: 'Chips', aliases: [{ text: 'chip', generic: true }] };
    expect(found([plural], 'Chips')).toEqual([['Chips', 'fries', true]]);
    // Through the exact selection (an excluded phrase in the text) too.
    expect(found([{ ...term, exclude: ['chip in'] }], 'chip in for chips')).toEqual([['chips', 'fries', true]]);
  });

  it('are found through an exclusion as without one', () => {
    const entry = { ...CHIPS, exclude: ['chip in'] };
    expect(found([entry], 'chip in for chips')).toEqual([['chips', 'ai-chips', true]]);
  });

  it('leave the entry order of a shared name as it was', () => {
    expect(found([COMPANY_ALIAS_A, COMPANY_ALIAS_B], 'Orion')).toEqual([['Orion', 'a', false]]);
    expect(found([COMPANY_ALIAS_B, COMPANY_ALIAS_A], 'Orion')).toEqual([['Orion', 'b', true]]);
  });
});

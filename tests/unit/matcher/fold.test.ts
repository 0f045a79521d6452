import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { fold } from '../../../src/matcher/index';

describe('fold', () => {
  it.each([
    // Traditional, Simplified and Taiwan / Hong Kong variants fold to one form.
    ['輝達', '辉达'],
    ['英偉達', '英伟达'],
    ['騰訊', '腾讯'],
    ['資料', '资料'],
    ['裡', '里'],
    ['裏', '里'],
    ['著', '着'],
    ['臺', '台'],
    ['後', '后'],
    ['臺灣', '台湾'],
    ['颱風', '台风'],
    // Width, hyphens, spaces, apostrophes, middle dots, case.
    ['ＯｐｅｎＡＩ', 'openai'],
    ['ＲＩＳＣ－Ｖ', 'risc-v'],
    ['RISC\u2011V', 'risc-v'],
    ['a\u2010b\u2012c\u2013d\u2014e\u2015f\u2212g\ufe58h\ufe63i', 'a-b-c-d-e-f-g-h-i'],
    ['a\u00a0b\u3000c\u2009d\u202fe\nf\tg', 'a b c d e f g'],
    ['Nvidia\u2019s', "nvidia's"],
    ['梅加‧施', '梅加·施'],
    ['ΑΒΓ Ärger ÉCOLE', 'αβγ ärger école'],
  ])('folds %j like %j', (input, expected) => {
    expect(fold(input)).toBe(fold(expected));
    expect(fold(input)).toHaveLength(input.length);
  });

  it('maps Traditional to the Simplified form, not the reverse', () => {
    expect(fold('輝達英偉達騰訊')).toBe('辉达英伟达腾讯');
  });

  it('lower-cases only where that keeps one UTF-16 unit', () => {
    expect('İ'.toLowerCase()).toHaveLength(2); // the reason for the rule
    expect(fold('İstanbul')).toBe('İstanbul'.slice(0, 1) + 'stanbul');
    expect(fold('ABC')).toBe('abc');
  });

  it('leaves characters outside the rules alone', () => {
    expect(fold('中文, 日本語; 한국어! 123')).toBe('中文, 日本语; 한국어! 123');
    expect(fold('😀𠮷')).toBe('😀𠮷');
  });

  it('keeps the length of any string (offsets in folded text are offsets in the original)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(fold(s)).toHaveLength(s.length);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
      }),
      { numRuns: 300 },
    );
  });

  it('handles long text without overflowing the call stack', () => {
    const text = '輝達'.repeat(100_000);
    expect(fold(text)).toBe('辉达'.repeat(100_000));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanInWindows, WINDOW_LENGTH, windowBoundary } from '../../../src/content/chunked-scan';
import { compileMatcher } from '../../../src/matcher';
import { RULE_REACH } from '../../../src/matcher/web-address';
import { fakeScanner } from './fake-scanner';

const scanner = fakeScanner([
  { id: 'moonshot-ai', category: 'company', names: ['Moonshot AI', '月之暗面'] },
  { id: 'arm', category: 'company', names: ['Arm'] },
  { id: 'nvidia', category: 'company', names: ['Nvidia', '英伟达', '輝達'] },
  { id: 'ai', category: 'concept', names: ['AI', '人工智慧'] },
]);
const longest = 'Moonshot AI'.length;

// The fake scanner's rules read one character beside a name: no more context than the overlap.
function windowed(text: string, windowLength: number) {
  return [...scanInWindows(scanner, text, longest, windowLength, 0)].flat();
}

describe('scanning long text in windows', () => {
  it('scans short text in one call', () => {
    const windows = [...scanInWindows(scanner, 'Nvidia and Arm', longest, 100)];
    expect(windows).toHaveLength(1);
  });

  it('finds a match that straddles a window boundary exactly once', () => {
    const text = `${'x '.repeat(10)}Moonshot AI${' y'.repeat(30)}`;
    const windows = [...scanInWindows(scanner, text, longest, 24, 0)];
    expect(windows.length).toBeGreaterThan(2);
    expect(windows.flat()).toEqual([{ start: 20, end: 31, entry: 0 }]);
  });

  it('cuts after a separator, and never inside a surrogate pair', () => {
    expect(windowBoundary('abcdef ghij', 3)).toBe(7);
    const emoji = 'a'.repeat(300) + '😀' + 'b'.repeat(10);
    expect(windowBoundary(emoji, 301)).toBe(302);
  });

  const word = fc.oneof(
    fc.constantFrom(
      'Moonshot AI',
      'Moonshot',
      'AI',
      'Arm',
      'Armed',
      'Nvidia',
      'NvidiaX',
      '月之暗面',
      '英伟达',
      '輝達',
      '人工智慧',
    ),
    fc.string({
      unit: fc.constantFrom('a', 'r', 'm', 'A', 'N', '月', '之', '暗', '面', '達'),
      minLength: 1,
      maxLength: 6,
    }),
  );
  const separator = fc.constantFrom(' ', ', ', '。', '，', '\n', ' (', ') ');

  it('gives the same matches as one scan of the whole text (text with separators)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, separator), { maxLength: 80 }),
        fc.integer({ min: 4, max: 40 }),
        (parts, length) => {
          const text = parts.map(([w, s]) => w + s).join('');
          expect(windowed(text, length)).toEqual(scanner.scan(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same matches as one scan of the whole text (Chinese without separators)', () => {
    const han = fc.oneof(
      fc.constantFrom('月之暗面', '英伟达', '輝達', '人工智慧'),
      fc.constantFrom('月', '之', '暗', '面', '英', '伟', '輝', '智'),
    );
    fc.assert(
      fc.property(fc.array(han, { maxLength: 200 }), fc.integer({ min: 2, max: 30 }), (parts, length) => {
        const text = parts.join('');
        expect(windowed(text, length)).toEqual(scanner.scan(text));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every window of a 5 MB text small', () => {
    const text = 'Nvidia 英伟达 and some filler text. '.repeat(160_000);
    let calls = 0;
    let longestWindow = 0;
    const counting = {
      scan(t: string) {
        calls++;
        longestWindow = Math.max(longestWindow, t.length);
        return [];
      },
    };
    for (const _ of scanInWindows(counting, text, 40)) void _;
    expect(text.length).toBeGreaterThan(5_000_000);
    expect(calls).toBeGreaterThan(100);
    // A window, its separator search, its overlap, and the context the rules read on each side.
    expect(longestWindow).toBeLessThan(33_000 + 300 + 2 * RULE_REACH);
  });

  describe('with the real matcher, whatever falls at a cut', () => {
    const matcher = compileMatcher([
      { id: 'baidu', term: '百度', aliases: ['Baidu'] },
      { id: 'baichuan', term: '百川智能', aliases: ['百川', 'Baichuan'], exclude: ['海納百川'] },
      { id: 'chip', term: '晶片', aliases: ['Chip'], exclude: ['bargaining chip'] },
      { id: 'h20', term: 'H20', aliases: [] },
      { id: 'alibaba', term: 'Alibaba', aliases: [] },
      { id: 'alibaba-cloud', term: 'Alibaba Cloud', aliases: [] },
    ]);
    const maxMatchLength = 2 * 'bargaining chip'.length + 64; // as glossary-view.ts sizes it
    const found = (text: string) => [...scanInWindows(matcher, text, maxMatchLength)].flat();
    // Text cut near WINDOW_LENGTH: `at` characters of filler without a separator, then `tail`.
    const cutAt = (at: number, tail: string) => `${'x'.repeat(at)}${tail}${' y'.repeat(400)}`;

    it.each([
      ['an excluded phrase', cutAt(WINDOW_LENGTH - 12, ' bargaining chips over export controls')],
      ['a web address', cutAt(WINDOW_LENGTH - 20, ' https://github.com/baichuan-inc ')],
      ['a dotted identifier', cutAt(WINDOW_LENGTH - 4, 'foo.Baidu() call ')],
      ['a word cut with no separator near', cutAt(WINDOW_LENGTH - 1, `GH20-${'x'.repeat(400)}`)],
      ['an excluded Chinese phrase', cutAt(WINDOW_LENGTH - 3, '海納百川')],
      [
        'a name with a long run of spaces in it',
        `${'x '.repeat(16_380)}Alibaba${' '.repeat(300)}Cloud${' y'.repeat(300)}`,
      ],
    ])('finds what one scan finds when %s straddles a cut', (_, text) => {
      expect(text.length).toBeGreaterThan(WINDOW_LENGTH + maxMatchLength + 1);
      expect(found(text)).toEqual(matcher.scan(text));
    });

    it('still finds the names those cases hold where one scan does', () => {
      const text = cutAt(WINDOW_LENGTH - 8, ' bargaining Baidu chips and H20 ');
      expect(found(text).map((m) => matcher.entryIds[m.entry])).toEqual(['baidu', 'chip', 'h20']);
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanInWindows, windowBoundary } from '../../../src/content/chunked-scan';
import { fakeScanner } from './fake-scanner';

const scanner = fakeScanner([
  { id: 'moonshot-ai', category: 'company', names: ['Moonshot AI', '月之暗面'] },
  { id: 'arm', category: 'company', names: ['Arm'] },
  { id: 'nvidia', category: 'company', names: ['Nvidia', '英伟达', '輝達'] },
  { id: 'ai', category: 'concept', names: ['AI', '人工智慧'] },
]);
const longest = 'Moonshot AI'.length;

function windowed(text: string, windowLength: number) {
  return [...scanInWindows(scanner, text, longest, windowLength)].flat();
}

describe('scanning long text in windows', () => {
  it('scans short text in one call', () => {
    const windows = [...scanInWindows(scanner, 'Nvidia and Arm', longest, 100)];
    expect(windows).toHaveLength(1);
  });

  it('finds a match that straddles a window boundary exactly once', () => {
    const text = `${'x '.repeat(10)}Moonshot AI${' y'.repeat(30)}`;
    const windows = [...scanInWindows(scanner, text, longest, 24)];
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
    expect(longestWindow).toBeLessThan(33_000 + 300);
  });
});

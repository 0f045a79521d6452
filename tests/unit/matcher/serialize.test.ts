import { describe, expect, it } from 'vitest';

import { decodeBase64, encodeBase64 } from '../../../src/matcher/base64';
import {
  compileMatcher,
  countMatches,
  loadMatcher,
  loadMatcherSteps,
  type SerializedMatcher,
} from '../../../src/matcher/index';
import { STATES_PER_STEP } from '../../../src/matcher/serialize';
import { found, matcher } from './glossary-fixture';

const stored = (): SerializedMatcher => JSON.parse(JSON.stringify(matcher.serialize()));

/** A copy of `data` with one Int32 array field edited. */
function withInts(data: SerializedMatcher, field: 'childStart' | 'fail' | 'patternEnd', edit: (a: Int32Array) => void) {
  const ints = new Int32Array(decodeBase64(data[field])!.buffer);
  edit(ints);
  return { ...data, [field]: encodeBase64(new Uint8Array(ints.buffer)) };
}

describe('serialize / loadMatcher', () => {
  it('produces plain JSON data that loads into a working matcher', () => {
    const data = stored();
    expect(typeof data.childStart).toBe('string');
    const loaded = loadMatcher(data);
    expect(found('英伟达H20 and Alibaba Cloud; 海纳百川', loaded)).toEqual([
      ['英伟达', 'nvidia'],
      ['H20', 'h20'],
      ['Alibaba Cloud', 'alibaba-cloud'],
    ]);
  });

  it.each<[string, (d: SerializedMatcher) => unknown]>([
    ['not an object', () => null],
    ['another format', (d) => ({ ...d, format: 'other' })],
    ['another version', (d) => ({ ...d, version: 1 })],
    ['another folding table', (d) => ({ ...d, fold: '0.0' })],
    ['a non-base64 array', (d) => ({ ...d, childStart: '@@@@' })],
    ['a partial number', (d) => ({ ...d, fail: encodeBase64(new Uint8Array(5)) })],
    ['arrays of different lengths', (d) => ({ ...d, fail: encodeBase64(new Uint8Array(4)) })],
    ['a child range that loops back', (d) => withInts(d, 'childStart', (starts) => (starts[1] = 1))],
    [
      'unsorted children',
      (d) => {
        const label = new Uint16Array(decodeBase64(d.label)!.buffer);
        [label[1], label[2]] = [label[2]!, label[1]!];
        return { ...d, label: encodeBase64(new Uint8Array(label.buffer)) };
      },
    ],
    [
      'a failure link that does not get shallower',
      (d) => withInts(d, 'fail', (fail) => (fail[fail.length - 1] = fail.length - 1)),
    ],
    ['a pattern ending twice at one state', (d) => withInts(d, 'patternEnd', (ends) => (ends[1] = ends[0]!))],
    ['a failure link to a later state', (d) => withInts(d, 'fail', (fail) => (fail[1] = fail.length - 1))],
    ['fewer pattern ends than patterns', (d) => ({ ...d, patternEnd: encodeBase64(new Uint8Array(4)) })],
    ['an unknown entry', (d) => ({ ...d, entryIds: [] })],
    ['missing variant texts', (d) => ({ ...d, variantText: d.variantText.slice(1) })],
    ['a wrong alphabet type', (d) => ({ ...d, alphabet: 42 })],
  ])('throws a clear error on %s', (_, corrupt) => {
    expect(() => loadMatcher(corrupt(stored()) as SerializedMatcher)).toThrow(
      /Cannot load the compiled glossary matcher/,
    );
  });
});

describe('loadMatcherSteps', () => {
  it('keeps names with characters beyond the BMP through storage, which replaces lone surrogates', () => {
    // Two names whose first characters share a high surrogate: the alphabet holds each half
    // of them as a class of its own, so it is no well-formed string.
    const astral = compileMatcher([
      { id: 'yoshinoya', term: '𠮷野家', aliases: [] },
      { id: 'scold', term: '𠮟責', aliases: [] },
    ]);
    // What Chromium's storage.local does to a stored string (checked in Chromium 156: "a\ud842b"
    // reads back as "a\ufffdb"): lone surrogates become U+FFFD.
    const wellFormed = (v: unknown) =>
      typeof v === 'string' ? (v as string & { toWellFormed(): string }).toWellFormed() : v;
    const throughStorage = JSON.parse(JSON.stringify(astral.serialize()), (_, v: unknown) =>
      wellFormed(v),
    ) as SerializedMatcher;
    const text = '在𠮷野家被𠮟責';
    const loaded = loadMatcher(throughStorage);
    expect(loaded.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['𠮷野家', '𠮟責']);
  });

  it('loads a big matcher in bounded steps, to a matcher that scans like the compiled one', () => {
    const entries = Array.from({ length: 8_000 }, (_, i) => ({
      id: `e${i}`,
      term: `Name ${i.toString(36)} here`,
      aliases: [`名${i.toString(36)}稱`],
    }));
    const compiled = compileMatcher(entries);
    const data: SerializedMatcher = JSON.parse(JSON.stringify(compiled.serialize()));
    const states = decodeBase64(data.label)!.length / 2;
    expect(states).toBeGreaterThan(2 * STATES_PER_STEP);
    const steps = loadMatcherSteps(data);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    // Header, one step per big table, the variants, then one per slice of states.
    expect(count).toBeGreaterThanOrEqual(5 + Math.floor(states / STATES_PER_STEP));
    const text = 'see Name 2bz here and 名1a稱, not Name 2bz';
    expect(step.value.scan(text)).toEqual(compiled.scan(text));
    expect(step.value.scan(text)).toHaveLength(2);
  });

  it('stops at the first step with a clear error when the data is malformed', () => {
    const steps = loadMatcherSteps({ ...stored(), fold: 'other' });
    expect(() => steps.next()).toThrow(/fold table is missing, damaged or of another version/);
  });
});

describe('base64', () => {
  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }
  });

  it('rejects text that is not base64', () => {
    expect(decodeBase64('abc')).toBeUndefined();
    expect(decodeBase64('ab$d')).toBeUndefined();
    expect(decodeBase64('a=bc')).toBeUndefined();
  });

  it('uses the native Uint8Array base64 methods where the platform has them, with the same results', () => {
    // Node 20 lacks them; browsers have them. Install stand-ins built on Buffer for this test.
    const U8 = Uint8Array as unknown as { fromBase64?: unknown };
    const proto = Uint8Array.prototype as unknown as { toBase64?: unknown };
    const calls: string[] = [];
    U8.fromBase64 = (text: string) => {
      calls.push('from');
      return new Uint8Array(Buffer.from(text, 'base64'));
    };
    proto.toBase64 = function (this: Uint8Array) {
      calls.push('to');
      return Buffer.from(this).toString('base64');
    };
    try {
      const bytes = Uint8Array.from({ length: 100 }, (_, i) => (i * 91) & 255);
      const text = encodeBase64(bytes);
      expect(decodeBase64(text)).toEqual(bytes);
      // Lenient natively (whitespace is skipped): rejected here by the decoded size.
      expect(decodeBase64('ab c')).toBeUndefined();
      expect(decodeBase64('AAAA\nAA=')).toBeUndefined();
      expect(calls).toEqual(['to', 'from', 'from', 'from']);
      expect(found('英伟达 Alibaba Cloud', loadMatcher(stored()))).toEqual([
        ['英伟达', 'nvidia'],
        ['Alibaba Cloud', 'alibaba-cloud'],
      ]);
    } finally {
      delete U8.fromBase64;
      delete proto.toBase64;
    }
  });
});

describe('countMatches', () => {
  it('counts occurrences per entry', () => {
    const text = '輝達、英伟达和NVIDIA；百川；百川智能';
    const counts = countMatches(matcher.scan(text), matcher.entryIds.length);
    expect(counts).toHaveLength(matcher.entryIds.length);
    expect(counts[matcher.entryIds.indexOf('nvidia')]).toBe(3);
    expect(counts[matcher.entryIds.indexOf('baichuan')]).toBe(2);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
  });
});

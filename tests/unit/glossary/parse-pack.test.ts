import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

import {
  MAX_PACK_BYTES,
  MAX_PACK_DEPTH,
  MAX_REPORTED_ERRORS,
  parsePack,
  parsePackText,
} from '../../../src/glossary/parse-pack';

/** A small valid pack; tests break one thing at a time. */
function pack(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'test-pack',
    title: 'Test pack',
    source: { title: 'A column', author: 'Someone', sections: ['Intro'] },
    entries: [
      { id: 'nvidia', term: '輝達', aliases: ['英偉達', 'Nvidia'], category: 'company', context: 'A chip maker.' },
      {
        id: 'baichuan',
        term: '百川智能',
        aliases: ['百川'],
        exclude: ['海納百川'],
        category: 'company',
        context: { en: 'x' },
      },
    ],
    ...overrides,
  };
}
const text = (value: unknown) => JSON.stringify(value);

function errorsOf(result: ReturnType<typeof parsePackText>): string[] {
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}

describe('parsePackText', () => {
  it('accepts a valid pack and fills defaults', () => {
    const result = parsePackText(text(pack()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.pack.entries).toHaveLength(2);
    expect(result.pack.entries[1]?.aliases).toEqual(['百川']);
  });

  it('accepts the bundled pack', () => {
    const bundled = readFileSync(resolve(import.meta.dirname, '../../../glossary/ai-rush-china.json'), 'utf8');
    const result = parsePackText(bundled);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('accepts a file that starts with a byte-order mark', () => {
    expect(parsePackText(`\uFEFF${text(pack())}`).ok).toBe(true);
  });

  it('says when the text is not JSON, where and why', () => {
    const [error, ...rest] = errorsOf(parsePackText('{"schemaVersion": 1,'));
    expect(rest).toEqual([]);
    expect(error).toBe('The file is not JSON: line 1, column 21: the file ends before its JSON does');
    expect(errorsOf(parsePackText(''))[0]).toMatch(/^The file is not JSON: /);
    expect(errorsOf(parsePackText('<html></html>'))[0]).toMatch(/^The file is not JSON: /);
  });

  it('refuses text over the size limit before parsing it, counting UTF-8 bytes', () => {
    // Valid JSON, so only the size check can refuse it.
    const big = text({ ...pack(), padding: 'x'.repeat(MAX_PACK_BYTES) });
    expect(errorsOf(parsePackText(big))).toEqual([
      expect.stringMatching(/^The file is too large: 5 MB .*limit is 5 MB/),
    ]);
    // 2 million Chinese characters are 6 MB of UTF-8 although the string is shorter than the limit.
    const chinese = text({ ...pack(), padding: '漢'.repeat(2_000_000) });
    expect(chinese.length).toBeLessThan(MAX_PACK_BYTES);
    expect(errorsOf(parsePackText(chinese))[0]).toMatch(/^The file is too large: 5\.7 MB/);
  });

  it('refuses absurdly deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(errorsOf(parsePackText(deep))).toEqual([expect.stringMatching(/nested too deeply \(more than 64 levels/)]);
  });

  it('draws the depth line at MAX_PACK_DEPTH levels', () => {
    const nested = (levels: number) =>
      text(pack({ extra: JSON.parse(`${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}`) }));
    // The pack object itself is one level, so `extra` adds levels - 1 more.
    expect(parsePackText(nested(MAX_PACK_DEPTH)).ok).toBe(true);
    expect(errorsOf(parsePackText(nested(MAX_PACK_DEPTH + 1)))[0]).toMatch(/nested too deeply/);
  });

  it('does not count brackets inside strings as nesting', () => {
    const result = parsePackText(text(pack({ description: '[{'.repeat(500) })));
    expect(result.ok).toBe(true);
  });

  it('drops __proto__, constructor and prototype keys, warns, and pollutes nothing', () => {
    const raw = text(pack()).replace(
      '"schemaVersion":1',
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"schemaVersion":1',
    );
    const withEntryKey = raw.replace('"id":"nvidia",', '"id":"nvidia","__proto__":{"category":"person"},');
    const result = parsePackText(withEntryKey);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      expect.stringMatching(/"__proto__" at the top level/),
      expect.stringMatching(/"constructor" at the top level/),
      expect.stringMatching(/"__proto__" at entries\[0\]/),
    ]);
    expect(Object.getPrototypeOf(result.pack)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.pack.entries[0])).toBe(Object.prototype);
    expect(Object.hasOwn(result.pack, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.pack.entries[0]?.category).toBe('company');
  });

  it('tolerates and keeps unknown extra fields', () => {
    const entry = {
      id: 'x-ai',
      term: 'xAI',
      aliases: [{ text: 'Grok', note: 'product' }],
      category: 'company',
      context: 'c',
      color: 'red',
    };
    const result = parsePackText(text(pack({ $schema: './schema.json', license: 'CC-BY', entries: [entry] })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((result.pack as Record<string, unknown>).license).toBe('CC-BY');
    expect((result.pack.entries[0] as Record<string, unknown>).color).toBe('red');
  });

  it('names the entry and the field of each problem', () => {
    const entries = [
      { id: 'nvidia', term: '輝達', aliases: ['英偉達', 'Nvidia', 'x'], category: 'company', context: 'c' },
      { id: 'mystery', term: 'Mystery', category: 'firm', context: 'c' },
      { term: 'Nameless', category: 'company', context: 'c' },
    ];
    expect(errorsOf(parsePackText(text(pack({ entries }))))).toEqual([
      'entries[0] (id "nvidia") › aliases[2]: must be at least 2 characters (one character would match almost everywhere)',
      expect.stringMatching(/^entries\[1\] \(id "mystery"\) › category: must be one of: company, organization, /),
      'entries[2] › id: required',
    ]);
  });

  it('takes display names per language and says what is wrong with one', () => {
    const named = (names: unknown) =>
      pack({ entries: [{ id: 'nvidia', term: '輝達', names, category: 'company', context: 'c' }] });
    const ok = parsePackText(text(named({ 'zh-Hans': ' 英伟达 ', en: 'Nvidia' })));
    expect(ok.ok && ok.pack.entries[0]!.names).toEqual({ 'zh-Hans': '英伟达', en: 'Nvidia' });
    expect(errorsOf(parsePackText(text(named({}))))).toEqual([
      'entries[0] (id "nvidia") › names: needs a name in at least one of zh-Hant, zh-Hans, en',
    ]);
    expect(errorsOf(parsePackText(text(named({ en: 'N' }))))).toEqual([
      'entries[0] (id "nvidia") › names.en: must be at least 2 characters (one character would match almost everywhere)',
    ]);
  });

  it("takes a link's language as any language tag, and says what is wrong with one that is none", () => {
    const linked = (lang: unknown) =>
      pack({
        entries: [
          {
            id: 'nvidia',
            term: '輝達',
            category: 'company',
            context: 'c',
            links: [{ title: 'W', url: 'https://w.example/', lang }],
          },
        ],
      });
    for (const lang of ['en', 'zh-Hant', 'zh-TW', 'zh_CN', 'ja', 'de-CH-1996']) {
      const ok = parsePackText(text(linked(lang)));
      expect(ok.ok && ok.pack.entries[0]!.links?.[0]?.lang).toBe(lang);
    }
    // Words, not tags: each would show the link to every reader.
    for (const word of ['Chinese', 'english', 'Hant', 'zhTW', 'Taiwan']) {
      expect(errorsOf(parsePackText(text(linked(word))))).toEqual([
        'entries[0] (id "nvidia") › links[0].lang: must be a language tag, e.g. "en", "zh-Hant" or "zh-TW"',
      ]);
    }
    expect(errorsOf(parsePackText(text(linked('Traditional Chinese'))))).toEqual([
      'entries[0] (id "nvidia") › links[0].lang: must be a language tag, e.g. "en", "zh-Hant" or "zh-TW"',
    ]);
    expect(errorsOf(parsePackText(text(linked(`zh-${'x'.repeat(40)}`))))).toEqual([
      'entries[0] (id "nvidia") › links[0].lang: must be at most 35 characters',
    ]);
  });

  it('takes pack titles per language, at least one when given', () => {
    const ok = parsePackText(text(pack({ titles: { 'zh-Hant': '測試詞庫' } })));
    expect(ok.ok && ok.pack.titles).toEqual({ 'zh-Hant': '測試詞庫' });
    expect(errorsOf(parsePackText(text(pack({ titles: { fr: 'Essai' } }))))).toEqual([
      'titles: needs a title in at least one of zh-Hant, zh-Hans, en',
    ]);
  });

  it('takes pack descriptions per language, none of them empty or too long', () => {
    const ok = parsePackText(text(pack({ descriptions: { 'zh-Hans': '测试用的词库。' } })));
    expect(ok.ok && ok.pack.descriptions).toEqual({ 'zh-Hans': '测试用的词库。' });
    expect(errorsOf(parsePackText(text(pack({ descriptions: { fr: 'Un essai' } }))))).toEqual([
      'descriptions: needs a description in at least one of zh-Hant, zh-Hans, en',
    ]);
    expect(errorsOf(parsePackText(text(pack({ descriptions: { en: ' ' } }))))).toHaveLength(1);
    expect(errorsOf(parsePackText(text(pack({ descriptions: { en: 'x'.repeat(2_001) } }))))).toHaveLength(1);
  });

  it('takes section titles per language only for sections the source lists', () => {
    const source = (sectionNames: unknown) => ({
      title: 'A column',
      author: 'Someone',
      sections: ['Intro'],
      sectionNames,
    });
    const ok = parsePackText(text(pack({ source: source({ Intro: { en: 'Introduction' } }) })));
    expect(ok.ok && ok.pack.source.sectionNames).toEqual({ Intro: { en: 'Introduction' } });
    expect(errorsOf(parsePackText(text(pack({ source: source({ Outro: { en: 'Conclusion' } }) }))))).toEqual([
      'source.sectionNames.Outro: "Outro" is not one of source.sections',
    ]);
    expect(errorsOf(parsePackText(text(pack({ source: source({ Intro: {} }) }))))).toEqual([
      'source.sectionNames.Intro: needs a title in at least one of zh-Hant, zh-Hans, en',
    ]);
  });

  it('reports missing fields as required', () => {
    const errors = errorsOf(parsePackText(text(pack({ source: { author: 'A' }, title: undefined }))));
    expect(errors).toEqual(['title: required', 'source.title: required']);
    const noContext = pack({ entries: [{ id: 'a', term: 'ab', category: 'concept' }] });
    expect(errorsOf(parsePackText(text(noContext)))).toEqual(['entries[0] (id "a") › context: required']);
  });

  it('reports wrong types with what was expected and what was found', () => {
    const errors = errorsOf(
      parsePackText(
        text(
          pack({
            schemaVersion: '1',
            entries: [
              { id: 'a', term: 'ab', aliases: 'ab', category: 'concept', context: 'c', weight: 2, mentions: 1.5 },
              {
                id: 'b',
                term: 'cd',
                aliases: [5],
                category: 'concept',
                context: 7,
                links: [{ title: 't', url: 'javascript:alert(1)' }],
              },
            ],
          }),
        ),
      ),
    );
    expect(errors).toEqual([
      'schemaVersion: must be 1 (the only pack format this version reads)',
      'entries[0] (id "a") › aliases: must be an array (got string)',
      'entries[0] (id "a") › weight: must be at most 1',
      'entries[0] (id "a") › mentions: must be a whole number',
      'entries[1] (id "b") › aliases[0]: must be a string or an object (got number)',
      'entries[1] (id "b") › context: must be a string or an object (got number)',
      'entries[1] (id "b") › links[0].url: must be an http(s) URL',
    ]);
  });

  it('refuses a top level that is not an object', () => {
    expect(errorsOf(parsePackText('[]'))).toEqual(['pack: must be an object (got array)']);
    expect(errorsOf(parsePackText('null'))).toEqual(['pack: must be an object (got null)']);
  });

  it('explains cross-entry problems: duplicate ids, unknown related ids, unknown sections', () => {
    const entries = [
      { id: 'a', term: 'ab', category: 'concept', context: 'c', related: ['zz'] },
      { id: 'a', term: 'cd', category: 'concept', context: 'c', section: 'Outro' },
    ];
    expect(errorsOf(parsePackText(text(pack({ entries }))))).toEqual([
      'entries[1] (id "a") › id: duplicates the id of entries[0]',
      'entries[0] (id "a") › related[0]: refers to "zz", which is not an entry of this pack',
      'entries[1] (id "a") › section: "Outro" is not one of source.sections',
    ]);
  });

  it(`lists the first ${MAX_REPORTED_ERRORS} problems and counts the rest`, () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({ id: `e${i}`, term: 'ab', category: 'nope', context: 'c' }));
    const errors = errorsOf(parsePackText(text(pack({ entries }))));
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors[0]).toMatch(/^entries\[0\] \(id "e0"\) › category/);
    expect(errors.at(-1)).toBe('…and 10 more problems.');
  });
});

describe('parsePack (already-parsed values)', () => {
  it('validates like parsePackText', () => {
    expect(parsePack(pack()).ok).toBe(true);
    expect(errorsOf(parsePack(pack({ id: 'Not A Slug' })))[0]).toMatch(/^id: must be a lower-case slug/);
  });

  it('drops an own __proto__ property (as JSON.parse creates it) without changing prototypes', () => {
    const raw = JSON.parse(
      text(pack()).replace('"id":"test-pack"', '"id":"test-pack","__proto__":{"entries":[]}'),
    ) as object;
    expect(Object.hasOwn(raw, '__proto__')).toBe(true);
    const result = parsePack(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toHaveLength(1);
    expect(Object.getPrototypeOf(result.pack)).toBe(Object.prototype);
  });

  it('refuses deep values without recursion', () => {
    let deep: unknown[] = [];
    const root = pack({ extra: deep });
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    expect(errorsOf(parsePack(root))[0]).toMatch(/nested too deeply/);
  });

  it('refuses cycles and shared references, which JSON cannot express', () => {
    const cyclic = pack();
    cyclic.self = cyclic;
    expect(errorsOf(parsePack(cyclic))).toEqual([expect.stringMatching(/same object twice/)]);
    let node: unknown = 'leaf';
    for (let i = 0; i < 40; i++) node = [node, node]; // 2^40 paths if copied naively
    expect(errorsOf(parsePack(pack({ extra: node })))).toEqual([expect.stringMatching(/same object twice/)]);
  });
});

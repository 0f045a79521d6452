/**
 * Issue 7, "Hostile input", below the editor: names full of regex syntax reach the matcher
 * as plain text (it builds no regular expression from them, so nothing can throw or match
 * more than the literal name), and prototype-pollution keys anywhere in a pack or in the
 * stored layer are dropped without touching any prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePackText } from '../../../src/glossary/parse-pack';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { compileMatcher, fold } from '../../../src/matcher';
import { formValuesFrom, type FormValues } from '../../../src/options/entry-form-values';
import { validateForm } from '../../../src/options/entry-form-validate';
import { formContextFor } from '../../../src/options/form-context';
import { salvageUserLayer } from '../../../src/storage/salvage-user-layer';
import { emptyUserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1 } from '../glossary-store/fixtures';

const entryOf = (alias: string) => ({ id: 'e', term: 'Placeholder term', aliases: [alias] });
const found = (alias: string, text: string) =>
  compileMatcher([entryOf(alias)])
    .scan(text)
    .map((m) => text.slice(m.start, m.end));

/** [alias, text a regex reading of it would match, text that holds it literally] */
const META: [string, string, string][] = [
  ['a.*b', 'a and b', 'see a.*b here'],
  ['(x)+', 'xxx', 'see (x)+ here'],
  ['[', '', 'an open [ bracket'],
  ['\\', '', 'a back\\slash'],
  ['^$', '', 'anchors ^$ here'],
  ['a|b', 'a', 'either a|b or'],
  ['\\d{3}', '123', 'literally \\d{3} there'],
  ['[^a]', 'b', 'class [^a] here'],
  ['(?=x)', 'x', 'look (?=x) here'],
  ['$1', '', 'costs $1 only'],
  ['.', 'anything', 'a dot . alone'],
  ['*', '', 'a star * alone'],
  ['C++', 'CCC', 'we write C++ daily'],
  ['晶片.*', '晶片禁令', '晶片.*'],
];

describe('names made of regex syntax (compiled without the schema, which refuses one-character names)', () => {
  it.each(META)('%j is matched literally and never throws', (alias, regexOnly, literal) => {
    expect(() => compileMatcher([entryOf(alias)])).not.toThrow();
    expect(found(alias, regexOnly)).toEqual([]);
    expect(found(alias, literal)).toEqual([alias]);
  });

  it('any name from a syntax-heavy alphabet is found literally, once, between separators', () => {
    const alphabet = fc.constantFrom(...'.*+?()[]{}|^$\\/-:晶片aZ9'.split(''));
    const alias = fc.array(alphabet, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(alias, fc.constantFrom(' ', '。', '「'), (name, sep) => {
        const text = `x${sep}${name}${sep}y`;
        const matches = compileMatcher([entryOf(name)]).scan(text);
        expect(matches.map((m) => text.slice(m.start, m.end))).toEqual([name]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('names that are one character once invisible characters are dropped', () => {
  const pack = (alias: string) =>
    JSON.stringify({
      schemaVersion: 1,
      id: 'p',
      title: 'P',
      source: { title: 'T', author: 'A' },
      entries: [{ id: 'e', term: 'Term e', aliases: [alias], category: 'company', context: 'c' }],
    });
  // The matcher drops soft hyphens and zero-width characters, so "a" plus one of them would
  // highlight every word "a" of English text: the schema counts characters the same way.
  it.each(['a\u00ad', 'a\u200b', 'a\u2060', 'I\u200d', '\u200b\u200b', 'a \u200b', '\ud840\udc00'])(
    '%j is refused like any one-character name',
    (alias) => {
      const result = parsePackText(pack(alias));
      expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/aliases\[0\]: must be at least 2/)]);
    },
  );

  it.each(['ab\u00ad', 'a\u200bb', 'AI', '晶片', 'a b'])(
    '%j (two characters the matcher reads) is accepted',
    (alias) => {
      const result = parsePackText(pack(alias));
      expect(result.ok ? result.warnings : result.errors).toEqual([]);
    },
  );

  it('the editor refuses them in the field, with its own short-name message', () => {
    const merged = mergeGlossary(sourcePacks([bundledV1()], emptyUserLayer()), emptyUserLayer());
    const values: FormValues = {
      ...formValuesFrom(undefined, 'bundled'),
      term: 'Moonshot AI',
      aliases: 'Kimi\na\u200b',
      notes: { 'zh-Hant': '', 'zh-Hans': '', en: 'A note.' },
    };
    expect(validateForm(values, formContextFor(merged, 'bundled', undefined, 'en')).errors).toEqual([
      { field: 'aliases', key: 'editorErrorNameShort', subs: ['a\u200b'] },
    ]);
  });

  it('(the matcher does read "a" plus a soft hyphen as the word "a")', () => {
    expect(found('a\u00ad', 'I have a cat')).toEqual(['a']);
    expect(fold('a\u00ad')).toHaveLength(2);
  });
});

/** Where a key can hide in a pack file, as a JSON text replacement of `"id":"a"` or the like. */
const LOCATIONS: [string, string, string][] = [
  ['the top level', '"schemaVersion":1', '"K":{"polluted":1},"schemaVersion":1'],
  ['source', '"author":"A"', '"author":"A","K":{"polluted":1}'],
  ['an entry', '"id":"a"', '"id":"a","K":{"polluted":1}'],
  ['an alias object', '"text":"Alpha"', '"text":"Alpha","K":{"polluted":1}'],
  ['a context object', '"en":"Note"', '"en":"Note","K":{"polluted":1}'],
  ['a link', '"title":"Home"', '"title":"Home","K":{"polluted":1}'],
  ['an unknown field', '"extra":{}', '"extra":{"K":{"polluted":1}}'],
];
const KEYS = ['__proto__', 'constructor', 'prototype'];
const BASE = JSON.stringify({
  schemaVersion: 1,
  id: 'p',
  title: 'P',
  source: { title: 'T', author: 'A' },
  extra: {},
  entries: [
    {
      id: 'a',
      term: 'Term a',
      aliases: [{ text: 'Alpha' }],
      category: 'company',
      context: { en: 'Note' },
      links: [{ title: 'Home', url: 'https://example.com/' }],
    },
  ],
});

describe('prototype-pollution keys', () => {
  const cases = LOCATIONS.flatMap(([where, from, to]) => KEYS.map((key) => [key, where, from, to] as const));
  it.each(cases)('%s in %s is dropped with a warning, and no prototype changes', (key, _, from, to) => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const text = BASE.replace(from, to.replace('K', key));
    expect(text).not.toBe(BASE);
    const result = parsePackText(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.warnings).toEqual([expect.stringContaining(`Ignored the key "${key}"`)]);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    const objects = [result.pack, result.pack.source, result.pack.entries[0], result.pack.entries[0]!.aliases[0]];
    for (const o of objects) expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(JSON.stringify(result.pack)).not.toContain('polluted');
  });

  it('in the stored layer, they change neither prototypes nor the glossary', () => {
    const bundled = parsePackText(BASE);
    if (!bundled.ok) throw new Error('base pack');
    const raw = JSON.parse(
      '{"__proto__":{"polluted":1},"overlays":[{"packId":"p","__proto__":{"enabled":false},' +
        '"edits":[{"id":"a","patch":{"__proto__":{"term":"Hacked"},"constructor":{"prototype":{"polluted":1}}}}]}],' +
        '"userPacks":[]}',
    );
    const { layer } = salvageUserLayer(raw);
    const merged = mergeGlossary(sourcePacks([bundled.pack], layer), layer);
    expect(merged.packs[0]?.entries.map((e) => e.entry.term)).toEqual(['Term a']);
    expect(({} as { polluted?: number; term?: string }).polluted).toBeUndefined();
    expect(({} as { term?: string }).term).toBeUndefined();
  });
});

// @vitest-environment jsdom
/**
 * Issue 7, "Hostile input": glossary pack files, imported through the real editor (the
 * options page running in jsdom on WXT's fake browser storage). Each bad file is refused
 * with a message that names the problem, and the reader's glossary (everything in storage)
 * is exactly as before. A valid file full of markup, script and prototype keys imports as
 * inert text. Existing narrower tests: tests/unit/glossary/parse-pack.test.ts,
 * tests/unit/options/hostile-imports.test.ts, tests/e2e/editor-import-export.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEditor } from '../../../src/options/editor-app';
import { chooseImportFile } from '../options/open-editor';

const MB = 1024 * 1024;
const entry = (id: string, fields: object = {}) => ({
  id,
  term: `Name ${id}`,
  category: 'company',
  context: 'c',
  ...fields,
});
const pack = (entries: unknown[], fields: object = {}) => ({
  schemaVersion: 1,
  id: 'hostile',
  title: 'Hostile',
  source: { title: 'T', author: 'A' },
  entries,
  ...fields,
});
const json = (value: unknown) => JSON.stringify(value);
const withLink = (url: string) => json(pack([entry('a', { links: [{ title: 'x', url }] })]));

/** [what, file text, what the message must say] */
const REFUSED: [string, string, RegExp][] = [
  ['text that is not JSON', '{"schemaVersion": 1,', /is not JSON/],
  ['an HTML page', '<html><script>alert(1)</script></html>', /is not JSON/],
  ['an empty file', '', /is empty/],
  ['a top level that is an array', '[]', /pack: must be an object \(got array\)/],
  ['a top level that is a string', '"pack"', /pack: must be an object \(got string\)/],
  ['null', 'null', /pack: must be an object \(got null\)/],
  ['an empty object', '{}', /schemaVersion: (required|must be 1)/],
  ['a wrong schemaVersion type', json(pack([], { schemaVersion: '1' })), /schemaVersion: must be 1/],
  ['entries that are an object', json(pack([], { entries: {} })), /entries: must be an array \(got object\)/],
  ['a term that is a number', json(pack([entry('a', { term: 42 })])), /entries\[0\].*term: must be a string/],
  ['an entry without context', json(pack([{ id: 'a', term: 'ab', category: 'company' }])), /context: required/],
  ['an unknown category', json(pack([entry('a', { category: 'spy' })])), /category: must be one of/],
  ['an empty alias', json(pack([entry('a', { aliases: [''] })])), /aliases\[0\]: must be at least 2 characters/],
  ['a blank alias', json(pack([entry('a', { aliases: ['   '] })])), /aliases\[0\]: must be at least 2 characters/],
  ['a one-letter alias', json(pack([entry('a', { aliases: ['X'] })])), /aliases\[0\]: must be at least 2/],
  ['a one-character Chinese alias', json(pack([entry('a', { aliases: ['晶'] })])), /aliases\[0\]: must be at least 2/],
  ['a one-character astral alias', json(pack([entry('a', { aliases: ['𠀀'] })])), /aliases\[0\]: must be at least 2/],
  ['a control character in a term', json(pack([entry('a', { term: 'ab\u0000cd' })])), /control characters/],
  // JSON's escapes can write half of a character beyond the BMP; storage would turn it into U+FFFD.
  [
    'a lone surrogate in an alias',
    json(pack([entry('a', { aliases: ['AB'] })])).replace('"AB"', '"A\\ud842B"'),
    /aliases\[0\]: must not contain half of a character/,
  ],
  ['a one-letter display name', json(pack([entry('a', { names: { en: 'X' } })])), /names\.en: must be at least 2/],
  ['display names in no reader language', json(pack([entry('a', { names: { fr: 'Essai' } })])), /names: needs a name/],
  [
    'a title for a section the source does not list',
    json(pack([], { source: { title: 'T', author: 'A', sections: ['One'], sectionNames: { Two: { en: 'Two' } } } })),
    /source\.sectionNames\.Two: "Two" is not one of source\.sections/,
  ],
  ['a javascript: link', withLink('javascript:alert(1)'), /links\[0\]\.url: must be an http\(s\) URL/],
  ['an upper-case JAVASCRIPT: link', withLink('JAVASCRIPT:alert(1)'), /links\[0\]\.url: must be an http\(s\) URL/],
  ['a javascript: link behind a space', withLink(' javascript:alert(1)'), /links\[0\]\.url: must be an http\(s\) URL/],
  ['a javascript: link split by a tab', withLink('java\tscript:alert(1)'), /links\[0\]\.url: must be an http\(s\) URL/],
  ['a data: link', withLink('data:text/html,<script>alert(1)</script>'), /links\[0\]\.url: must be an http/],
  ['a vbscript: link', withLink('vbscript:msgbox(1)'), /links\[0\]\.url: must be an http\(s\) URL/],
  ['a file: link', withLink('file:///etc/passwd'), /links\[0\]\.url: must be an http\(s\) URL/],
  ['a protocol-relative link', withLink('//evil.example/x'), /links\[0\]\.url: must be an http\(s\) URL/],
  [
    'a javascript: source URL',
    json(pack([], { source: { title: 'T', author: 'A', url: 'javascript:alert(1)' } })),
    /source\.url: must be an http\(s\) URL/,
  ],
  ['a data: source URL', json(pack([], { source: { title: 'T', author: 'A', url: 'data:,x' } })), /source\.url/],
  ['duplicate entry ids', json(pack([entry('a'), entry('a')])), /duplicates the id of entries\[0\]/],
  ['deeply nested JSON', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /nested too deeply/],
  [
    'deep nesting inside a valid pack',
    json(pack([entry('a')], { extra: JSON.parse(`${'['.repeat(80)}${']'.repeat(80)}`) })),
    /nested too deeply/,
  ],
  [
    '50,000 entries',
    json(
      pack(Array.from({ length: 50_000 }, (_, i) => ({ id: `e${i}`, term: 'ab', category: 'company', context: 'c' }))),
    ),
    /entries: must have at most 10,000 entries/,
  ],
  ['a 20 MB file', json(pack([entry('a')], { padding: 'x'.repeat(20 * MB) })), /is 20\.0 MB; files over 5 MB/],
];

const root = document.createElement('div');
const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Chooses `text` as a file in the editor's import control; resolves once the editor answered. */
async function choose(text: string, name = 'pack.json'): Promise<void> {
  chooseImportFile(text, name);
  await until(() => byTestId('import-error').textContent !== '' || !byTestId('import-preview').hidden, 'an answer');
}

async function confirmImport(): Promise<void> {
  byTestId('import-confirm').click();
  await until(() => byTestId('import-preview').hidden, 'the import to finish');
}

/** Entries of the bundled pack, which the editor shows beside the reader's own. */
const BUNDLED = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../glossary/ai-rush-china.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

/** Everything the extension keeps, both storage areas. */
async function stored(): Promise<unknown> {
  return { local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) };
}

/** Elements the page would execute or load from; glossary text must never create any. */
const ACTIVE = 'script, img, iframe, object, embed, svg, [onerror], [onclick], [onload], a[href^="javascript" i]';

beforeEach(async () => {
  fakeBrowser.reset();
  document.body.replaceChildren(root);
  await startEditor(document, root, 'en');
  // The reader's own glossary: one imported pack, so "nothing lost" has something to lose.
  await choose(json({ ...pack([entry('mine', { term: 'My own name' })]), id: 'mine', title: 'Mine' }));
  await confirmImport();
  expect(byTestId('editor-summary').textContent).toMatch(new RegExp(`^${BUNDLED + 1} entries in 2 active packs`));
});

describe('a hostile pack file chosen in the editor', () => {
  it.each(REFUSED)('is refused with a message naming the problem, changing nothing: %s', async (_, text, says) => {
    const before = await stored();
    const summary = byTestId('editor-summary').textContent;
    await choose(text, 'hostile <img src=x onerror=alert(1)>.json');
    const error = byTestId('import-error');
    expect(error.textContent).toMatch(says);
    // The file name is shown as text too.
    expect(error.textContent).toContain('hostile <img src=x onerror=alert(1)>.json');
    expect(byTestId('import-preview').hidden).toBe(true);
    expect(document.querySelectorAll(ACTIVE)).toHaveLength(0);
    expect(await stored()).toEqual(before);
    expect(byTestId('editor-summary').textContent).toBe(summary);
  });
});

describe('a valid pack file full of markup, script, regex syntax and prototype keys', () => {
  const script = '<script>globalThis.ran = 1</script>';
  const img = '<img src=x onerror="globalThis.ran = 1">';
  const hostileEntry = {
    id: 'hostile-entry',
    term: `${img}Term`,
    aliases: [script, { text: 'a.*b (x)+ [ \\', note: img }],
    category: 'concept',
    context: { en: img, 'zh-Hant': script, 'zh-Hans': `<b>粗</b>` },
    section: script,
    exclude: [img],
    links: [{ title: img, url: 'https://example.com/?q=<script>' }],
    __proto__: { polluted: 'entry' },
    constructor: { prototype: { polluted: 'entry' } },
  };
  const text = json(
    pack([hostileEntry], {
      title: `${script} pack`,
      description: img,
      source: { title: img, author: script, sections: [script] },
    }),
  ).replace('"schemaVersion":1', '"__proto__":{"polluted":"top"},"schemaVersion":1');

  it('is previewed and imported as text: no element made from it, no prototype changed', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const before = await stored();
    await choose(text);
    const preview = byTestId('import-preview');
    expect(preview.hidden).toBe(false);
    expect(preview.textContent).toContain(`“${script} pack” is a new pack.`);
    expect(preview.textContent).toContain(`${img}Term`);
    expect(preview.textContent).toMatch(/Ignored the key "__proto__" at the top level/);
    expect(document.querySelectorAll(ACTIVE)).toHaveLength(0);
    expect(await stored()).toEqual(before); // nothing is stored before the reader confirms
    await confirmImport();
    expect(byTestId('editor-summary').textContent).toMatch(new RegExp(`^${BUNDLED + 2} entries in 3 active packs`));
    expect(root.textContent).toContain(`Remove “${script} pack”`);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Next page')!.click();
    const terms = [...root.querySelectorAll('[data-testid="entry-row"] .entry-name')].map((e) => e.textContent);
    expect(terms).toContain(`${img}Term`);
    expect(document.querySelectorAll(ACTIVE)).toHaveLength(0);
    expect((globalThis as { ran?: number }).ran).toBeUndefined();
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
  });

  it('is dropped again on Cancel, with storage as it was', async () => {
    const before = await stored();
    await choose(text);
    byTestId('import-cancel').click();
    expect(byTestId('import-preview').hidden).toBe(true);
    expect(await stored()).toEqual(before);
  });
});

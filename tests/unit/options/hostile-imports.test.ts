/**
 * Hostile pack files through the editor's import path (issue 7): each is refused with a
 * message naming the problem, or, when it is a valid pack, imported as inert data. Either
 * way nothing is executed and the current glossary is untouched until the reader confirms.
 */
import { describe, expect, it } from 'vitest';
import { inEnglish, type PackText } from '../../../src/glossary/pack-text';
import { compileGlossary } from '../../../src/glossary-store/compile';
import { readCompiledGlossary } from '../../../src/glossary-store/compiled-cache';
import { planImport } from '../../../src/glossary-store/import-plan';
import { readPackFile, type PackFileResult } from '../../../src/options/read-pack-file';
import { emptyUserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1 } from '../glossary-store/fixtures';

const fileOf = (text: string) => new File([text], 'hostile.json');
const read = (value: unknown) => readPackFile(fileOf(typeof value === 'string' ? value : JSON.stringify(value)));

function basePack(entries: unknown[]) {
  return { schemaVersion: 1, id: 'hostile', title: 'Hostile', source: { title: 'T', author: 'A' }, entries };
}
const okEntry = (id: string, fields: object = {}) => ({
  id,
  term: `Name ${id}`,
  aliases: [],
  category: 'company',
  context: { en: 'Note.' },
  ...fields,
});

function refusal(result: PackFileResult): string {
  if (result.ok) throw new Error('expected the file to be refused');
  const written = (s: PackText | string | number) => (typeof s === 'object' ? inEnglish(s) : String(s));
  return [result.subs.map(written).join(' '), ...result.details.map(inEnglish)].join('\n');
}

describe('hostile pack files', () => {
  it('refuses wrong types and missing fields, naming entry and field', async () => {
    const message = refusal(await read(basePack([okEntry('a'), { id: 'b', term: 42, category: 'company' }])));
    expect(message).toMatch(/entries\[1\]/);
    expect(message).toMatch(/term/);
    expect(message).toMatch(/context/);
  });

  it('refuses 50,000 entries with the limit in the message', async () => {
    const many = Array.from({ length: 50_000 }, (_, i) => okEntry(`e${i}`));
    expect(refusal(await read(basePack(many)))).toMatch(/10,000/);
  });

  it('refuses a 20 MB file from its size alone', async () => {
    const result = await readPackFile({
      name: 'big.json',
      size: 20 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error('read')),
    });
    expect(result).toMatchObject({ ok: false, key: 'editorImportTooLarge' });
  });

  it('refuses deeply nested JSON without overflowing the stack', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(refusal(await read(deep))).toMatch(/nested too deeply/);
  });

  it('refuses empty and one-character aliases', async () => {
    expect(refusal(await read(basePack([okEntry('a', { aliases: [''] })])))).toMatch(/aliases/);
    expect(refusal(await read(basePack([okEntry('a', { aliases: ['X'] })])))).toMatch(/at least 2 characters/);
  });

  it('refuses javascript: and data: links', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      expect(refusal(await read(basePack([okEntry('a', { links: [{ title: 'x', url }] })])))).toMatch(/http\(s\) URL/);
    }
  });

  it('imports regex metacharacters and markup as plain data that compiles and matches literally', async () => {
    const markup = '<script>alert(1)</script>';
    const pack = basePack([
      okEntry('cpp', { term: 'C++ (.*)?', aliases: ['[a-z]+$', '\\d{3}'] }),
      okEntry('html', { term: markup, context: { en: markup, 'zh-Hant': '<img src=x onerror=alert(1)>' } }),
    ]);
    const result = await read(pack);
    if (!result.ok) throw new Error(refusal(result));
    const plan = planImport([bundledV1()], emptyUserLayer(), result.pack, 'merge');
    if (!plan.ok) throw new Error('plan failed');
    const compiled = structuredClone(compileGlossary([bundledV1()], plan.layer, 'v'));
    const glossary = readCompiledGlossary(compiled, (i) => compiled.shards[i]);
    const text = 'Compare C++ (.*)? with [a-z]+$ and ab.';
    const found = glossary?.matcher.scan(text).map((m) => text.slice(m.start, m.end));
    expect(found).toEqual(['C++ (.*)?', '[a-z]+$']);
    expect((await glossary?.loadEntry('html'))?.context).toEqual({
      en: markup,
      'zh-Hant': '<img src=x onerror=alert(1)>',
    });
  });

  it('drops __proto__ and constructor keys and pollutes nothing', async () => {
    const text = JSON.stringify(basePack([okEntry('a')])).replace(
      '"id":"a"',
      '"id":"a","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}',
    );
    const result = await read(text);
    expect(result.ok).toBe(true);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    if (result.ok) expect(Object.getPrototypeOf(result.pack.entries[0])).toBe(Object.prototype);
  });
});

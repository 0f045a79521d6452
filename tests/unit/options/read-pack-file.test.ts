import { describe, expect, it } from 'vitest';
import { inEnglish, type PackText } from '../../../src/glossary/pack-text';
import { readPackFile } from '../../../src/options/read-pack-file';
import { bundledV1, entry, pack as packOf } from '../glossary-store/fixtures';

const fileOf = (name: string, text: string) => new File([text], name);
/** A file of these bytes, as a reader's disk holds it. */
const bytesFile = (name: string, bytes: number[]) => new File([new Uint8Array(bytes)], name);

describe('readPackFile', () => {
  it('reads a valid pack', async () => {
    const result = await readPackFile(fileOf('good.json', JSON.stringify(bundledV1())));
    expect(result.ok && result.pack.entries.map((e) => e.id)).toEqual(['nvidia', 'huawei', 'deepseek']);
  });

  it('refuses a file over 5 MB from its size, without reading it', async () => {
    let read = false;
    const file = {
      name: 'big.json',
      size: 6 * 1024 * 1024,
      arrayBuffer: async () => ((read = true), new ArrayBuffer(0)),
    };
    expect(await readPackFile(file)).toEqual({
      ok: false,
      key: 'editorImportTooLarge',
      subs: ['big.json', '6.0', 5],
      details: [],
    });
    expect(read).toBe(false);
  });

  it('says an empty file is empty, whitespace and a byte-order mark alone included', async () => {
    for (const file of [
      fileOf('empty.json', ''),
      fileOf('blank.json', ' \n\t'),
      bytesFile('bom.json', [0xef, 0xbb, 0xbf]),
    ]) {
      expect(await readPackFile(file)).toEqual({ ok: false, key: 'editorImportEmpty', subs: [file.name], details: [] });
    }
  });

  it('tells "not JSON" from "not a valid pack", naming entry and field', async () => {
    const notJson = await readPackFile(fileOf('x.json', '{"schemaVersion": 1,'));
    expect(notJson).toMatchObject({ ok: false, key: 'editorImportNotJson' });
    // The parser's place and reason alone: the message itself says the file is not JSON.
    if (notJson.ok) return;
    expect(notJson.subs[0]).toBe('x.json');
    expect(inEnglish(notJson.subs[1] as PackText)).toBe('line 1, column 21: the file ends before its JSON does');
    const pack = bundledV1() as unknown as { entries: { term: string }[] };
    pack.entries[2]!.term = '';
    const invalid = await readPackFile(fileOf('y.json', JSON.stringify(pack)));
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.key).toBe('editorImportInvalid');
    expect(inEnglish(invalid.subs[1] as PackText)).toMatch(/entries\[2\].*deepseek.*term/);
  });

  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with one', async () => {
    const pack = bundledV1();
    pack.entries[0]!.term = '台積電';
    const json = JSON.stringify(pack);
    const utf8 = [...new TextEncoder().encode(json)];
    const utf16 = (bigEndian: boolean) =>
      [...json].flatMap((c) => {
        const code = c.charCodeAt(0);
        return bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8];
      });
    for (const bytes of [
      utf8,
      [0xef, 0xbb, 0xbf, ...utf8],
      [0xff, 0xfe, ...utf16(false)],
      [0xfe, 0xff, ...utf16(true)],
    ]) {
      const result = await readPackFile(bytesFile('pack.json', bytes));
      expect(result.ok && result.pack.entries[0]!.term).toBe('台積電');
    }
  });

  it('refuses a pack saved in Big5 or GBK, naming the encoding to use, instead of importing wrong characters', async () => {
    // An all-ASCII pack but for one name: 台積電 in Big5 and 台积电 in GBK, no valid UTF-8.
    const big5 = [0xa5, 0x78, 0xbf, 0x6e, 0xb9, 0x71];
    const gbk = [0xcc, 0xa8, 0xbb, 0xfd, 0xb5, 0xe7];
    const [before, after] = JSON.stringify(packOf('legacy', [entry('tsmc', { term: 'NAME' })])).split('NAME');
    const ascii = (text: string) => [...new TextEncoder().encode(text)];
    const withName = (name: number[]) => bytesFile('legacy.json', [...ascii(before!), ...name, ...ascii(after!)]);
    for (const name of [big5, gbk]) {
      expect(await readPackFile(withName(name))).toEqual({
        ok: false,
        key: 'editorImportNotUnicode',
        subs: ['legacy.json'],
        details: [],
      });
    }
    // The same file with the name in UTF-8 is a pack.
    const utf8 = await readPackFile(withName(ascii('台積電')));
    expect(utf8.ok && utf8.pack.entries[0]!.term).toBe('台積電');
  });

  it('drops prototype-pollution keys instead of copying them', async () => {
    const text = JSON.stringify(bundledV1()).replace(
      '"schemaVersion"',
      '"__proto__":{"polluted":true},"schemaVersion"',
    );
    const result = await readPackFile(fileOf('z.json', text));
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

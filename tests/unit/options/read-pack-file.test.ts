import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../../src/options/read-pack-file';
import { bundledV1 } from '../glossary-store/fixtures';

const fileOf = (name: string, text: string, size = new TextEncoder().encode(text).length) => ({
  name,
  size,
  text: async () => text,
});

describe('readPackFile', () => {
  it('reads a valid pack', async () => {
    const result = await readPackFile(fileOf('good.json', JSON.stringify(bundledV1())));
    expect(result.ok && result.pack.entries.map((e) => e.id)).toEqual(['nvidia', 'huawei', 'deepseek']);
  });

  it('refuses a file over 5 MB from its size, without reading it', async () => {
    let read = false;
    const file = { name: 'big.json', size: 6 * 1024 * 1024, text: async () => ((read = true), '') };
    expect(await readPackFile(file)).toEqual({
      ok: false,
      key: 'editorImportTooLarge',
      subs: ['big.json', '6.0', 5],
      details: [],
    });
    expect(read).toBe(false);
  });

  it('tells "not JSON" from "not a valid pack", naming entry and field', async () => {
    const notJson = await readPackFile(fileOf('x.json', '{"schemaVersion": 1,'));
    expect(notJson).toMatchObject({ ok: false, key: 'editorImportNotJson' });
    // The parser's reason alone: the message itself says the file is not JSON.
    if (notJson.ok) return;
    expect(notJson.subs).toEqual(['x.json', expect.stringMatching(/JSON/)]);
    expect(String(notJson.subs[1])).not.toMatch(/not JSON/i);
    const pack = bundledV1() as unknown as { entries: { term: string }[] };
    pack.entries[2]!.term = '';
    const invalid = await readPackFile(fileOf('y.json', JSON.stringify(pack)));
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.key).toBe('editorImportInvalid');
    expect(invalid.subs[1]).toMatch(/entries\[2\].*deepseek.*term/);
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

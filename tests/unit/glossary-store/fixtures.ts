/** Small packs for the glossary-store and storage tests, parsed by the real schema. */
import { packSchema, type Entry, type EntryInput, type Pack } from '../../../src/glossary/schema';

/** A minimal valid entry with the given id; `fields` override any field. */
export function entry(id: string, fields: Partial<EntryInput> = {}): Entry {
  return {
    id,
    term: `Term ${id}`,
    aliases: [`alias-of-${id}`],
    category: 'company',
    context: { en: `Note about ${id}.` },
    ...fields,
  } as Entry;
}

/** A valid pack (checked by packSchema, so a test cannot start from invalid data by accident). */
export function pack(id: string, entries: Entry[], sections: string[] = []): Pack {
  return packSchema.parse({
    schemaVersion: 1,
    id,
    title: `Pack ${id}`,
    source: { title: 'A column', author: 'An author', sections },
    entries,
  });
}

/** The bundled pack used by most tests: three companies, one related to another. */
export function bundledV1(): Pack {
  return pack('bundled', [
    entry('nvidia', { term: '輝達', aliases: ['英偉達', 'Nvidia'], related: ['huawei'] }),
    entry('huawei', { term: '華為', aliases: ['Huawei'] }),
    entry('deepseek', { term: '深度求索', aliases: ['DeepSeek'] }),
  ]);
}

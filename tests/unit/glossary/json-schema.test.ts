import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { generatePackJsonSchema, SCHEMA_PATH } from '../../tools/generate-json-schema';
import { entrySchema, packSchema } from '../../../src/glossary/schema';

describe('glossary/schema.json', () => {
  it('matches what the zod schema generates now (run `npm run schema` after changing it)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(generatePackJsonSchema());
  });

  it('describes every pack and entry field', () => {
    const schema = JSON.parse(generatePackJsonSchema()) as {
      properties: Record<string, { items?: { properties: Record<string, unknown> } }>;
    };
    // A field zod could not represent would silently vanish from the JSON Schema.
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(packSchema.shape).sort());
    expect(Object.keys(schema.properties.entries?.items?.properties ?? {}).sort()).toEqual(
      Object.keys(entrySchema.shape).sort(),
    );
  });
});

/**
 * Writes glossary/schema.json, the JSON Schema of the pack format, from the zod schema that
 * is its single source of truth (`npm run schema`). Packs point at it with
 * `"$schema": "./schema.json"` so editors can complete and check them.
 *
 * JSON Schema cannot express everything zod checks (trimming, "no control characters",
 * http(s)-only links, unique ids, related ids that exist): those refinements are left out
 * here and enforced when a pack is loaded. A unit test fails when this file's output and the
 * committed schema.json differ.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

import { packSchema } from '../../src/glossary/schema';

/** Where the generated schema lives, next to the packs that reference it. */
export const SCHEMA_PATH = fileURLToPath(new URL('../../glossary/schema.json', import.meta.url));

/** The pack JSON Schema as the text schema.json should contain. */
export function generatePackJsonSchema(): string {
  // `io: 'input'`: describe what an author writes (fields with defaults are optional), not
  // what the parser returns. Refinements have no JSON Schema form; 'any' skips them.
  const { $schema, ...schema } = z.toJSONSchema(packSchema, { io: 'input', unrepresentable: 'any' });
  const document = {
    $schema,
    title: 'ColumnLens glossary pack',
    description:
      'A glossary pack for the ColumnLens browser extension. Generated from src/glossary/schema.ts by `npm run schema`; documented in glossary/README.md.',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, generatePackJsonSchema());
  console.log(`Wrote ${SCHEMA_PATH}`);
}

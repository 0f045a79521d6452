/**
 * glossary/README.md is the format's public documentation: it must keep up with the schema.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

import { parsePackText } from '../../../src/glossary/parse-pack';
import { CATEGORIES, entrySchema, packSchema, sourceSchema } from '../../../src/glossary/schema';

const readme = readFileSync(resolve(import.meta.dirname, '../../../glossary/README.md'), 'utf8');

describe('glossary/README.md', () => {
  it('has a minimal example that is a valid pack', () => {
    const example = /```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const result = parsePackText(example ?? '');
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each([
    ['pack', Object.keys(packSchema.shape)],
    ['source', Object.keys(sourceSchema.shape)],
    ['entry', Object.keys(entrySchema.shape)],
  ])('documents every %s field in a table row', (_, fields) => {
    const undocumented = fields.filter((field) => !readme.includes(`| \`${field}\``));
    expect(undocumented).toEqual([]);
  });

  it('lists every category', () => {
    expect(CATEGORIES.filter((c) => !readme.includes(`\`${c}\``))).toEqual([]);
  });

  it('counts the bundled pack as it is: its entries, and those with `mentions` 0', () => {
    const pack = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../glossary/ai-rush-china.json'), 'utf8'),
    ) as {
      entries: { mentions?: number }[];
    };
    expect(/It has (\d+) entries/.exec(readme)?.[1]).toBe(String(pack.entries.length));
    expect(/Those (\d+) entries have `mentions` 0/.exec(readme)?.[1]).toBe(
      String(pack.entries.filter((e) => !e.mentions).length),
    );
  });
});

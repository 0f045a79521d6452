/**
 * The bundled pack (glossary/ai-rush-china.json), validated by the real parser and compiled
 * by the real matcher, as the highlighter sees it; plus every name it holds, for page text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { glossaryView } from '../../../../src/content/glossary-view';
import { parsePackText } from '../../../../src/glossary/parse-pack';
import { inMemoryGlossary } from '../../../../src/glossary-store/in-memory-glossary';
import type { RuntimeEntry } from '../../../../src/glossary-store/runtime-entry';

function loadBundled() {
  const text = readFileSync(resolve(import.meta.dirname, '../../../../glossary/ai-rush-china.json'), 'utf8');
  const parsed = parsePackText(text);
  if (!parsed.ok) throw new Error(`bundled pack is invalid: ${parsed.errors.join('; ')}`);
  const entries: RuntimeEntry[] = parsed.pack.entries.map((e) => ({ ...e, packId: parsed.pack.id }));
  return inMemoryGlossary(parsed.pack.version ?? 'test', entries);
}

export const GLOSSARY = loadBundled();
export const VIEW = glossaryView(GLOSSARY);
export const CATEGORIES = [...new Set(GLOSSARY.entries.map((e) => e.category))];

/** Every term and alias of the pack, in whatever script it is written. */
export const ALL_NAMES: string[] = GLOSSARY.entries.flatMap((e) => [
  e.term,
  ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text)),
]);

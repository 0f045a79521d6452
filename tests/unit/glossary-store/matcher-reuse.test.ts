/**
 * A compile whose entries' names and name rules are those of the last compile reuses its
 * matcher (a note's edit in a 10,000-entry glossary compiled the same matcher again, a third
 * of a second of every save); any change the matcher reads compiles it anew.
 */
import { describe, expect, it, vi } from 'vitest';
import { compileGlossary, type CompiledOutput } from '../../../src/glossary-store/compile';
import type { Entry, Pack } from '../../../src/glossary/schema';
import { bundledV1, entry, pack } from './fixtures';

const noLayer = { overlays: [], userPacks: [] };
const compile = (packs: Pack[]) => compileGlossary(packs, noLayer, 'v');

/** The pack of `bundledV1` with Nvidia's entry changed by `change`. */
function withNvidia(change: (nvidia: Entry) => Entry): Pack {
  const base = bundledV1();
  return pack(
    base.id,
    base.entries.map((e) => (e.id === 'nvidia' ? change(e) : e)),
  );
}

/** What a context that compiled nothing before compiles for `packs`. */
async function compiledAfresh(packs: Pack[]): Promise<CompiledOutput> {
  vi.resetModules();
  const fresh = await import('../../../src/glossary-store/compile');
  return fresh.compileGlossary(packs, noLayer, 'v');
}

describe('reusing the last matcher', () => {
  it('reuses it when only a note or a category changed, and still writes the changed details', () => {
    const before = compile([bundledV1()]);
    const noted = compile([withNvidia((e) => ({ ...e, context: { en: 'Another note.' }, category: 'concept' }))]);
    expect(noted.matcher).toBe(before.matcher);
    expect(noted.shards.map((s) => s.stamp)).not.toEqual(before.shards.map((s) => s.stamp));
    expect(noted.page.index).not.toEqual(before.page.index);
  });

  it.each<[string, (nvidia: Entry) => Entry]>([
    ['an alias added', (e) => ({ ...e, aliases: [...e.aliases, 'NVDA'] })],
    ['a name’s rule', (e) => ({ ...e, aliases: ['英偉達', { text: 'Nvidia', caseSensitive: true }] })],
    ['an everyday word', (e) => ({ ...e, aliases: ['英偉達', { text: 'Nvidia', generic: true }] })],
    ['the entry’s case rule', (e) => ({ ...e, caseSensitive: true })],
    ['an excluded phrase', (e) => ({ ...e, exclude: ['Nvidia Shield'] })],
    ['a display name', (e) => ({ ...e, names: { en: 'Nvidia Corporation' } })],
    ['the term', (e) => ({ ...e, term: '輝達公司' })],
  ])('compiles it anew for %s, as a context compiling it first would', async (_, change) => {
    const before = compile([bundledV1()]);
    const changed = [withNvidia(change)];
    const after = compile(changed);
    expect(after.matcher.stamp).not.toBe(before.matcher.stamp);
    expect(after.matcher).toEqual((await compiledAfresh(changed)).matcher);
  });

  it('compiles it anew when the entries come in another order (the matcher knows them by position)', async () => {
    const base = bundledV1();
    const before = compile([base]);
    const reordered = [pack(base.id, [...base.entries].reverse())];
    const after = compile(reordered);
    expect(after.matcher.stamp).not.toBe(before.matcher.stamp);
    expect(after.matcher).toEqual((await compiledAfresh(reordered)).matcher);
  });

  it('compiles it anew when an entry is added with a name of its own', () => {
    const before = compile([bundledV1()]);
    const base = bundledV1();
    const after = compile([pack(base.id, [...base.entries, entry('alibaba', { term: '阿里巴巴', aliases: [] })])]);
    expect(after.matcher.stamp).not.toBe(before.matcher.stamp);
  });
});

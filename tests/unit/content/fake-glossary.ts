/**
 * An active glossary over the fake scanner (fake-scanner.ts), for controller tests: every
 * entry with a short note, and `scans()` counting the texts its matcher was asked to scan.
 */
import type { ActiveGlossary, RuntimeEntry } from '../../../src/glossary-store/active-glossary';
import { inMemoryGlossary } from '../../../src/glossary-store/in-memory-glossary';
import { ENTRIES, fakeScanner, type FakeEntry } from './fake-scanner';

export function fakeGlossary(
  version: string,
  entries: readonly FakeEntry[] = ENTRIES,
): ActiveGlossary & { scans(): number } {
  const scanner = fakeScanner(entries);
  const runtime = entries.map((e) => ({
    id: e.id,
    term: e.names[0]!,
    aliases: e.names.slice(1),
    category: e.category,
    context: 'note',
    packId: 'test',
  })) as unknown as RuntimeEntry[];
  const active = inMemoryGlossary(version, runtime, {
    entryIds: entries.map((e) => e.id),
    scan: (t: string) => [...scanner.scan(t)],
    serialize: () => ({}) as never,
    loose: () => {
      const loose = fakeScanner(entries, true);
      return { scan: (t: string) => [...loose.scan(t)] };
    },
  });
  return Object.assign(active, { scans: () => scanner.calls });
}

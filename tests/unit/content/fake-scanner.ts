/**
 * A tiny stand-in for the matcher, so the DOM layer is tested on its own: exact names,
 * leftmost-longest, non-overlapping, with word boundaries for names that start and end
 * with a Latin letter or digit (as the real matcher does).
 */
import type { ScanMatch, TextScanner } from '../../../src/content/chunked-scan';
import type { GlossaryView } from '../../../src/content/reader';

export interface FakeEntry {
  id: string;
  category: string;
  names: string[];
}

const WORD = /[A-Za-z0-9]/;

/** `loose`: names match inside words too, like the loose scanner (src/matcher/loose.ts). */
export function fakeScanner(entries: readonly FakeEntry[], loose = false): TextScanner & { calls: number } {
  const names = entries.flatMap((e, entry) => e.names.map((name) => ({ name, entry })));
  const scanner = {
    calls: 0,
    scan(text: string, from = 0): ScanMatch[] {
      scanner.calls++;
      const out: ScanMatch[] = [];
      for (let i = from; i < text.length;) {
        let best: ScanMatch | undefined;
        for (const { name, entry } of names) {
          if (!text.startsWith(name, i)) continue;
          const end = i + name.length;
          const wordy = WORD.test(name[0]!) && WORD.test(name[name.length - 1]!);
          if (!loose && wordy && (WORD.test(text[i - 1] ?? '') || WORD.test(text[end] ?? ''))) continue;
          if (!best || end > best.end) best = { start: i, end, entry };
        }
        if (best) {
          out.push(best);
          i = best.end;
        } else i++;
      }
      return out;
    },
  };
  return scanner;
}

/** The test glossary: names in the three scripts, a cross-element name, a case-sensitive one. */
export const ENTRIES: FakeEntry[] = [
  { id: 'nvidia', category: 'company', names: ['輝達', '英偉達', '英伟达', 'Nvidia'] },
  { id: 'moonshot-ai', category: 'company', names: ['月之暗面', 'Moonshot AI'] },
  { id: 'baichuan', category: 'company', names: ['百川智能'] },
  { id: 'arm-holdings', category: 'company', names: ['Arm'] },
  { id: 'llm', category: 'technology', names: ['大語言模型', '大语言模型', 'LLM'] },
  { id: 'export-controls', category: 'policy', names: ['出口管制', 'export controls'] },
];

export function fakeView(
  entries: readonly FakeEntry[] = ENTRIES,
): GlossaryView & { scanner: ReturnType<typeof fakeScanner> } {
  const names = entries.flatMap((e) => e.names);
  return {
    scanner: fakeScanner(entries),
    entryIds: entries.map((e) => e.id),
    categories: entries.map((e) => e.category),
    maxMatchLength: Math.max(...names.map((n) => n.length)),
    minMatchLength: Math.min(...names.map((n) => n.length)),
  };
}

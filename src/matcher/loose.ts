/**
 * The loose pattern set: every alias with its case rule and nothing else. A loose scan finds
 * every place where the strict one could find a name, whatever text surrounds it, and more:
 * no word boundaries, no plural rule, no exclusions. "No match in the loose scan" therefore
 * proves "no name here", even for text read with its block boundaries lost (a whole subtree's
 * `textContent`, where "Home" in one list item runs straight into "AI chip" in the next).
 *
 * It is derived from a compiled automaton rather than from the entries, because a content
 * script holds only the compiled form. Latin names that must start a word carry the
 * word-start marker in front (see `withWordStarts`); dropped here, so they are found inside a
 * word too. Markers inside a key stay: the scanner feeds them at the same places in any text.
 */
import type { AutomatonData } from './automaton';
import { Flag, patternSet, WORD_START, type PatternSet, type Variant, type VariantTable } from './patterns';

/** The loose keys and their variants (only the case rule kept) of a compiled pattern set. */
export function loosePatterns(automaton: AutomatonData, variants: VariantTable): PatternSet {
  const { alphabet, label, childStart, term } = automaton;
  const parent = new Int32Array(label.length);
  for (let s = 0; s < label.length; s++) for (let c = childStart[s]!; c < childStart[s + 1]!; c++) parent[c] = s;

  const byKey = new Map<string, Variant[]>();
  const units: string[] = [];
  for (let s = 1; s < term.length; s++) {
    const pattern = term[s]! - 1;
    if (pattern < 0) continue;
    units.length = 0;
    for (let t = s; t !== 0; t = parent[t]!) units.push(alphabet[label[t]! - 1]!);
    if (units[units.length - 1] === WORD_START) units.pop();
    const key = units.reverse().join('');
    const list = byKey.get(key) ?? [];
    for (let v = variants.variantStart[pattern]!; v < variants.variantStart[pattern + 1]!; v++) {
      const flags = variants.variantFlags[v]!;
      // An excluded phrase only ever removes matches; the loose scan keeps them all.
      if (flags & Flag.Exclude) continue;
      list.push({
        entry: variants.variantEntry[v]!,
        flags: flags & Flag.CaseSensitive,
        text: variants.variantText[v]!,
      });
    }
    if (list.length > 0) byKey.set(key, list);
  }

  return patternSet(byKey);
}

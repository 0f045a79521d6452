/**
 * A pack as the reader currently has it (the pack's entries with every edit applied), in
 * the pack file format, so that importing the file back changes nothing.
 */
import type { Pack } from '../glossary/schema';
import type { MergedPack } from './merge';

/** The merged pack as a pack object; links to entries that are gone are dropped so the file validates. */
export function exportPack(merged: MergedPack): Pack {
  const entries = merged.entries.map((e) => e.entry);
  const ids = new Set(entries.map((e) => e.id));
  const sections = new Set(merged.pack.source.sections);
  return {
    ...merged.pack,
    entries: entries.map((entry) => {
      const copy = { ...entry };
      if (copy.related) {
        const related = copy.related.filter((id) => ids.has(id) && id !== entry.id);
        if (related.length > 0) copy.related = related;
        else delete copy.related;
      }
      if (copy.section !== undefined && sections.size > 0 && !sections.has(copy.section)) delete copy.section;
      return copy;
    }),
  };
}

/** The file name for an exported pack, e.g. `ai-rush-china.columnlens.json`. */
export function exportFileName(pack: Pack): string {
  return `${pack.id}.columnlens.json`;
}

/** The file text: stable, indented JSON a person can read and diff. */
export function packFileText(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

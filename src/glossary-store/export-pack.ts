/**
 * A pack as the reader currently has it (the pack's entries with every edit applied), in
 * the pack file format, so that importing the file back changes nothing.
 */
import { MAX_PACK_BYTES, utf8Length } from '../glossary/parse-pack';
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

/**
 * The file text: stable, indented JSON a person can read and diff. A pack whose indented text
 * would be over the import's limit (a large pack: indenting adds a fifth) is written one entry
 * a line, so that the file the editor exports is one it imports back.
 */
export function packFileText(pack: Pack): string {
  const indented = `${JSON.stringify(pack, null, 2)}\n`;
  if (utf8Length(indented) <= MAX_PACK_BYTES) return indented;
  const { entries, ...rest } = pack;
  const head = JSON.stringify(rest, null, 2).slice(0, -2); // all but the closing "\n}"
  const lines = entries.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n');
  return `${head},\n  "entries": [\n${lines}\n  ]\n}\n`;
}

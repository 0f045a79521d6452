/**
 * Merging the reader's layer over the packs. Pure: no storage, no DOM.
 *
 * Order of precedence: bundled packs (file-name order), then imported packs (import order).
 * When two active packs have an entry with the same id, the first pack's entry is used and
 * the other is reported, so ids stay unique in the runtime glossary.
 */
import { readerNames } from '../glossary/entry-names';
import { entrySchema, type Entry, type Pack } from '../glossary/schema';
import type { PackOverlay, UserLayer } from '../storage/user-layer-schema';
import { applyPatch } from './entry-patch';
import type { RuntimeEntry } from './runtime-entry';

export type PackOrigin = 'bundled' | 'imported';
export interface SourcePack {
  pack: Pack;
  origin: PackOrigin;
}

/** `original`: as in the pack; `edited`: the reader changed fields; `added`: the reader created it. */
export type EntryState = 'original' | 'edited' | 'added';
export interface MergedEntry {
  entry: Entry;
  packId: string;
  state: EntryState;
  /** The pack's own version of the entry (absent for added entries): what "reset" restores. */
  base?: Entry;
}
export interface MergedPack {
  pack: Pack;
  origin: PackOrigin;
  enabled: boolean;
  entries: MergedEntry[];
  /** Pack entries the reader deleted (they can be restored). */
  removed: Entry[];
}
/**
 * A change of the reader's that does not apply at the moment (kept in storage all the same),
 * or an entry hidden by another with its id. By kind, so the editor can say it in the reader's
 * language; `detail` is the schema's own (English) reason.
 */
export type MergeProblem =
  | { kind: 'edit-invalid'; packId: string; entryId: string; detail: string }
  | { kind: 'entry-gone'; packId: string; entryId: string }
  | { kind: 'pack-missing'; packId: string }
  | { kind: 'shadowed'; packId: string; entryId: string; by: string };
export interface MergedGlossary {
  packs: MergedPack[];
  problems: MergeProblem[];
}

/** Bundled packs first, then the reader's imported packs (an import cannot shadow a bundled id). */
export function sourcePacks(bundled: readonly Pack[], layer: UserLayer): SourcePack[] {
  const ids = new Set(bundled.map((p) => p.id));
  const imported = layer.userPacks.filter((p) => !ids.has(p.id));
  return [
    ...bundled.map((pack) => ({ pack, origin: 'bundled' as const })),
    ...imported.map((pack) => ({ pack, origin: 'imported' as const })),
  ];
}

/** The overlay for a pack, or an empty one. */
export function overlayFor(layer: UserLayer, packId: string): PackOverlay {
  return (
    layer.overlays.find((o) => o.packId === packId) ?? { packId, enabled: true, added: [], edits: [], removed: [] }
  );
}

function mergePack(source: SourcePack, overlay: PackOverlay, problems: MergeProblem[]): MergedPack {
  const packId = source.pack.id;
  const edits = new Map(overlay.edits.map((e) => [e.id, e.patch]));
  const removedIds = new Set(overlay.removed);
  const added = new Map(overlay.added.map((e) => [e.id, e]));
  const entries: MergedEntry[] = [];
  const removed: Entry[] = [];
  for (const base of source.pack.entries) {
    if (removedIds.has(base.id)) {
      removed.push(base);
      continue;
    }
    // An entry the reader added before the pack gained the same id: the reader's one wins.
    const own = added.get(base.id);
    if (own) {
      entries.push({ entry: own, packId, state: 'edited', base });
      added.delete(base.id);
      continue;
    }
    const patch = edits.get(base.id);
    if (!patch) {
      entries.push({ entry: base, packId, state: 'original', base });
      continue;
    }
    const result = entrySchema.safeParse(applyPatch(base, patch));
    if (result.success) {
      entries.push({ entry: result.data, packId, state: 'edited', base });
    } else {
      // Kept in storage (a later pack version may make it valid again), shown as a problem.
      problems.push({
        kind: 'edit-invalid',
        packId,
        entryId: base.id,
        detail: result.error.issues[0]?.message ?? '',
      });
      entries.push({ entry: base, packId, state: 'original', base });
    }
  }
  for (const entry of added.values()) entries.push({ entry, packId, state: 'added' });
  const baseIds = new Set(source.pack.entries.map((e) => e.id));
  for (const id of edits.keys()) {
    if (!baseIds.has(id)) problems.push({ kind: 'entry-gone', packId, entryId: id });
  }
  return {
    pack: source.pack,
    origin: source.origin,
    enabled: overlay.enabled,
    entries: withoutDanglingLinks(entries),
    removed,
  };
}

/**
 * Drops `related` links to entries the pack no longer has (the reader deleted them), so the
 * merged pack is itself a valid pack: it exports as one and imports back unchanged.
 */
function withoutDanglingLinks(entries: MergedEntry[]): MergedEntry[] {
  const ids = new Set(entries.map((e) => e.entry.id));
  return entries.map((merged) => {
    const related = merged.entry.related;
    if (!related || related.every((id) => ids.has(id) && id !== merged.entry.id)) return merged;
    const { related: _dropped, ...rest } = merged.entry;
    const kept = related.filter((id) => ids.has(id) && id !== merged.entry.id);
    return { ...merged, entry: (kept.length > 0 ? { ...rest, related: kept } : rest) as Entry };
  });
}

/** Applies the layer to every source pack. */
export function mergeGlossary(sources: readonly SourcePack[], layer: UserLayer): MergedGlossary {
  const problems: MergeProblem[] = [];
  const packs = sources.map((source) => mergePack(source, overlayFor(layer, source.pack.id), problems));
  const packIds = new Set(sources.map((s) => s.pack.id));
  for (const overlay of layer.overlays) {
    if (!packIds.has(overlay.packId)) {
      problems.push({ kind: 'pack-missing', packId: overlay.packId });
    }
  }
  return { packs, problems };
}

/**
 * The entries the runtime highlights: those of enabled packs, first id wins, and `related`
 * links kept only when they point at an entry that is actually there.
 */
export function activeEntries(merged: MergedGlossary): { entries: RuntimeEntry[]; shadowed: MergeProblem[] } {
  const byId = new Map<string, RuntimeEntry>();
  const shadowed: MergeProblem[] = [];
  for (const pack of merged.packs) {
    if (!pack.enabled) continue;
    const sectionNames = pack.pack.source.sectionNames;
    for (const { entry, packId } of pack.entries) {
      const first = byId.get(entry.id);
      if (first) shadowed.push({ kind: 'shadowed', packId, entryId: entry.id, by: first.packId });
      else {
        const titles = entry.section === undefined ? undefined : readerNames(sectionNames?.[entry.section]);
        byId.set(entry.id, titles ? { ...entry, packId, sectionNames: titles } : { ...entry, packId });
      }
    }
  }
  const entries = [...byId.values()].map((entry) => {
    if (!entry.related) return entry;
    const related = entry.related.filter((id) => id !== entry.id && byId.has(id));
    return related.length === entry.related.length ? entry : { ...entry, related };
  });
  return { entries, shadowed };
}

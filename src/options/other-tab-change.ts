/**
 * What another tab's change did to the entry an editor form shows, for the form to show it as
 * stored now and say so (editor-app.ts). Pure.
 */
import type { Entry } from '../glossary/schema';
import type { MessageKey } from '../i18n';
import type { EditorData } from './editor-store';
import type { OpenEntry } from './save-check';

/**
 * `none`: nothing to show; `changed`, `deleted`, `restored`: the entry itself; `links`: only
 * related entries it names were deleted, which the form drops without this entry having changed.
 */
export type OtherTabChange = { kind: 'none' } | { kind: 'changed' | 'deleted' | 'restored' | 'links'; entry: Entry };

/** What the editor says of each change to the entry itself, with the entry's name. */
export const ANNOUNCED: Record<'changed' | 'deleted' | 'restored', MessageKey> = {
  changed: 'editorEntryChangedElsewhere',
  deleted: 'editorEntryDeletedElsewhere',
  restored: 'editorEntryRestoredElsewhere',
};

export function otherTabChange(open: OpenEntry, data: EditorData): OtherTabChange {
  const pack = data.merged.packs.find((p) => p.pack.id === open.packId);
  const kept = pack?.entries.find((e) => e.entry.id === open.id)?.entry;
  const entry = kept ?? pack?.removed.find((e) => e.id === open.id);
  if (!pack || !entry) return { kind: 'none' };
  const deleted = !kept;
  if (deleted !== Boolean(open.deleted)) return { kind: deleted ? 'deleted' : 'restored', entry };
  if (JSON.stringify(entry) === JSON.stringify(open.shown)) return { kind: 'none' };
  const alive = new Set(pack.entries.map((e) => e.entry.id));
  return { kind: onlyLinksGone(open.shown, entry, alive) ? 'links' : 'changed', entry };
}

/** `now` is `before` without the related entries no longer `alive`, and nothing else changed. */
function onlyLinksGone(before: Entry | undefined, now: Entry, alive: ReadonlySet<string>): boolean {
  if (!before) return false;
  const rest = (entry: Entry) => JSON.stringify({ ...entry, related: undefined });
  const left = (before.related ?? []).filter((id) => alive.has(id));
  return rest(before) === rest(now) && JSON.stringify(left) === JSON.stringify(now.related ?? []);
}

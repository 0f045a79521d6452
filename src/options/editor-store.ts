/**
 * The editor's model: the bundled packs, the reader's layer and their merge. Every change
 * goes through `apply`, which validates and stores the new layer, keeps the previous one
 * for undo, and republishes the compiled glossary so open tabs update at once.
 */
import type { PackText } from '../glossary/pack-text';
import type { Pack } from '../glossary/schema';
import { bundledPacks } from '../glossary-store/bundled-packs';
import { mergeGlossary, sourcePacks, type MergedGlossary } from '../glossary-store/merge';
import { publishGlossary } from '../glossary-store/publish';
import { importedPacksItem, userGlossaryItem } from '../storage/items';
import { clearQuarantine, readQuarantine, type QuarantineRecord } from '../storage/quarantine';
import { readUserLayerToEdit, writesPacks, writeUserLayer } from '../storage/read-user-layer';
import { salvageUserLayer } from '../storage/salvage-user-layer';
import type { UserLayer } from '../storage/user-layer-schema';

export interface EditorData {
  bundled: readonly Pack[];
  layer: UserLayer;
  merged: MergedGlossary;
  /**
   * Parts of the stored layer that could not be read (they are in the quarantine), to be
   * written in the editor's language.
   */
  readProblems: PackText[];
  quarantine: QuarantineRecord[];
}

/** What a change about an entry is about (`EditorStore.apply`'s subject). */
export const entrySubject = (packId: string, id: string): string => `entry ${packId} ${id}`;

/** What a change about a whole pack (import, switch, removal) is about. */
export const packSubject = (packId: string): string => `pack ${packId}`;

/** How many steps "Undo" can go back. */
const UNDO_DEPTH = 50;

export class EditorStore {
  /** Each step: the layer before a change, and what the change was about (see `apply`). */
  private undoStack: { layer: UserLayer; subject?: string }[] = [];
  /**
   * What this tab last wrote under each of the layer's keys, as the watcher reads it: its own
   * write coming back is no change from elsewhere.
   */
  private lastWrite: Partial<Record<StoredPart, string>> = {};
  private listeners = new Set<(data: EditorData, fromAnotherTab: boolean) => void>();
  /**
   * The change being stored: the next waits for it, so that it starts from the layer with that
   * change in. Two quick clicks (Save, then a pack's switch) each built on the layer before
   * both, and the second write took the first change back while "Saved" was announced.
   */
  private pending: Promise<unknown> = Promise.resolve();
  /**
   * Another tab changed the layer since this tab last read it: the next turn reads it again
   * before anything is built on `data.layer`.
   */
  private stale = false;
  /** A read of the layer is under way. */
  private reading = false;
  /** Each part's text, kept per array: a save keeps the packs' array, whose text is megabytes. */
  private texts = new WeakMap<object, string>();

  private constructor(public data: EditorData) {}

  /** Reads everything the editor shows. */
  static async open(): Promise<EditorStore> {
    const store = new EditorStore(await EditorStore.read());
    userGlossaryItem.watch((raw) => store.storedChanged('overlays', raw));
    importedPacksItem.watch((raw) => store.storedChanged('userPacks', raw));
    return store;
  }

  /**
   * Another editor tab (or an import there) changed a part of the layer: show it here too.
   * This tab's undo steps are dropped: each is a whole earlier layer, and writing one back
   * would take back the other tab's change as well.
   */
  private storedChanged(part: StoredPart, raw: unknown) {
    // This tab's own write coming back, told without validating it again (a large pack takes
    // a third of a second to): as written, its keys sorted as storage sorts them.
    const value = part === 'overlays' ? (raw as { overlays?: unknown } | null)?.overlays : raw;
    const text = sortedJson(value ?? []);
    if (text === this.lastWrite[part]) {
      // Seen once: the same text again later is another tab's (its Undo of a change since).
      delete this.lastWrite[part];
      return;
    }
    if (text === this.partText(part, this.data.layer)) return;
    this.lastWrite = {};
    this.undoStack = [];
    this.stale = true;
    void this.inTurn(() => this.readIfStale());
  }

  private static async read(): Promise<EditorData> {
    const bundled = bundledPacks();
    const { layer, problems } = await readUserLayerToEdit();
    return {
      bundled,
      layer,
      merged: merge(bundled, layer),
      readProblems: problems,
      quarantine: await readQuarantine(),
    };
  }

  /** `elsewhere`: the read is of another tab's change (its listeners may show it where they show older data). */
  private async readNow(elsewhere = false): Promise<void> {
    // A change from elsewhere during the read marks it stale again.
    this.stale = false;
    this.reading = true;
    try {
      this.data = await EditorStore.read();
    } finally {
      this.reading = false;
    }
    this.notify(elsewhere);
  }

  /**
   * Reads the layer again if another tab changed it, from within a turn: never beside this
   * tab's write (a read answered before the write and landing after it showed the layer from
   * before it, and the next change was built on that and stored over the write), and before a
   * change asked for meanwhile is built (on the layer from before the other tab's change, it
   * would store over that).
   */
  private async readIfStale(): Promise<void> {
    if (this.stale) await this.readNow(true);
  }

  /** Whether `data` may not yet hold a change another tab stored (it is being read, or is to be). */
  get behind(): boolean {
    return this.stale || this.reading;
  }

  /**
   * Resolves once every change asked for before is stored and another tab's change this tab has
   * heard of is read: what a check of the form against the layer waits for.
   */
  settled(): Promise<void> {
    return this.inTurn(() => this.readIfStale());
  }

  /** Calls `listener` after every change; `fromAnotherTab` when it is another tab's, read here. */
  subscribe(listener: (data: EditorData, fromAnotherTab: boolean) => void): void {
    this.listeners.add(listener);
  }

  private notify(fromAnotherTab = false) {
    for (const listener of this.listeners) listener(this.data, fromAnotherTab);
  }

  /** The pack as shipped or imported (the base that edits apply to). */
  sourcePack(packId: string): Pack | undefined {
    return sourcePacks(this.data.bundled, this.data.layer).find((s) => s.pack.id === packId)?.pack;
  }

  /**
   * Applies a change to the layer, stores it and republishes the glossary; false, with
   * nothing stored, when the change leaves the layer as it is (Save pressed again, a pack
   * imported again): an undo step for it would say "Undone." and take nothing back.
   * `subject` names what the change is about (an entry, a pack), for `lastStepIs`.
   */
  apply(change: (layer: UserLayer) => UserLayer, subject?: string): Promise<boolean> {
    return this.inTurn(() => this.applyNow(change, subject));
  }

  private async applyNow(change: (layer: UserLayer) => UserLayer, subject?: string): Promise<boolean> {
    await this.readIfStale();
    const previous = this.data.layer;
    const next = change(previous);
    if (this.textOf(next) === this.textOf(previous)) return false;
    await this.write(next);
    this.undoStack.push({ layer: previous, subject });
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    return true;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /**
   * Whether Undo would take back a change about `subject`: what a change that stored nothing
   * (Save pressed again) may offer to undo. The last step about something else (another
   * entry deleted before) would come back under this one's "Saved", unannounced.
   */
  lastStepIs(subject: string): boolean {
    return this.undoStack.at(-1)?.subject === subject;
  }

  /** Restores the layer as it was before the last change; false when there is none (see `open`). */
  undo(): Promise<boolean> {
    return this.inTurn(async () => {
      const previous = this.undoStack.pop();
      if (!previous) return false;
      await this.write(previous.layer);
      return true;
    });
  }

  /** Runs `step` once every change asked for before it is stored (or has failed). */
  private inTurn<T>(step: () => Promise<T>): Promise<T> {
    const turn = this.pending.then(step, step);
    this.pending = turn.catch(() => {});
    return turn;
  }

  /**
   * The reader has saved the unreadable data and asks for it to go: the layer is stored as
   * it was read (what could be read of it), so that the next read finds nothing to keep, and
   * the kept copy is removed.
   */
  dismissUnreadable(): Promise<void> {
    return this.inTurn(async () => {
      if (this.data.readProblems.length > 0) await writeUserLayer(this.data.layer);
      await clearQuarantine();
      await this.readNow();
    });
  }

  private async write(layer: UserLayer): Promise<void> {
    // The packs come back only when they are written.
    this.lastWrite = {
      overlays: this.partText('overlays', layer),
      ...(writesPacks(layer) ? { userPacks: this.partText('userPacks', layer) } : {}),
    };
    const stored = await writeUserLayer(layer);
    this.data = { ...this.data, layer: stored, merged: merge(this.data.bundled, stored) };
    this.notify();
    await publishGlossary();
  }

  /** The layer's text as stored, to tell one layer from another (a change that changes nothing stores nothing). */
  private textOf(layer: UserLayer): string {
    return `${this.partText('overlays', layer)}\n${this.partText('userPacks', layer)}`;
  }

  /**
   * A part's text as the watcher will see it come back: validated, and every object's keys
   * sorted. Chromium's storage hands objects back with their keys sorted, and an entry may be
   * built with its keys in any order: either would otherwise pass for another tab's change
   * (clearing the undo steps), or for a change when there is none (a second Save stored as an
   * undo step that takes nothing back). Kept per array: the layers this tab holds are
   * compared on every change, and they share their packs.
   */
  private partText(part: StoredPart, layer: UserLayer): string {
    const value = layer[part];
    let text = this.texts.get(value);
    if (text === undefined) this.texts.set(value, (text = sortedJson(salvageUserLayer({ [part]: value }).layer[part])));
    return text;
  }
}

/** The layer's two parts, each stored under a key of its own (`read-user-layer.ts`). */
type StoredPart = 'overlays' | 'userPacks';

/** JSON with every object's keys sorted. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, part: unknown) =>
    part !== null && typeof part === 'object' && !Array.isArray(part)
      ? Object.fromEntries(Object.entries(part).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : part,
  );
}

function merge(bundled: readonly Pack[], layer: UserLayer): MergedGlossary {
  return mergeGlossary(sourcePacks(bundled, layer), layer);
}

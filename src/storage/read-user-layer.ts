/**
 * Reading and writing the reader's layer, with validation on both sides.
 *
 * The layer is stored under two keys: the reader's changes (`local:userGlossary`, a few
 * kilobytes) and the packs the reader imported (`local:importedPacks`, megabytes for a
 * 10,000-entry pack). Every save writes the changes; the packs only when they changed (an
 * import, a pack removed, an undo of either), so a save beside a large pack does not copy
 * it through storage, and through every context that watches storage, again. A layer stored
 * by an earlier version with its packs inside `local:userGlossary` reads as before; the next
 * write moves them out, in one storage call with the changes.
 */
import { z } from 'zod';
import { inEnglish, packText } from '../glossary/pack-text';
import { packSchema, type Pack } from '../glossary/schema';
import { storage } from 'wxt/utils/storage';
import { importedPacksItem, userGlossaryItem } from './items';
import { STORAGE_KEYS } from './keys';
import { IMPORTED_PACKS_VERSION, USER_GLOSSARY_VERSION } from './migrations';
import { quarantine } from './quarantine';
import { salvageUserLayer, type SalvagedLayer } from './salvage-user-layer';
import { packOverlaySchema, type UserLayer } from './user-layer-schema';

/** `problems`: what could not be read (empty when the stored layer was valid). */
export type UserLayerRead = SalvagedLayer;

type Readable = Pick<typeof userGlossaryItem, 'key' | 'fallback' | 'getMeta'>;

/**
 * The imported packs as this context last read them from, or wrote them to, their key: a
 * layer that still holds this very array has the packs storage holds (as far as this context
 * knows) and its write leaves them alone. Undefined when the key must be written (packs still
 * inside the changes' key, or some of them unreadable).
 */
let packsInStorage: readonly Pack[] | undefined;

/**
 * Reads the layer. If any part is unreadable, the stored value of that key is copied to the
 * quarantine first (what could not be read listed with it, in English), and the readable
 * parts are returned.
 */
export async function readUserLayer(
  changesItem: Readable = userGlossaryItem,
  packsItem: Readable = importedPacksItem,
): Promise<UserLayerRead> {
  return (await readStored(changesItem, packsItem)).read;
}

/**
 * Reads the layer for a context that will write it (the editor): its writes then leave the
 * imported packs alone for as long as the layer keeps the packs read here. A read for
 * anything else (publishing) must not count, or the editor's layer, holding the packs of its
 * own read, would seem to hold other packs.
 */
export async function readUserLayerToEdit(): Promise<UserLayerRead> {
  const { read, packsWhereTheyBelong } = await readStored(userGlossaryItem, importedPacksItem);
  packsInStorage = packsWhereTheyBelong ? read.layer.userPacks : undefined;
  return read;
}

async function readStored(
  changesItem: Readable,
  packsItem: Readable,
): Promise<{ read: UserLayerRead; packsWhereTheyBelong: boolean }> {
  // Each item's migrations first (an item's `getMeta` waits for them), then both values in one
  // storage call: two reads could straddle another tab's write of both keys (an import) and
  // pair the changes from before it with the packs after it.
  await Promise.all([changesItem.getMeta(), packsItem.getMeta()]);
  const [rawChanges, rawPacks] = (await storage.getItems([changesItem, packsItem])).map((r) => r.value as unknown);
  const changes = salvageUserLayer(rawChanges);
  const packs = salvageUserLayer(rawPacks == null ? undefined : { userPacks: rawPacks });
  // Packs an earlier version kept with the changes come first, as they were imported first. A
  // pack in both places (an earlier version run again after this one) is read from the
  // changes; the other copy is left out of the layer, so it is kept in the quarantine.
  const inline = changes.layer.userPacks;
  const ids = new Set(inline.map((p) => p.id));
  for (const pack of packs.layer.userPacks) {
    if (ids.has(pack.id))
      packs.problems.push(packText('packProblemLine', 'userPacks', packText('packStoredTwice', pack.id)));
  }
  const userPacks = [...inline, ...packs.layer.userPacks.filter((p) => !ids.has(p.id))];
  if (changes.problems.length > 0) {
    await quarantine(STORAGE_KEYS.userGlossary, rawChanges, changes.problems.map(inEnglish).join('\n'));
  }
  if (packs.problems.length > 0) {
    await quarantine(STORAGE_KEYS.importedPacks, rawPacks, packs.problems.map(inEnglish).join('\n'));
  }
  return {
    read: {
      layer: { overlays: changes.layer.overlays, userPacks },
      problems: [...changes.problems, ...packs.problems],
    },
    packsWhereTheyBelong: inline.length === 0 && packs.problems.length === 0,
  };
}

/** Whether writing `layer` writes its packs too: they are not those storage holds, as far as this context knows. */
export function writesPacks(layer: UserLayer): boolean {
  return layer.userPacks !== packsInStorage;
}

const overlaysSchema = z.array(packOverlaySchema);
const packsSchema = z.array(packSchema);

/**
 * Stores the layer and returns it as stored. Validates first, so a bug can never write data
 * the next read would reject (packs this context read or wrote unchanged were validated then).
 */
export async function writeUserLayer(layer: UserLayer): Promise<UserLayer> {
  const overlays = overlaysSchema.parse(layer.overlays) as UserLayer['overlays'];
  const packsChanged = writesPacks(layer);
  const userPacks = packsChanged ? (packsSchema.parse(layer.userPacks) as Pack[]) : layer.userPacks;
  // One storage call: no reader sees new changes with the packs before them. Each value goes
  // with its format's version (WXT's `<key>$`), which its item's own `setValue` would record
  // on a first write and a migration reads.
  await storage.setItems([
    { item: userGlossaryItem, value: { overlays } },
    { key: `${STORAGE_KEYS.userGlossary}$`, value: { v: USER_GLOSSARY_VERSION } },
    ...(packsChanged
      ? [
          { item: importedPacksItem, value: userPacks },
          { key: `${STORAGE_KEYS.importedPacks}$` as const, value: { v: IMPORTED_PACKS_VERSION } },
        ]
      : []),
  ]);
  packsInStorage = userPacks;
  return { overlays, userPacks };
}

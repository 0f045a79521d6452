/** Reading and writing the reader's layer, with validation on both sides. */
import { inEnglish } from '../glossary/pack-text';
import { userGlossaryItem } from './items';
import { STORAGE_KEYS } from './keys';
import { quarantine } from './quarantine';
import { salvageUserLayer, type SalvagedLayer } from './salvage-user-layer';
import { userLayerSchema, type UserLayer } from './user-layer-schema';

/** `problems`: what could not be read (empty when the stored layer was valid). */
export type UserLayerRead = SalvagedLayer;

/**
 * Reads the layer. If any part is unreadable, the whole stored value is copied to the
 * quarantine first (what could not be read listed with it, in English), and the readable parts
 * are returned.
 */
export async function readUserLayer(
  item: Pick<typeof userGlossaryItem, 'getValue'> = userGlossaryItem,
): Promise<UserLayerRead> {
  const raw = await item.getValue();
  const read = salvageUserLayer(raw);
  if (read.problems.length > 0) {
    await quarantine(STORAGE_KEYS.userGlossary, raw, read.problems.map(inEnglish).join('\n'));
  }
  return read;
}

/**
 * Stores the layer and returns it as stored. Validates first, so a bug can never write data
 * the next read would reject.
 */
export async function writeUserLayer(layer: UserLayer): Promise<UserLayer> {
  const checked = userLayerSchema.parse(layer) as UserLayer;
  await userGlossaryItem.setValue(checked);
  return checked;
}

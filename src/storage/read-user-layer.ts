/** Reading and writing the reader's layer, with validation on both sides. */
import type { PackText } from '../glossary/pack-text';
import { userGlossaryItem } from './items';
import { STORAGE_KEYS } from './keys';
import { quarantine } from './quarantine';
import { salvageUserLayer } from './salvage-user-layer';
import { userLayerSchema, type UserLayer } from './user-layer-schema';

export interface UserLayerRead {
  layer: UserLayer;
  /** What could not be read (empty when the stored layer was valid), in English. */
  problems: string[];
  /** The same, to be written in the reader's language (`writePackText`). */
  problemTexts: PackText[];
}

/**
 * Reads the layer. If any part is unreadable, the whole stored value is copied to the
 * quarantine first, and the readable parts are returned.
 */
export async function readUserLayer(
  item: Pick<typeof userGlossaryItem, 'getValue'> = userGlossaryItem,
): Promise<UserLayerRead> {
  const raw = await item.getValue();
  const { layer, problems, problemTexts } = salvageUserLayer(raw);
  if (problems.length > 0) await quarantine(STORAGE_KEYS.userGlossary, raw, problems.join('\n'));
  return { layer, problems, problemTexts };
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

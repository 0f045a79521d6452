/**
 * What a message calls the entry that already has a name the reader or a file gives another.
 * Pure.
 */
import { searchKey } from './entry-search';

/**
 * The owner's name for the reader, unless that is `name` itself, as names are compared
 * ("“Nvidia” is already a name of “Nvidia”" tells nothing): then its term (輝達), or one of
 * the two written otherwise ("“华为” is a name of “華為”" tells how names are compared);
 * undefined when both are written just so (an entry the reader made, named only so): the
 * message then says which pack the other one is in.
 */
export function ownerCalled(name: string, owner: { name: string; term: string }): string | undefined {
  const key = searchKey(name);
  if (searchKey(owner.name) !== key) return owner.name;
  if (searchKey(owner.term) !== key) return owner.term;
  const written = name.trim();
  if (owner.term.trim() !== written) return owner.term;
  if (owner.name.trim() !== written) return owner.name;
  return undefined;
}

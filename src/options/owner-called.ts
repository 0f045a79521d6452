/**
 * What a message calls the entry that already has a name the reader or a file gives another.
 * Pure.
 */

/**
 * The owner's name for the reader, unless that is `name` written just so: "“Nvidia” is
 * already a name of “Nvidia”" tells nothing, and its term instead ("of “輝達”") names it by a
 * word the reader may not know (a reader of Simplified knows Nvidia as 英伟达). Then undefined,
 * and the message says which pack the other entry is in, or that it is the entry asked for.
 * Written otherwise, the owner as it is written tells how names are compared ("“华为” is a name
 * of “華為”", "“NVIDIA” of “Nvidia”").
 */
export function ownerCalled(name: string, owner: { name: string }): string | undefined {
  return owner.name.trim() === name.trim() ? undefined : owner.name;
}

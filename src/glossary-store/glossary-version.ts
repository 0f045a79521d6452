/** A short fingerprint of everything the compiled glossary is built from. */

/**
 * SHA-256 (hex, first 16 characters) of the inputs. Any change to a pack, to the reader's
 * layer, to the extension version (a new matcher may compile differently) or to the cache
 * format gives a new version, which is what tells every context to rebuild.
 */
export async function glossaryVersion(inputs: {
  formatVersion: number;
  extensionVersion: string;
  packs: unknown;
  layer: unknown;
}): Promise<string> {
  const text = JSON.stringify([inputs.formatVersion, inputs.extensionVersion, inputs.packs, inputs.layer]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

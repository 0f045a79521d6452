/**
 * Reads a pack file the reader chose. A file over the size limit is refused from its size
 * alone, before a byte is read; any other problem comes back as a message naming it.
 */
import { MAX_PACK_BYTES, parsePackText } from '../glossary/parse-pack';
import type { Pack } from '../glossary/schema';
import type { MessageKey, Substitution } from '../i18n';

export type PackFileResult =
  | { ok: true; pack: Pack; warnings: string[] }
  /** `details`: the parser's own lines (which entry, which field), shown under the message. */
  | { ok: false; key: MessageKey; subs: Substitution[]; details: string[] };

const MEGABYTE = 1024 * 1024;

/** The pack in `file`, or why it cannot be imported. */
export async function readPackFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<PackFileResult> {
  if (file.size > MAX_PACK_BYTES) {
    const size = (file.size / MEGABYTE).toFixed(1);
    return {
      ok: false,
      key: 'editorImportTooLarge',
      subs: [file.name, size, MAX_PACK_BYTES / MEGABYTE],
      details: [],
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, key: 'editorImportReadFailed', subs: [file.name], details: [] };
  }
  const result = parsePackText(text);
  if (result.ok) return { ok: true, pack: result.pack, warnings: result.warnings };
  const notJson = jsonError(text);
  if (notJson !== undefined) return { ok: false, key: 'editorImportNotJson', subs: [file.name, notJson], details: [] };
  return {
    ok: false,
    key: 'editorImportInvalid',
    subs: [file.name, result.errors[0] ?? ''],
    details: result.errors.slice(1),
  };
}

/**
 * Only called after the pack parser failed, to tell "not JSON at all" from "not a valid pack":
 * the JSON parser's own reason, or undefined for JSON. (The message already says "not JSON".)
 */
function jsonError(text: string): string | undefined {
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Reads a pack file the reader chose. A file over the size limit is refused from its size
 * alone, before a byte is read; any other problem comes back as a message naming it.
 *
 * The file must be Unicode text: UTF-8, or UTF-16 with its byte-order mark. A pack saved in
 * Big5 or GBK (what many Windows editors still write for Chinese) is refused, not decoded
 * with replacement characters: the two share most byte values, so guessing one could give a
 * glossary of wrong characters that look valid and never match a page.
 */
import { MAX_PACK_BYTES, parsePackText, type PackParseOptions } from '../glossary/parse-pack';
import type { PackText } from '../glossary/pack-text';
import type { Pack } from '../glossary/schema';
import type { MessageKey, Substitution } from '../i18n';

/** The parser's lines (`warnings`, `details`, a substitution) are texts, for the reader's language. */
export type PackFileResult =
  /**
   * `replaceProblems`: why the file cannot replace the installed pack of its id, though it can
   * be merged into it (its entries name as related entries only that pack has).
   */
  | { ok: true; pack: Pack; warnings: PackText[]; replaceProblems?: PackText[] }
  /** `details`: the parser's own lines (which entry, which field), shown under the message. */
  | { ok: false; key: MessageKey; subs: (Substitution | PackText)[]; details: PackText[] };

const MEGABYTE = 1024 * 1024;

/** The pack in `file`, or why it cannot be imported. */
export async function readPackFile(
  file: Pick<File, 'name' | 'size' | 'arrayBuffer'>,
  options: PackParseOptions = {},
): Promise<PackFileResult> {
  if (file.size > MAX_PACK_BYTES) {
    const size = (file.size / MEGABYTE).toFixed(1);
    return {
      ok: false,
      key: 'editorImportTooLarge',
      subs: [file.name, size, MAX_PACK_BYTES / MEGABYTE],
      details: [],
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, key: 'editorImportReadFailed', subs: [file.name], details: [] };
  }
  const text = unicodeText(bytes);
  if (text === undefined) return { ok: false, key: 'editorImportNotUnicode', subs: [file.name], details: [] };
  // Said as such: the JSON parser's "Unexpected end of JSON input" would leave the reader guessing.
  if (text.trim() === '') return { ok: false, key: 'editorImportEmpty', subs: [file.name], details: [] };
  const result = parsePackText(text, options);
  if (result.ok) {
    const { pack } = result;
    const own = new Set(pack.entries.map((e) => e.id));
    const leansOnInstalled = pack.entries.some((e) => e.related?.some((id) => !own.has(id)));
    // Read again alone, for its problems as a file that must hold every entry it names.
    const alone = leansOnInstalled ? parsePackText(text) : undefined;
    const replaceProblems = alone && !alone.ok ? alone.errorTexts : undefined;
    return { ok: true, pack, warnings: result.warningTexts, ...(replaceProblems && { replaceProblems }) };
  }
  // "Not JSON" said apart from "not a valid pack", and with the parser's place and reason alone.
  const [first] = result.errorTexts;
  if (first?.key === 'packProblemNotJson')
    return { ok: false, key: 'editorImportNotJson', subs: [file.name, ...first.subs], details: [] };
  return {
    ok: false,
    key: 'editorImportInvalid',
    subs: [file.name, result.errorTexts[0] ?? ''],
    details: result.errorTexts.slice(1),
  };
}

/**
 * The file's text, decoded as its byte-order mark says (UTF-8 without one), or undefined if it
 * is not valid in that encoding. The mark itself is dropped.
 */
export function unicodeText(bytes: Uint8Array): string | undefined {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

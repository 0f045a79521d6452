/**
 * The single way a pack from outside (an imported file, storage, a message) becomes a `Pack`.
 *
 * Everything here assumes hostile or broken input: a huge file must not freeze the editor,
 * deep nesting must not blow the stack, and keys like `__proto__` must never reach code that
 * copies objects (zod's loose objects copy unknown keys, and assigning `__proto__` on a plain
 * object replaces its prototype). Callers get either a valid pack or readable messages —
 * never an exception — so a broken import can leave the current glossary untouched.
 */
import { jsonProblem } from './json-problem';
import { issueTexts } from './describe-issues';
import { inEnglish, packText, type PackText } from './pack-text';
import { packSchema, packSchemaMergedInto, type Pack } from './schema';

/** Largest pack file accepted, in UTF-8 bytes. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;
/** Deepest nesting of objects and arrays accepted; a real pack needs about 6. */
export const MAX_PACK_DEPTH = 64;
/** How many problems are listed before the rest are summarised. */
export const MAX_REPORTED_ERRORS = 20;
/** Keys that could change an object's prototype if copied; dropped wherever they appear. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `errors` and `warnings` in English; `errorTexts` and `warningTexts` the same, to be written in
 * the reader's language (`writePackText`).
 */
export type PackParseResult =
  | { ok: true; pack: Pack; warnings: string[]; warningTexts: PackText[] }
  | { ok: false; errors: string[]; errorTexts: PackText[] };

/** A failure of the texts `errorTexts`. */
function failure(errorTexts: PackText[]): PackParseResult {
  return { ok: false, errors: errorTexts.map(inEnglish), errorTexts };
}

/** Parses and validates a pack file's text. */
export function parsePackText(text: string, options: PackParseOptions = {}): PackParseResult {
  const bytes = utf8Length(text);
  if (bytes > MAX_PACK_BYTES) {
    const size = formatMegabytes(bytes);
    return failure([packText('packProblemTooLarge', size, formatMegabytes(MAX_PACK_BYTES))]);
  }
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors on Windows add a BOM
  if (nestingDepth(json) > MAX_PACK_DEPTH) return failure([tooDeep()]);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    // Where and why, in the reader's language; the browser's own words only where jsonc-parser
    // finds nothing wrong (no text here has shown that).
    const problem = jsonProblem(json) ?? (error instanceof Error ? error.message : String(error));
    return failure([packText('packProblemNotJson', problem)]);
  }
  return parsePack(value, options);
}

export interface PackParseOptions {
  /**
   * The entry ids of the installed pack with this id, if one is and the file is merged into
   * it: its entries may name them as related, as entries the file leaves as they are.
   */
  installedIds?: (packId: string) => ReadonlySet<string> | undefined;
}

/** Validates an already-parsed value (e.g. read from storage) as a pack. */
export function parsePack(value: unknown, options: PackParseOptions = {}): PackParseResult {
  const cleaned = withoutUnsafeKeys(value);
  if (cleaned === TOO_DEEP) return failure([tooDeep()]);
  if (cleaned === SHARED) return failure([packText('packProblemShared')]);
  const warningTexts = cleaned.dropped.map((path) =>
    path.where === ''
      ? packText('packWarningUnsafeKeyTop', path.key)
      : packText('packWarningUnsafeKey', path.key, path.where),
  );
  const id = (cleaned.value as { id?: unknown } | null)?.id;
  const installed = typeof id === 'string' ? options.installedIds?.(id) : undefined;
  const result = (installed ? packSchemaMergedInto(installed) : packSchema).safeParse(cleaned.value);
  if (result.success) return { ok: true, pack: result.data, warnings: warningTexts.map(inEnglish), warningTexts };
  const texts = issueTexts(result.error, cleaned.value);
  const errors = texts.slice(0, MAX_REPORTED_ERRORS);
  if (texts.length > MAX_REPORTED_ERRORS) errors.push(packText('packProblemMore', texts.length - MAX_REPORTED_ERRORS));
  return failure(errors);
}

function tooDeep(): PackText {
  return packText('packProblemTooDeep', MAX_PACK_DEPTH);
}

/** UTF-8 length of `text`, counted without encoding a copy of it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * Deepest bracket nesting of JSON text, found by one scan that skips strings. It runs before
 * JSON.parse so that absurd nesting is refused without ever building it.
 */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
      if (max > MAX_PACK_DEPTH) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

const TOO_DEEP = Symbol('too deep');
const SHARED = Symbol('shared');
interface DroppedKey {
  key: string;
  /** Its path; '' for the top level. */
  where: string;
}

/**
 * A copy of plain JSON-like data without unsafe keys, built with an explicit stack (no
 * recursion, so depth is bounded by MAX_PACK_DEPTH rather than by the call stack). Objects
 * reached twice are refused: parsed JSON never shares them, and a value built elsewhere with
 * shared references could otherwise make the copy exponentially large.
 */
function withoutUnsafeKeys(
  value: unknown,
): { value: unknown; dropped: DroppedKey[] } | typeof TOO_DEEP | typeof SHARED {
  const dropped: DroppedKey[] = [];
  const root: { value: unknown } = { value: undefined };
  type Job = {
    from: unknown;
    into: Record<string, unknown> | unknown[];
    key: string | number;
    depth: number;
    where: string;
  };
  const stack: Job[] = [
    { from: value, into: root as unknown as Record<string, unknown>, key: 'value', depth: 0, where: '' },
  ];
  const seen = new WeakSet<object>();
  while (stack.length > 0) {
    const job = stack.pop() as Job;
    const { from, depth, where } = job;
    let copy: unknown = from;
    if (from !== null && typeof from === 'object') {
      if (depth >= MAX_PACK_DEPTH) return TOO_DEEP;
      if (seen.has(from)) return SHARED;
      seen.add(from);
      if (Array.isArray(from)) {
        const list: unknown[] = new Array<unknown>(from.length);
        from.forEach((item, i) =>
          stack.push({ from: item, into: list, key: i, depth: depth + 1, where: `${where}[${i}]` }),
        );
        copy = list;
      } else {
        const object: Record<string, unknown> = {};
        for (const key of Object.keys(from)) {
          if (UNSAFE_KEYS.has(key)) {
            dropped.push({ key, where });
            continue;
          }
          const child = where === '' ? key : `${where}.${key}`;
          stack.push({
            from: (from as Record<string, unknown>)[key],
            into: object,
            key,
            depth: depth + 1,
            where: child,
          });
        }
        copy = object;
      }
    }
    (job.into as Record<string | number, unknown>)[job.key] = copy;
  }
  return { value: root.value, dropped };
}

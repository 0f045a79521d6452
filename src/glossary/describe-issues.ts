/**
 * Turns zod's issues for a pack into short sentences a pack author can act on:
 * `entries[3] (id "nvidia") › aliases[2]: must be at least 2 characters`.
 *
 * zod's default messages ("Invalid input: expected string, received undefined") name the
 * type system, not the problem, and union failures hide the real cause one level down, so
 * each issue code is rephrased here. Messages the schema wrote itself are kept (by their key,
 * `schemaMessage`). Each line is a text of the catalogs, so the editor writes it in the
 * reader's language; the paths stay the file's own field names.
 */
import type { z } from 'zod';
import { inEnglish, packText, schemaMessageText, type PackText, type PackTextKey } from './pack-text';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** zod's built-in messages start like this; anything else was written in the schema. */
const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)/;

/** One readable line per issue (duplicates removed), in zod's order, in English. */
export function describeIssues(issues: z.ZodError | readonly Issue[], input: unknown): string[] {
  return issueTexts(issues, input).map(inEnglish);
}

/** The same lines as texts, to be written in the reader's language (`writePackText`). */
export function issueTexts(issues: z.ZodError | readonly Issue[], input: unknown): PackText[] {
  const seen = new Set<string>();
  return issueProblems(issues, input)
    .map((found) => problemLine(found, input))
    .filter((text) => {
      const english = inEnglish(text);
      return !seen.has(english) && seen.add(english);
    });
}

/** A problem zod found, and where in the input (its path; empty for the input itself). */
export interface IssueProblem {
  path: readonly PathKey[];
  problem: PackText | string;
}

/** Each issue's problem and its place, in zod's order (a union's closest member's issues for it). */
export function issueProblems(issues: z.ZodError | readonly Issue[], input: unknown): IssueProblem[] {
  const list = 'issues' in issues ? issues.issues : issues;
  return list.flatMap((issue) => describe(issue, [], input));
}

/** `{ path, problem }` as one line: `entries[3] (id "nvidia") › aliases[2]: must be…`. */
export const problemLine = ({ path, problem }: IssueProblem, input: unknown): PackText =>
  packText('packProblemLine', formatPath(path, input), problem);

function describe(issue: Issue, prefix: readonly PathKey[], input: unknown): IssueProblem[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    const branch = closestBranch(issue.errors);
    if (branch) return branch.flatMap((inner) => describe(inner, path, input));
    const expected = new Set(issue.errors.flat().flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : [])));
    const value = valueAt(input, path);
    if (value === undefined) return [{ path, problem: packText('packProblemRequired') }];
    return [{ path, problem: packText('packProblemType', either([...expected].map(expectedType)), gotType(value)) }];
  }
  return [{ path, problem: problemOf(issue, valueAt(input, path)) }];
}

/**
 * The union member the input was meant to be: the first whose failure is not a type
 * mismatch at its root (a string alias that is too short fails the object member too,
 * but only as "expected object", which says nothing useful).
 */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  return branches.find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
}

function problemOf(issue: Issue, value: unknown): PackText | string {
  const written = issue.code === 'custom' ? (issue.params as { text?: PackText } | undefined)?.text : undefined;
  if (written) return written;
  if (!DEFAULT_MESSAGE.test(issue.message)) return schemaMessageText(issue.message) ?? issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return packText('packProblemRequired');
      if (issue.expected === 'int') return packText('packProblemWholeNumber');
      return packText('packProblemType', expectedType(issue.expected), gotType(value));
    case 'too_small':
      return bound('least', issue.origin, Number(issue.minimum), issue.inclusive);
    case 'too_big':
      return bound('most', issue.origin, Number(issue.maximum), issue.inclusive);
    case 'invalid_value':
      return issue.values.length === 1
        ? packText('packProblemEquals', JSON.stringify(issue.values[0]))
        : packText('packProblemOneOf', issue.values.map((v) => String(v)).join(', '));
    case 'invalid_format':
      return packText('packProblemFormat');
    default:
      return issue.message;
  }
}

function bound(side: 'least' | 'most', origin: string, limit: number, inclusive = true): PackText {
  const least = side === 'least';
  if (origin === 'string') {
    if (least && limit <= 1) return packText('packProblemNotEmpty');
    return packText(least ? 'packProblemCharsAtLeast' : 'packProblemCharsAtMost', limit);
  }
  if (origin === 'array' || origin === 'set') {
    return packText(least ? 'packProblemItemsAtLeast' : 'packProblemItemsAtMost', limit);
  }
  if (!inclusive) return packText(least ? 'packProblemMoreThan' : 'packProblemLessThan', limit);
  return packText(least ? 'packProblemAtLeast' : 'packProblemAtMost', limit);
}

/** "a string or an object": the types a value may have, joined. */
function either(types: readonly (PackText | string)[]): PackText | string {
  return types.reduce((all, next) => packText('packProblemEither', all, next));
}

const EXPECTED: Record<string, PackTextKey> = {
  string: 'packExpectString',
  number: 'packExpectNumber',
  boolean: 'packExpectBoolean',
  object: 'packExpectObject',
  array: 'packExpectArray',
};
const GOT: Record<string, PackTextKey> = {
  string: 'packGotString',
  number: 'packGotNumber',
  boolean: 'packGotBoolean',
  object: 'packGotObject',
  array: 'packGotArray',
  null: 'packGotNull',
};

function expectedType(expected: string): PackText | string {
  const key = EXPECTED[expected];
  return key ? packText(key) : article(expected);
}

/** What a value is, as a problem line names it ("got a number"). */
export function gotType(value: unknown): PackText | string {
  const name = typeName(value);
  const key = GOT[name];
  return key ? packText(key) : name;
}

/** `entries[3] (id "nvidia") › aliases[2]`, `source.title`; the empty path is the pack itself. */
function formatPath(path: readonly PathKey[], input: unknown): PackText | string {
  if (path.length === 0) return packText('packProblemWholePack');
  if (path[0] === 'entries' && typeof path[1] === 'number') {
    const id = valueAt(input, ['entries', path[1], 'id']);
    const label = typeof id === 'string' && id !== '' ? ` (id ${JSON.stringify(shorten(id))})` : '';
    const head = `entries[${path[1]}]${label}`;
    return path.length > 2 ? `${head} › ${joinKeys(path.slice(2))}` : head;
  }
  return joinKeys(path);
}

function joinKeys(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out === '' ? '' : '.') + String(key);
  }
  return out;
}

/** Reads the raw input along a path without trusting its shape. */
function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || typeof key === 'symbol') return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Turns zod's issues for a pack into short sentences a pack author can act on:
 * `entries[3] (id "nvidia") › aliases[2]: must be at least 2 characters`.
 *
 * zod's default messages ("Invalid input: expected string, received undefined") name the
 * type system, not the problem, and union failures hide the real cause one level down, so
 * each issue code is rephrased here. Messages the schema wrote itself are kept as they are.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** zod's built-in messages start like this; anything else was written in the schema. */
const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)/;

/** One readable line per issue (duplicates removed), in zod's order. */
export function describeIssues(issues: z.ZodError | readonly Issue[], input: unknown): string[] {
  const list = 'issues' in issues ? issues.issues : issues;
  const lines = list.flatMap((issue) => describe(issue, [], input));
  return [...new Set(lines)];
}

function describe(issue: Issue, prefix: readonly PathKey[], input: unknown): string[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    const branch = closestBranch(issue.errors);
    if (branch) return branch.flatMap((inner) => describe(inner, path, input));
    const expected = new Set(issue.errors.flat().flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : [])));
    const value = valueAt(input, path);
    if (value === undefined) return [`${formatPath(path, input)}: required`];
    const got = typeName(value);
    return [`${formatPath(path, input)}: must be ${[...expected].map(article).join(' or ')} (got ${got})`];
  }
  return [`${formatPath(path, input)}: ${message(issue, valueAt(input, path))}`];
}

/**
 * The union member the input was meant to be: the first whose failure is not a type
 * mismatch at its root (a string alias that is too short fails the object member too,
 * but only as "expected object", which says nothing useful).
 */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  return branches.find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
}

function message(issue: Issue, value: unknown): string {
  if (!DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'required';
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${article(issue.expected)} (got ${typeName(value)})`;
    case 'too_small':
      return bound('at least', issue.origin, Number(issue.minimum), issue.inclusive);
    case 'too_big':
      return bound('at most', issue.origin, Number(issue.maximum), issue.inclusive);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_format':
      return 'has the wrong format';
    default:
      return issue.message;
  }
}

function bound(word: 'at least' | 'at most', origin: string, limit: number, inclusive = true): string {
  if (origin === 'string') {
    if (word === 'at least' && limit <= 1) return 'must not be empty';
    return `must be ${word} ${limit} characters`;
  }
  if (origin === 'array' || origin === 'set') return `must have ${word} ${limit} item${limit === 1 ? '' : 's'}`;
  if (!inclusive) return `must be ${word === 'at least' ? 'more' : 'less'} than ${limit}`;
  return `must be ${word} ${limit}`;
}

/** `entries[3] (id "nvidia") › aliases[2]`, `source.title`; the empty path is the pack itself. */
export function formatPath(path: readonly PathKey[], input: unknown): string {
  if (path.length === 0) return 'pack';
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

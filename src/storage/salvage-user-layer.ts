/**
 * Validates a stored user layer, keeping every part that is still readable.
 *
 * A layer that fails validation as a whole is taken apart: each overlay, added entry, edit,
 * removed id and imported pack is checked on its own and kept if valid. What is dropped is
 * listed in `problems`; the caller keeps the whole raw value in the quarantine, so nothing
 * is lost even then.
 */
import type { z } from 'zod';
import { entrySchema, packSchema, slugSchema, type Entry, type Pack } from '../glossary/schema';
import {
  emptyUserLayer,
  entryEditSchema,
  userLayerSchema,
  type EntryEdit,
  type PackOverlay,
  type UserLayer,
} from './user-layer-schema';

export interface SalvagedLayer {
  layer: UserLayer;
  /** One line per dropped part, naming where it was and why (English; kept in the quarantine). */
  problems: string[];
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `${path}${issue.message}`;
}

/** Parses each item of `list` with `parse`, collecting the failures as problems. */
function keepValid<T>(
  list: unknown,
  where: string,
  problems: string[],
  parse: (item: unknown) => z.ZodSafeParseResult<T>,
): T[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push(`${where}: not a list`);
    return [];
  }
  const kept: T[] = [];
  list.forEach((item, i) => {
    const result = parse(item);
    if (result.success) kept.push(result.data);
    else problems.push(`${where}[${i}]: ${firstIssue(result.error)}`);
  });
  return kept;
}

/** Reports fields this version does not know (written by a newer version, or damage). */
function reportUnknownFields(
  record: Record<string, unknown>,
  known: readonly string[],
  where: string,
  problems: string[],
) {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) problems.push(`${where}: unknown field "${key}"`);
  }
}

function salvageOverlay(raw: unknown, where: string, problems: string[]): PackOverlay | undefined {
  if (typeof raw !== 'object' || raw === null) {
    problems.push(`${where}: not an object`);
    return undefined;
  }
  const o = raw as Record<string, unknown>;
  const packId = slugSchema.safeParse(o.packId);
  if (!packId.success) {
    problems.push(`${where}.packId: ${firstIssue(packId.error)}`);
    return undefined;
  }
  reportUnknownFields(o, ['packId', 'enabled', 'added', 'edits', 'removed'], where, problems);
  if (o.enabled !== undefined && typeof o.enabled !== 'boolean') problems.push(`${where}.enabled: not true or false`);
  return {
    packId: packId.data,
    enabled: typeof o.enabled === 'boolean' ? o.enabled : true,
    added: keepValid<Entry>(o.added, `${where}.added`, problems, (e) => entrySchema.safeParse(e)),
    edits: keepValid<EntryEdit>(o.edits, `${where}.edits`, problems, (e) => entryEditSchema.safeParse(e)),
    removed: keepValid<string>(o.removed, `${where}.removed`, problems, (e) => slugSchema.safeParse(e)),
  };
}

/** Drops later items whose key repeats an earlier one. */
function firstByKey<T>(items: T[], key: (item: T) => string, where: string, problems: string[]): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) {
      problems.push(`${where}: "${k}" appears twice; the first one is kept`);
    } else {
      seen.add(k);
      kept.push(item);
    }
  }
  return kept;
}

/** The same overlay without repeated entry ids in `added` and `edits`. */
function dedupeOverlay(o: PackOverlay, problems: string[]): PackOverlay {
  const where = `overlays(${o.packId})`;
  return {
    ...o,
    added: firstByKey(o.added, (e) => e.id, `${where}.added`, problems),
    edits: firstByKey(o.edits, (e) => e.id, `${where}.edits`, problems),
    removed: [...new Set(o.removed)],
  };
}

/** Validates a stored layer, salvaging what it can. `null`/`undefined` is the empty layer. */
export function salvageUserLayer(raw: unknown): SalvagedLayer {
  if (raw == null) return { layer: emptyUserLayer(), problems: [] };
  const whole = userLayerSchema.safeParse(raw);
  if (whole.success) {
    const problems: string[] = [];
    const layer: UserLayer = {
      overlays: firstByKey(whole.data.overlays as PackOverlay[], (o) => o.packId, 'overlays', problems).map((o) =>
        dedupeOverlay(o, problems),
      ),
      userPacks: firstByKey(whole.data.userPacks as Pack[], (p) => p.id, 'userPacks', problems),
    };
    return { layer, problems };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { layer: emptyUserLayer(), problems: ['the stored glossary layer is not an object'] };
  }
  const r = raw as Record<string, unknown>;
  const problems: string[] = [];
  reportUnknownFields(r, ['overlays', 'userPacks'], 'layer', problems);
  const overlays: PackOverlay[] = [];
  if (r.overlays !== undefined && !Array.isArray(r.overlays)) problems.push('overlays: not a list');
  (Array.isArray(r.overlays) ? r.overlays : []).forEach((o, i) => {
    const overlay = salvageOverlay(o, `overlays[${i}]`, problems);
    if (overlay) overlays.push(overlay);
  });
  const userPacks = keepValid<Pack>(r.userPacks, 'userPacks', problems, (p) => packSchema.safeParse(p));
  return {
    layer: {
      overlays: firstByKey(overlays, (o) => o.packId, 'overlays', problems).map((o) => dedupeOverlay(o, problems)),
      userPacks: firstByKey(userPacks, (p) => p.id, 'userPacks', problems),
    },
    problems,
  };
}

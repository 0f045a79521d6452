/**
 * Validates a stored user layer, keeping every part that is still readable.
 *
 * A layer that fails validation as a whole is taken apart: each overlay, added entry, edit,
 * removed id and imported pack is checked on its own and kept if valid. What is dropped is
 * listed in `problems`; the caller keeps the whole raw value in the quarantine, so nothing
 * is lost even then.
 */
import type { z } from 'zod';
import { gotType, issueProblems, problemLine } from '../glossary/describe-issues';
import { packText, type PackText } from '../glossary/pack-text';
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
  /**
   * One line per dropped part, naming where it was and why: texts the editor writes in the
   * reader's language, and the quarantine in English (`inEnglish`).
   */
  problems: PackText[];
}

/** Where a problem is in the stored layer ("overlays[0].added[1]"), and what it is. */
type Problems = PackText[];

const report = (problems: Problems, where: string, problem: PackText | string) =>
  problems.push(packText('packProblemLine', where, problem));

/** zod's first issue with an item, as the pack parser words it, the place inside the item kept. */
function firstIssue(error: z.ZodError, item: unknown): PackText | string {
  const [first] = issueProblems(error, item);
  if (!first) return packText('packProblemFormat');
  // An issue with the item as a whole needs no place of its own: "where" names the item.
  return first.path.length === 0 ? first.problem : problemLine(first, item);
}

const mustBe = (expected: 'packExpectArray' | 'packExpectObject' | 'packExpectBoolean', value: unknown) =>
  packText('packProblemType', packText(expected), gotType(value));

/** Parses each item of `list` with `parse`, collecting the failures as problems. */
function keepValid<T>(
  list: unknown,
  where: string,
  problems: Problems,
  parse: (item: unknown) => z.ZodSafeParseResult<T>,
): T[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    report(problems, where, mustBe('packExpectArray', list));
    return [];
  }
  const kept: T[] = [];
  list.forEach((item, i) => {
    const result = parse(item);
    if (result.success) kept.push(result.data);
    else report(problems, `${where}[${i}]`, firstIssue(result.error, item));
  });
  return kept;
}

/** Reports fields this version does not know (written by a newer version, or damage). */
function reportUnknownFields(
  record: Record<string, unknown>,
  known: readonly string[],
  where: string,
  problems: Problems,
) {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) report(problems, where, packText('packStoredUnknownField', key));
  }
}

function salvageOverlay(raw: unknown, where: string, problems: Problems): PackOverlay | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report(problems, where, mustBe('packExpectObject', raw));
    return undefined;
  }
  const o = raw as Record<string, unknown>;
  const packId = slugSchema.safeParse(o.packId);
  if (!packId.success) {
    report(problems, `${where}.packId`, firstIssue(packId.error, o.packId));
    return undefined;
  }
  reportUnknownFields(o, ['packId', 'enabled', 'added', 'edits', 'removed'], where, problems);
  if (o.enabled !== undefined && typeof o.enabled !== 'boolean')
    report(problems, `${where}.enabled`, mustBe('packExpectBoolean', o.enabled));
  return {
    packId: packId.data,
    enabled: typeof o.enabled === 'boolean' ? o.enabled : true,
    added: keepValid<Entry>(o.added, `${where}.added`, problems, (e) => entrySchema.safeParse(e)),
    edits: keepValid<EntryEdit>(o.edits, `${where}.edits`, problems, (e) => entryEditSchema.safeParse(e)),
    removed: keepValid<string>(o.removed, `${where}.removed`, problems, (e) => slugSchema.safeParse(e)),
  };
}

/** Drops later items whose key repeats an earlier one. */
function firstByKey<T>(items: T[], key: (item: T) => string, where: string, problems: Problems): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) {
      report(problems, where, packText('packStoredTwice', k));
    } else {
      seen.add(k);
      kept.push(item);
    }
  }
  return kept;
}

/** The same overlay without repeated entry ids in `added` and `edits`. */
function dedupeOverlay(o: PackOverlay, problems: Problems): PackOverlay {
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
  const problems: Problems = [];
  const layer = salvage(raw, problems);
  return { layer, problems };
}

function salvage(raw: unknown, problems: Problems): UserLayer {
  if (raw == null) return emptyUserLayer();
  const whole = userLayerSchema.safeParse(raw);
  if (whole.success) {
    return {
      overlays: firstByKey(whole.data.overlays as PackOverlay[], (o) => o.packId, 'overlays', problems).map((o) =>
        dedupeOverlay(o, problems),
      ),
      userPacks: firstByKey(whole.data.userPacks as Pack[], (p) => p.id, 'userPacks', problems),
    };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(packText('packStoredLayerNotObject'));
    return emptyUserLayer();
  }
  const r = raw as Record<string, unknown>;
  reportUnknownFields(r, ['overlays', 'userPacks'], 'layer', problems);
  const overlays: PackOverlay[] = [];
  if (r.overlays !== undefined && !Array.isArray(r.overlays))
    report(problems, 'overlays', mustBe('packExpectArray', r.overlays));
  (Array.isArray(r.overlays) ? r.overlays : []).forEach((o, i) => {
    const overlay = salvageOverlay(o, `overlays[${i}]`, problems);
    if (overlay) overlays.push(overlay);
  });
  const userPacks = keepValid<Pack>(r.userPacks, 'userPacks', problems, (p) => packSchema.safeParse(p));
  return {
    overlays: firstByKey(overlays, (o) => o.packId, 'overlays', problems).map((o) => dedupeOverlay(o, problems)),
    userPacks: firstByKey(userPacks, (p) => p.id, 'userPacks', problems),
  };
}

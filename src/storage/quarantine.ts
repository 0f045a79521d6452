/**
 * Where unreadable stored data goes instead of being dropped. Records are only appended:
 * the editor offers them for download and removes them only when the reader asks.
 */
import { quarantineItem } from './items';

export interface QuarantineRecord {
  /** When the data was found unreadable (ISO 8601). */
  at: string;
  /** The storage key it was read from. */
  key: string;
  /** Why it could not be used, in English (shown to the reader and kept in the export). */
  reason: string;
  /** The data exactly as it was read. */
  raw: unknown;
}

function isRecord(value: unknown): value is QuarantineRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.at === 'string' && typeof v.key === 'string' && typeof v.reason === 'string' && 'raw' in v;
}

/**
 * Reads the quarantine. Anything in it that is not a well-formed record is itself kept,
 * wrapped as a record, rather than ignored.
 */
export async function readQuarantine(): Promise<QuarantineRecord[]> {
  const stored = await quarantineItem.getValue();
  if (stored == null) return [];
  const list = Array.isArray(stored) ? stored : [stored];
  return list.map((item) =>
    isRecord(item) ? item : { at: '', key: 'local:quarantine', reason: 'unrecognised quarantine record', raw: item },
  );
}

/** Keeps `raw` from `key` in the quarantine unless an identical copy is already there. */
export async function quarantine(key: string, raw: unknown, reason: string, now = new Date()): Promise<void> {
  const records = await readQuarantine();
  const text = JSON.stringify(raw);
  if (records.some((r) => r.key === key && JSON.stringify(r.raw) === text)) return;
  records.push({ at: now.toISOString(), key, reason, raw });
  await quarantineItem.setValue(records);
}

/** Empties the quarantine; only on the reader's explicit request, after they could export it. */
export async function clearQuarantine(): Promise<void> {
  await quarantineItem.removeValue();
}

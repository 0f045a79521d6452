/**
 * How related a page is to the column, from 0 to 100.
 *
 * Both sides are vectors over the glossary's entries: the page's side counts how often each
 * entry occurs on the page, the column's side is each entry's `mentions` in the pack. The
 * score is their cosine similarity, so it measures the *mix* of names, not the page's length:
 * a page that talks about the same things in the same proportions as the column scores high
 * whether it is a brief or a long feature.
 *
 * Raw counts are damped with log(1 + n) on both sides. Without it one name repeated
 * forty times (a company report on Nvidia) decides the whole score, and a page that
 * touches many of the column's subjects once each looks unrelated; with it, breadth
 * counts and repetition still counts, but less.
 *
 * Each dimension is scaled by the entry's `weight` (how central it is to the column's
 * argument, 0–1; 0.5 when the pack says nothing), applied to both vectors, so central
 * entries shared by page and column pull the score up more than incidental ones.
 *
 * The similarity is then scaled by how much evidence the page gives (`breadth`): a cosine
 * over one dimension is that entry's share of the column whatever the page is about, so a
 * gardening club's page naming "open source" once scored 24, above an article on Alibaba's AI
 * chip naming six entries (21). One or two names are weak evidence; the factor grows with the
 * number of the column's entries named, to 1 once the page names as many as the column does.
 */

export interface ScoredEntry {
  id: string;
  /** Times the column mentions the entry; absent or 0 means the column only names it in passing. */
  mentions?: number;
  /** Centrality to the column's argument, 0–1. */
  weight?: number;
}

/** Weight of an entry whose pack gives none: the middle of the 0–1 scale. */
export const DEFAULT_WEIGHT = 0.5;

/**
 * Distinct entries at which the breadth factor reaches 63 % (1 − 1/e): one name counts for 0.22,
 * three for 0.53, six for 0.78, ten for 0.92 (against a column of many entries).
 */
export const BREADTH_SCALE = 4;

/**
 * How much of the similarity a page naming `found` distinct entries earns, against a column
 * that names `columnEntries`: 1 − e^(−found / scale), normalised so that naming as many
 * entries as the column does earns all of it.
 */
export function breadth(found: number, columnEntries: number): number {
  if (found <= 0 || columnEntries <= 0) return 0;
  const earned = (n: number) => 1 - Math.exp(-n / BREADTH_SCALE);
  return Math.min(1, earned(found) / earned(columnEntries));
}

/** Damps a count: 0 stays 0, 1 → 0.69, 10 → 2.4, 100 → 4.6. */
export function damp(count: number): number {
  return Number.isFinite(count) && count > 0 ? Math.log1p(count) : 0;
}

/**
 * Weighted cosine similarity of damped counts times the page's breadth, scaled to 0–100 and
 * rounded. 0 when either side is empty (no entries found, or a pack without `mentions`).
 * Ids in `pageCounts` that are not glossary entries are ignored.
 */
export function relevanceScore(pageCounts: Readonly<Record<string, number>>, entries: readonly ScoredEntry[]): number {
  let dot = 0;
  let pageNorm = 0;
  let columnNorm = 0;
  let pageEntries = 0;
  let columnEntries = 0;
  for (const entry of entries) {
    const weight = Math.min(1, Math.max(0, entry.weight ?? DEFAULT_WEIGHT));
    const w2 = weight * weight;
    const page = damp(Object.hasOwn(pageCounts, entry.id) ? (pageCounts[entry.id] ?? 0) : 0);
    const column = damp(entry.mentions ?? 0);
    dot += w2 * page * column;
    pageNorm += w2 * page * page;
    columnNorm += w2 * column * column;
    // Breadth counts the column's own subjects: a name it never mentions (or weighs at 0) is no
    // evidence that the page is about it, and it already dilutes the similarity.
    if (w2 > 0 && column > 0) {
      columnEntries++;
      if (page > 0) pageEntries++;
    }
  }
  if (pageNorm === 0 || columnNorm === 0) return 0;
  const cosine = dot / Math.sqrt(pageNorm * columnNorm);
  // Rounding error can push a perfect match a hair above 1.
  return Math.round(100 * Math.min(1, Math.max(0, cosine)) * breadth(pageEntries, columnEntries));
}

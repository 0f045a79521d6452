/**
 * Finding the occurrence to go to (keyboard navigation, "reveal") among every match the page
 * shows, drawn or still waiting for the viewport: the highlighter draws only about a screen
 * ahead, and navigating must not stop at the edge of what happens to be drawn. The match found
 * is drawn at once, then the engine says where it is.
 */
import type { Drawing } from './drawing';
import type { HighlightEngine, Occurrence } from './engine';
import { adjacentItem, type Direction, type TextPoint } from './occurrences';
import type { ContainerState, PageState, PendingMatch } from './page-state';

export interface FinderContext {
  page: PageState;
  engine: HighlightEngine;
  drawing: Drawing;
  entryIds: readonly string[];
  /**
   * Whether the reader can be taken to an occurrence (see `HighlighterDeps.canVisit`). The
   * others are passed over: going there would show nothing, and the next search from where
   * the reader is would find the same one again.
   */
  canVisit?(occurrence: Occurrence): boolean;
}

export interface FoundOccurrence {
  occurrence: Occurrence;
  /** Where it starts in the page's original text (the `from` of the next search). */
  point: TextPoint;
}

interface Candidate {
  state: ContainerState;
  match: PendingMatch;
}

/** A match that cannot be drawn is left out and the search goes on, this many times at most. */
const MAX_SKIPS = 32;
/** How many occurrences the reader cannot be taken to one search passes over before it gives up. */
const MAX_PASSED = 200;

function* candidates(page: PageState, entry: number | undefined): Generator<Candidate> {
  for (const state of page.states.values()) {
    if (!state.container.isConnected) continue;
    for (const match of state.shown) if (entry === undefined || match.entry === entry) yield { state, match };
  }
}

const pointOf = ({ match }: Candidate): TextPoint => ({ node: match.pieces[0]!.node, offset: match.pieces[0]!.start });
const samePoint = (a: TextPoint, b: TextPoint) => a.node === b.node && a.offset === b.offset;

/**
 * The occurrence after (or before) `from`, wrapping around, that the reader can be taken to
 * (`canVisit`); only of `entry` when given. `from` may be any point in the page, including
 * inside the engine's own nodes.
 */
export function findOccurrence(
  context: FinderContext,
  from: TextPoint | undefined,
  direction: Direction,
  entry?: number,
): FoundOccurrence | undefined {
  const { page, engine, drawing, entryIds, canVisit } = context;
  let start = from && (engine.originalPoint(from.node, from.offset) ?? from);
  let firstPassed: TextPoint | undefined;
  for (let skips = 0, passed = 0; skips < MAX_SKIPS && passed < MAX_PASSED;) {
    const found = adjacentItem(candidates(page, entry), pointOf, start, direction);
    if (!found) return undefined;
    const point = pointOf(found);
    if (firstPassed && samePoint(point, firstPassed)) return undefined; // round the page: none can be shown
    drawing.drawNow(found.state, found.match);
    const where = engine.locate(found.match.pieces);
    const id = entryIds[found.match.entry];
    if (!where || id === undefined) {
      // Its text changed before it was drawn; the page's change will be read again anyway.
      page.dropShown(found.state, found.match);
      skips++;
      continue;
    }
    const occurrence: Occurrence = { id, ...where };
    if (canVisit?.(occurrence) !== false) return { occurrence, point };
    firstPassed ??= point;
    start = point;
    passed++;
  }
  return undefined;
}

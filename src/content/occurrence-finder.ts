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

function* candidates(page: PageState, entry: number | undefined): Generator<Candidate> {
  for (const state of page.states.values()) {
    if (!state.container.isConnected) continue;
    for (const match of state.shown) if (entry === undefined || match.entry === entry) yield { state, match };
  }
}

const pointOf = ({ match }: Candidate): TextPoint => ({ node: match.pieces[0]!.node, offset: match.pieces[0]!.start });

/**
 * The occurrence after (or before) `from`, wrapping around; only of `entry` when given.
 * `from` may be any point in the page, including inside the engine's own nodes.
 */
export function findOccurrence(
  context: FinderContext,
  from: TextPoint | undefined,
  direction: Direction,
  entry?: number,
): FoundOccurrence | undefined {
  const { page, engine, drawing, entryIds } = context;
  const start = from && (engine.originalPoint(from.node, from.offset) ?? from);
  for (let skips = 0; skips < MAX_SKIPS; skips++) {
    const found = adjacentItem(candidates(page, entry), pointOf, start, direction);
    if (!found) return undefined;
    drawing.drawNow(found.state, found.match);
    const where = engine.locate(found.match.pieces);
    const id = entryIds[found.match.entry];
    if (where && id !== undefined) return { occurrence: { id, ...where }, point: pointOf(found) };
    // Its text changed before it was drawn; the page's change will be read again anyway.
    page.dropShown(found.state, found.match);
  }
  return undefined;
}

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

function* candidates(page: PageState, entry: number | undefined): Generator<Candidate> {
  for (const state of page.states.values()) {
    if (!state.container.isConnected) continue;
    for (const match of state.shown) if (entry === undefined || match.entry === entry) yield { state, match };
  }
}

const pointOf = ({ match }: Candidate): TextPoint => ({ node: match.pieces[0]!.node, offset: match.pieces[0]!.start });

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
  const { page, engine, canVisit } = context;
  const start = from && (engine.originalPoint(from.node, from.offset) ?? from);
  // The nearest one, as a rule drawn and shown: one pass over the candidates, no sort.
  for (let skips = 0; skips < MAX_SKIPS; skips++) {
    const found = adjacentItem(candidates(page, entry), pointOf, start, direction);
    if (!found) return undefined;
    if (canVisit && !canVisit(undrawn(context, found))) break;
    const drawn = draw(context, found);
    if (drawn === undefined) continue;
    if (!canVisit || canVisit(drawn.occurrence)) return drawn;
    break;
  }
  return canVisit && passOver(context, start, direction, entry, canVisit);
}

/**
 * Past occurrences the reader cannot be taken to (a closed menu, a collapsed section): every
 * candidate is judged once, before it is drawn, and the nearest of those left is drawn. Going
 * to a hidden one would show nothing, and the next search from where the reader is would
 * find the same one again.
 */
function passOver(
  context: FinderContext,
  start: TextPoint | undefined,
  direction: Direction,
  entry: number | undefined,
  canVisit: (occurrence: Occurrence) => boolean,
): FoundOccurrence | undefined {
  const shown = [...candidates(context.page, entry)].filter((candidate) => canVisit(undrawn(context, candidate)));
  for (let skips = 0; skips < MAX_SKIPS; skips++) {
    const found = adjacentItem(shown, pointOf, start, direction);
    if (!found) return undefined;
    const drawn = draw(context, found);
    if (drawn && canVisit(drawn.occurrence)) return drawn;
    shown.splice(shown.indexOf(found), 1);
  }
  return undefined;
}

/**
 * A candidate as an occurrence before it is drawn, for `canVisit` to judge by where it is: the
 * text node it starts in (whose offsets a drawn highlight may have moved into nodes of ours).
 */
function undrawn({ entryIds }: FinderContext, { match }: Candidate): Occurrence {
  const node = match.pieces[0]!.node;
  const range = node.ownerDocument!.createRange();
  range.selectNodeContents(node);
  return { id: entryIds[match.entry] ?? '', range };
}

/** Draws `candidate` at once and says where it is; undefined when its text changed before it was drawn. */
function draw({ page, engine, drawing, entryIds }: FinderContext, candidate: Candidate): FoundOccurrence | undefined {
  const { state, match } = candidate;
  drawing.drawNow(state, match);
  const where = engine.locate(match.pieces);
  const id = entryIds[match.entry];
  if (where && id !== undefined) return { occurrence: { id, ...where }, point: pointOf(candidate) };
  // Its text changed before it was drawn; the page's change will be read again anyway.
  page.dropShown(state, match);
  return undefined;
}

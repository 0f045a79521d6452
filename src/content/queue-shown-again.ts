/**
 * Handing a page over to another engine: every match read so far and shown is queued to be
 * drawn again, block by block, as its element nears the viewport. Nothing is read twice.
 */
import type { Drawing } from './drawing';
import type { PageState, PendingBlock } from './page-state';
import { blockTarget } from './reader';

/** Forgets what each container drew and queues its shown matches on `drawing` (the new engine's). */
export function queueShownAgain(page: PageState, drawing: Drawing): void {
  for (const state of page.states.values()) {
    state.drawn.clear();
    state.pending = [];
    let block: PendingBlock | undefined;
    // A giant text node holds up to a hundred thousand matches in a row: one lookup for them all.
    let node: Text | undefined;
    let target: Element | undefined;
    for (const match of state.shown) {
      if (match.pieces[0]!.node !== node) {
        node = match.pieces[0]!.node;
        target = blockTarget(node);
      }
      if (!target) continue;
      if (block?.target === target) {
        block.matches.push(match);
        continue;
      }
      block = { state, target, matches: [match] };
      state.pending.push(block);
      drawing.wait(block);
    }
  }
}

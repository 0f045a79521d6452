/**
 * Turning pending matches into highlights: each pending block waits until its element comes
 * near the viewport, then joins a queue drawn in small batches by the scheduler. Everything
 * drawn in one slice reaches the page in one task, so the browser lays out once per slice.
 */
import type { HighlightEngine, Piece } from './engine';
import { WINDOWED_PIECES, type GiantTextWindows } from './giant-text-window';
import type { ContainerState, PendingBlock, PendingMatch } from './page-state';
import { PRIORITY, type Scheduler } from './scheduler';
import type { ViewportWatcher, ViewportWatcherFactory } from './viewport';

/** Pieces drawn per scheduler step (a few hundred elements stay well inside one slice). */
const BATCH = 200;
/**
 * A text node with more pieces than this (a 5 MB log or dump) is drawn by the engine in steps
 * but written at once: every separate write to it would make the browser lay it out again.
 */
const NODE_BATCH = 1_000;

export interface Drawing {
  /** Draws `block` once it is near the viewport. */
  wait(block: PendingBlock): void;
  /** Stops waiting for the blocks of `state` and undraws what it drew. */
  undraw(state: ContainerState): void;
  /** Draws `match` of `state` now if it is still waiting (keyboard navigation and "reveal" go to it). */
  drawNow(state: ContainerState, match: PendingMatch): void;
  /** Forgets every waiting block (highlights themselves are removed by the engine). */
  reset(): void;
  disconnect(): void;
}

/** Connects the viewport watcher, the scheduler and the engine. */
export function createDrawing(
  engine: HighlightEngine,
  scheduler: Scheduler,
  viewport: ViewportWatcherFactory,
  ownWrites: <T>(write: () => T) => T,
  /** Paints text nodes with very many pieces only near the viewport (painting engines). */
  windows?: GiantTextWindows,
): Drawing {
  const waiting = new Map<Element, Set<PendingBlock>>();
  const queue: PendingBlock[] = [];
  let drawing = false;
  // False once disconnected: a drawing job still queued in the scheduler then writes nothing
  // (the highlighter may have handed the page to another engine meanwhile).
  let live = true;
  /**
   * Made when the first block waits: a page that names nothing never needs one, and making
   * it (an IntersectionObserver, and V8 compiling the watcher's code on its first call) is
   * part of what switching highlights on costs such a page. It places its first blocks in a
   * frame, and the frame comes only between our tasks: the slice that makes it ends there,
   * so the names on screen are drawn a frame after they were read rather than after the
   * slices of reading queued meanwhile (the generated page's first mark 21–37 ms sooner,
   * untraced loads interleaved: tests/bench/HISTORY.md).
   */
  let watcher: ViewportWatcher | undefined;

  function near(elements: Element[], inFrame = false): void {
    const queued = queue.length;
    for (const el of elements) {
      const blocks = waiting.get(el);
      if (!blocks) continue;
      waiting.delete(el);
      watcher?.unobserve(el);
      for (const block of blocks) if (!block.state.dropped) queue.push(block);
    }
    // Reported by the viewport watcher, after the browser's layout: reading styles costs nothing now.
    if (engine.prepare && queue.length > queued)
      engine.prepare(queue.slice(queued).flatMap((block) => block.matches.flatMap((m) => m.pieces)));
    if (queue.length > 0 && !drawing) {
      drawing = true;
      scheduler.add(drain(), PRIORITY.visible);
    }
    // In a frame's callback: drawn now, the marks show in this frame (the slice ends once they are drawn).
    if (inFrame && queue.length > 0) scheduler.runNow();
  }

  function draw(state: ContainerState, pieces: readonly Piece[]): void {
    if (!live) return;
    ownWrites(() => engine.apply(pieces));
    for (const piece of pieces) state.drawn.add(piece.node);
  }

  function* drawBlock(block: PendingBlock): Generator<undefined, void> {
    const { state } = block;
    const pieces = block.matches.flatMap((m) => m.pieces);
    // A block is laid out as one: with very many names (a 5 MB log, in one text node or one per
    // line, spans or none), only those near the reader are painted, whatever nodes they are in.
    if (windows && pieces.length > WINDOWED_PIECES) {
      if (live && !state.dropped) {
        for (const piece of pieces) state.drawn.add(piece.node);
        windows.add(pieces);
        yield undefined;
      }
    } else yield* drawInBatches(state, pieces);
    block.matches = [];
    const index = state.pending.indexOf(block);
    if (index >= 0) state.pending.splice(index, 1);
  }

  /** Draws `pieces` a batch per step; a text node with very many of them is written at once. */
  function* drawInBatches(state: ContainerState, pieces: readonly Piece[]): Generator<undefined, void> {
    let batch: Piece[] = [];
    for (let i = 0; i < pieces.length && live && !state.dropped;) {
      // Pieces of one text node are consecutive: take them as one group.
      const node = pieces[i]!.node;
      let end = i + 1;
      while (end < pieces.length && pieces[end]!.node === node) end++;
      const group = pieces.slice(i, end);
      i = end;
      if (group.length > NODE_BATCH && engine.applyInSteps) {
        if (batch.length > 0) draw(state, batch);
        batch = [];
        state.drawn.add(node);
        // Built over several steps, written in one: a giant text node is laid out again once.
        yield* engine.applyInSteps(group, (change) => {
          if (live && !state.dropped) ownWrites(change);
        });
        continue;
      }
      if (batch.length > 0 && batch.length + group.length > BATCH) {
        draw(state, batch);
        batch = [];
        yield undefined;
      }
      batch.push(...group);
    }
    if (!state.dropped && batch.length > 0) draw(state, batch);
  }

  function* drain(): Generator<undefined, void> {
    try {
      for (let block = queue.shift(); block; block = queue.shift()) {
        yield* drawBlock(block);
        yield undefined;
      }
      // The marks reach the screen in the next frame after this task: no more reading first.
      scheduler.endSlice();
    } finally {
      drawing = false;
    }
  }

  function stopWaiting(block: PendingBlock): void {
    const blocks = waiting.get(block.target);
    if (!blocks) return;
    blocks.delete(block);
    if (blocks.size === 0) {
      waiting.delete(block.target);
      watcher?.unobserve(block.target);
    }
  }

  return {
    wait(block) {
      const blocks = waiting.get(block.target);
      if (blocks) blocks.add(block);
      else {
        waiting.set(block.target, new Set([block]));
        const first = !watcher;
        (watcher ??= viewport(near)).observe(block.target);
        if (first) scheduler.endSlice();
      }
    },
    undraw(state) {
      for (const block of state.pending) stopWaiting(block);
      state.pending = [];
      for (const node of state.drawn) windows?.drop(node);
      if (state.drawn.size > 0) ownWrites(() => engine.remove(state.drawn));
      state.drawn.clear();
    },
    drawNow(state, match) {
      for (const block of state.pending) {
        const index = block.matches.indexOf(match);
        if (index < 0) continue;
        block.matches = block.matches.filter((m) => m !== match);
        draw(state, match.pieces);
        return;
      }
    },
    reset() {
      drawing = false;
      windows?.clear();
      watcher?.disconnect();
      watcher = undefined;
      waiting.clear();
      queue.length = 0;
    },
    disconnect() {
      live = false;
      windows?.clear();
      watcher?.disconnect();
      waiting.clear();
      queue.length = 0;
    },
  };
}

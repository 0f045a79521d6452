/**
 * What drawing costs, read from a Chromium trace of one page load (see trace.ts): the
 * content script's scheduler slices (its reading and drawing work, each a `scheduler.postTask`
 * callback) and the browser's rendering tasks after the first slice, where the relayout that
 * marks cause is paid. The script's start (evaluating the bundle, loading the glossary) is
 * left out: it is the same for both engines.
 */
import { mainThreadOf, type TraceEvent } from './trace';

export interface DrawingCost {
  /** Slices run and their total time, in ms. */
  slices: number;
  sliceMs: number;
  longestSliceMs: number;
  /** Longest rendering task (style, layout, paint) from the first slice on, in ms. */
  longestRenderMs: number;
  /** Longest rendering task of the whole load (the page's own, without the extension), in ms. */
  longestAnyRenderMs: number;
  /** Style recalculation and layout of the whole load, in ms. */
  layoutMs: number;
  /** Every task of the main thread, in ms. */
  mainThreadMs: number;
  /** From DOMContentLoaded to the end of the last slice, in ms. */
  completeMs?: number;
}

const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'UpdateLayerTree']);

/** Sums up the slices and rendering of the renderer main thread showing `url`. */
export function drawingCost(events: readonly TraceEvent[], url: string): DrawingCost {
  const thread = mainThreadOf(events, url);
  // The same thread mainThreadOf chose: the renderer main thread whose tasks these are.
  const first = thread.tasks[0];
  const owner = events.find(
    (e) =>
      e.ph === 'X' &&
      first &&
      e.ts === first.start &&
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  const own = events
    .filter((e) => e.pid === owner?.pid && e.tid === owner?.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  let cursor = 0;
  const slices: { start: number; end: number }[] = [];
  const renders: { start: number; end: number }[] = [];
  for (const task of thread.tasks) {
    while (cursor < own.length && own[cursor]!.ts < task.start) cursor++;
    let slice = false;
    let render = false;
    for (let i = cursor; i < own.length && own[i]!.ts <= task.end; i++) {
      const name = own[i]!.name;
      if (name === 'RunPostTaskCallback' && task.extension) slice = true;
      if (RENDER.has(name)) render = true;
    }
    if (slice) slices.push(task);
    else if (render) renders.push(task);
  }
  const ms = (us: number) => us / 1000;
  const length = (t: { start: number; end: number }) => t.end - t.start;
  const firstSlice = slices[0]?.start ?? Infinity;
  const lastSlice = slices[slices.length - 1];
  return {
    slices: slices.length,
    sliceMs: ms(slices.reduce((sum, t) => sum + length(t), 0)),
    longestSliceMs: ms(Math.max(0, ...slices.map(length))),
    longestRenderMs: ms(Math.max(0, ...renders.filter((t) => t.start >= firstSlice).map(length))),
    longestAnyRenderMs: ms(Math.max(0, ...renders.map(length))),
    layoutMs: ms(thread.layout),
    mainThreadMs: ms(thread.tasks.reduce((sum, t) => sum + length(t), 0)),
    completeMs:
      lastSlice && thread.domContentLoaded !== undefined ? ms(lastSlice.end - thread.domContentLoaded) : undefined,
  };
}

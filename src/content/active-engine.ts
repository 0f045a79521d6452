/**
 * The engine drawing one document's highlights now, with its drawing (drawing.ts), and the
 * engines still taking theirs back (retiring-engines.ts). The highlighter decides what to
 * draw; this decides which engine draws it, and hands a page from marks to painted ranges
 * when the advisor (engine-choice.ts) finds that marks would cost it too much relayout.
 */
import { createAdoptedStyles } from './adopted-styles';
import { createDrawing, type Drawing } from './drawing';
import { LEFT_BEHIND_MARK_CSS, type HighlightEngine } from './engine';
import { createEngine, EngineAdvisor, startingEngine, type EngineChoice } from './engine-choice';
import { createGiantTextWindows } from './giant-text-window';
import type { PageState, PendingBlock } from './page-state';
import { queueShownAgain } from './queue-shown-again';
import { RetiringEngines } from './retiring-engines';
import type { Scheduler } from './scheduler';
import type { ViewportWatcherFactory } from './viewport';
import { createWrittenTextRepair } from './written-text';

export interface ActiveEngineDeps {
  document: Document;
  window: Window & typeof globalThis;
  /** A fixed engine (tests): it is never handed over. */
  engine?: HighlightEngine;
  choice: EngineChoice;
  /** The painted highlights' rules (see `HighlighterDeps.paintedCss`). */
  paintedCss?: string;
  /** What was read: after a hand-over, every match shown is drawn again from it. */
  page: PageState;
  scheduler: Scheduler;
  viewport: ViewportWatcherFactory;
  /** Wraps each change we make to the page (the mutation watcher's `ownWrites`). */
  ownWrites: <T>(write: () => T) => T;
}

export interface ActiveEngine {
  /** The engine drawing now. */
  readonly engine: HighlightEngine;
  /** Its drawing: what waits for the viewport, and what was drawn. */
  readonly drawing: Drawing;
  /** True while highlights drawn before are still being taken back. */
  readonly retiring: boolean;
  /** The original text node behind a node of ours (marks and split text), of any engine. */
  originalOf(node: Node): Text | undefined;
  /** A block of matches to draw once near the viewport (the reader's `pending` hook). */
  wait(block: PendingBlock): void;
  /**
   * The page wrote this text node's text. What we drew on it goes before the page is painted
   * (written-text.ts); the re-read of its container draws the new text's names.
   */
  textWritten(node: Text): void;
  /**
   * Queues taking back every highlight drawn so far, ahead of every read and draw. The
   * engine stays the one drawing: what is read afterwards is drawn by it again.
   */
  retire(): void;
  /** After a read of the page's changes: marks keep plain text's look if the page dropped our rules. */
  keepLeftBehindLook(): void;
  /** Teardown: every highlight taken back in this task, and our rules released. */
  removeAllNow(): void;
}

export function createActiveEngine(deps: ActiveEngineDeps): ActiveEngine {
  const { document: doc, window: win, choice, scheduler, ownWrites } = deps;
  const paintedStyles = createAdoptedStyles(win, deps.paintedCss);
  // "auto" paints what a mark would tear apart (item-text.ts) with rules it adopts and releases itself.
  const paintItemText =
    choice === 'auto' ? { newPaintedStyles: () => createAdoptedStyles(win, deps.paintedCss) } : undefined;
  let engine = deps.engine ?? createEngine(startingEngine(choice, doc, win), doc, win, paintedStyles, paintItemText);
  const advisor = !deps.engine && choice === 'auto' && engine.kind === 'dom' ? new EngineAdvisor(win) : undefined;
  const retiring = new RetiringEngines(scheduler, ownWrites);
  const repairWritten = createWrittenTextRepair((node) => {
    engine.dropWritten?.(node);
    retiring.dropWritten(node);
  }, ownWrites);

  // Marks keep the look of plain text if our scripts end without taking them back: the
  // document adopts LEFT_BEHIND_MARK_CSS with the first mark drawn, and again after a read of
  // the page's changes if the page dropped it. Not on every write: asking the document for its
  // sheets costs more than the write's own bookkeeping (1.6 µs against 0.2 µs in Chromium).
  const leftBehindLook = createAdoptedStyles(win, LEFT_BEHIND_MARK_CSS);
  let marksDrawn = false;
  const markWrites = <T>(write: () => T): T => {
    if (!marksDrawn) {
      marksDrawn = true;
      leftBehindLook.adopt(doc);
    }
    return ownWrites(write);
  };

  // Painted highlights cost the browser work per range on every frame: giant text nodes are
  // painted only near the viewport (giant-text-window.ts). Marks cost nothing once drawn.
  const drawingFor = (next: HighlightEngine): Drawing =>
    createDrawing(
      next,
      scheduler,
      deps.viewport,
      next.kind === 'dom' ? markWrites : ownWrites,
      next.kind === 'highlight' ? createGiantTextWindows(doc, next, ownWrites) : undefined,
    );
  let drawing = drawingFor(engine);

  /**
   * Hands the page over to the highlight engine: the marks drawn so far are taken back (the
   * DOM as it was, in slices ahead of everything else) and every match to show is drawn again
   * as painted ranges. What was read stays: nothing is read twice.
   */
  function switchToHighlights(): void {
    retiring.retire(engine);
    drawing.disconnect();
    engine = createEngine('highlight', doc, win, paintedStyles);
    drawing = drawingFor(engine);
    queueShownAgain(deps.page, drawing);
  }

  return {
    get engine() {
      return engine;
    },
    get drawing() {
      return drawing;
    },
    get retiring() {
      return retiring.busy;
    },
    originalOf: (node) => engine.originalOf(node) ?? retiring.originalOf(node),
    wait(block) {
      drawing.wait(block);
      if (engine.kind === 'dom' && advisor?.note(block)) switchToHighlights();
    },
    textWritten(node) {
      engine.textWritten?.(node);
      retiring.textWritten(node);
      if (engine.has(node) || retiring.busy) repairWritten(node);
    },
    retire: () => retiring.retire(engine),
    keepLeftBehindLook() {
      if (marksDrawn) leftBehindLook.adopt(doc);
    },
    removeAllNow() {
      retiring.removeAllNow();
      engine.removeAll();
      leftBehindLook.release();
    },
  };
}

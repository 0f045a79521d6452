/**
 * What the highlighter of one document is given and what it offers its controller
 * (`controller.ts`) and the tests; `highlighter.ts` builds it.
 */
import type { HighlightEngine, HighlightHit, Occurrence } from './engine';
import type { EngineChoice, EngineKind } from './engine-choice';
import type { CheckWhen } from './page-read';
import type { Direction, TextPoint } from './occurrences';
import type { DisplayFilters, GlossaryView } from './reader';
import type { SliceHost } from './scheduler';
import type { Timers } from './mutations';
import type { ViewportWatcherFactory } from './viewport';

export interface HighlighterDeps {
  document: Document;
  /** The document's window: MutationObserver, IntersectionObserver, timers, CSS.highlights. */
  window: Window & typeof globalThis;
  /** A fixed engine (tests); otherwise `engineChoice` decides. */
  engine?: HighlightEngine;
  /** Which engine draws: "auto" (default) picks per page. */
  engineChoice?: EngineChoice;
  sliceHost?: SliceHost;
  viewport?: ViewportWatcherFactory;
  timers?: Timers;
  /** Slice budget in ms. */
  budgetMs?: number;
  /** How long page changes gather before a read, and the per-container cooldown (see mutations.ts). */
  changeTiming?: { delay: number; cooldown: number };
  /** Mark styles for open shadow roots (the manifest CSS only reaches the document). */
  shadowCss?: string;
  /** The painted highlights' rules, adopted by each tree (document, shadow root) while the highlight engine paints in it. */
  paintedCss?: string;
  /** When a page is first checked for names without a walk (page-read.ts); tests check every page. */
  nameFreeCheck?: CheckWhen;
  /** Called when the page's counts may have changed (after the first read and after changes). */
  onSummary?(): void;
  /** False once the extension context is gone: the highlighter then removes itself. */
  isAlive?(): boolean;
  /** Shows an occurrence "reveal" found; by default its element is scrolled to and focused. */
  visit?(occurrence: Occurrence): void;
  /** Whether an occurrence can be shown (not in hidden or inert text); "reveal" and `nextOccurrence` pass over the others. */
  canVisit?(occurrence: Occurrence): boolean;
}

export interface Highlighter {
  /** Occurrences per entry id on the whole page, including text not drawn yet. */
  summary(): Record<string, number>;
  /** Goes to the next occurrence of `id` (see `visit`); false when there is none to show. */
  reveal(id: string): boolean;
  /**
   * The occurrence after (or before) `from` in document order, wrapping around, including
   * those not drawn yet (drawn first). Follows density and hidden categories, and passes over
   * the occurrences `canVisit` refuses.
   */
  nextOccurrence(from: TextPoint | undefined, direction: Direction): Occurrence | undefined;
  /** The highlight at a text position, for engines that draw no elements (hit-testing). */
  hitTest(node: Node, offset: number): HighlightHit | undefined;
  /** The engine drawing now. */
  readonly engineKind: EngineKind;
  /** Whether anything may be painted rather than marked: the tooltip then hit-tests for it. */
  readonly paints: boolean;
  /** New glossary or display choices: everything is read again. */
  setOptions(view: GlossaryView, filters: DisplayFilters): void;
  /**
   * Switching off: stops reading and takes every highlight back in time slices (no long
   * task on a page with thousands of marks). Resolves once the DOM is as it was. Small
   * removals finish before it returns.
   */
  switchOff(): Promise<void>;
  /** Teardown: removes every highlight at once (the DOM as it was) and stops all observers. */
  stop(): void;
  /** Resolves when no work is queued, page changes seen included (for tests and benchmarks). */
  idle(): Promise<void>;
  readonly stats: { slices: number; longestSlice: number };
}

/**
 * Connects the reader's settings and the active glossary to the highlighter of one
 * document: starts it when highlights are on for this site, stops it (restoring the page)
 * when they are switched off, and reads the page again when the glossary or the display
 * choices change. Knows nothing of extension APIs: the entrypoint passes them in.
 */
import type { ActiveGlossary } from '../glossary-store/active-glossary';
import { highlightsActiveFor, type Settings } from '../settings/settings';
import { watchCopiesWhileOff, type CopiesWatch } from './copies-while-off';
import type { HighlightHit, Occurrence } from './engine';
import type { EngineChoice, EngineKind } from './engine-choice';
import { glossaryView } from './glossary-view';
import { startHighlighter, type DisplayFilters, type Highlighter, type HighlighterDeps } from './highlighter';
import type { Direction, TextPoint } from './occurrences';

export interface ControllerDeps extends Omit<HighlighterDeps, 'onSummary' | 'engineChoice'> {
  signal: AbortSignal;
  /** Hostname the per-site switch applies to (the top page's, also inside frames). */
  hostname: string;
  /** The page's counts changed (empty when highlights are off). */
  onSummary(read: () => Record<string, number>): void;
}

export interface ContentController {
  /** `engine`: which engine draws (the hidden debug choice); a change starts highlighting afresh. */
  update(change: { settings?: Settings; glossary?: ActiveGlossary; engine?: EngineChoice }): void;
  summary(): Record<string, number>;
  reveal(id: string): boolean;
  nextOccurrence(from: TextPoint | undefined, direction: Direction): Occurrence | undefined;
  hitTest(node: Node, offset: number): HighlightHit | undefined;
  readonly glossary: ActiveGlossary | undefined;
  readonly settings: Settings | undefined;
  /** The engine drawing now; undefined while highlights are off. */
  readonly engineKind: EngineKind | undefined;
  /** Whether anything may be painted rather than marked (the tooltip then hit-tests). */
  readonly paints: boolean;
}

function filtersOf(settings: Settings): DisplayFilters {
  return { density: settings.density, hiddenCategories: new Set(settings.hiddenCategories) };
}

function sameFilters(a: Settings, b: Settings): boolean {
  return a.density === b.density && a.hiddenCategories.join() === b.hiddenCategories.join();
}

/** Creates the controller; nothing runs until both settings and glossary have arrived. */
export function createContentController(deps: ControllerDeps): ContentController {
  let settings: Settings | undefined;
  let glossary: ActiveGlossary | undefined;
  let highlighter: Highlighter | undefined;
  /**
   * A highlighter switched off that is still taking its highlights back, in slices. No new
   * one starts before it is done: a new read would find text inside its marks, and two
   * highlighters would split the same text nodes. Once it is done `apply` runs again, with
   * whatever the settings say by then (switched off again meanwhile: nothing starts).
   */
  let leaving: Highlighter | undefined;
  /** Switched off: copies of our marks the page puts back (a snapshot of itself) are unwrapped. */
  let copiesWatch: CopiesWatch | undefined;
  let engine: EngineChoice = 'auto';
  const empty = () => ({});

  const switchOff = () => {
    const old = highlighter;
    if (!old) return;
    highlighter = undefined;
    leaving = old;
    void old.switchOff().then(() => {
      if (leaving === old) leaving = undefined;
      // Not before: until its marks are all back, a page moving one would look like a copy.
      if (!deps.signal.aborted) copiesWatch ??= watchCopiesWhileOff(deps.document, deps.window);
      apply(false);
    });
  };
  /** Teardown (the extension context is gone): everything is removed at once, in this task. */
  const stop = () => {
    copiesWatch?.stop();
    copiesWatch = undefined;
    leaving?.stop();
    leaving = undefined;
    highlighter?.stop();
    highlighter = undefined;
  };
  deps.signal.addEventListener('abort', stop, { once: true });

  /** Brings the highlighter in line with the settings; `reread`: glossary or display choices changed. */
  function apply(reread: boolean): void {
    if (deps.signal.aborted || !settings || !glossary) return;
    if (!highlightsActiveFor(settings, deps.hostname)) {
      if (highlighter) {
        switchOff();
        deps.onSummary(empty);
      }
      return;
    }
    if (leaving) return;
    if (!highlighter) {
      copiesWatch?.stop();
      copiesWatch = undefined;
      const current = (highlighter = startHighlighter(
        { ...deps, engineChoice: engine, onSummary: () => deps.onSummary(() => current.summary()) },
        glossaryView(glossary),
        filtersOf(settings),
      ));
    } else if (reread) {
      highlighter.setOptions(glossaryView(glossary), filtersOf(settings));
    }
  }

  return {
    update(change) {
      if (deps.signal.aborted) return;
      const before = settings;
      const glossaryChanged = change.glossary !== undefined && change.glossary.version !== glossary?.version;
      if (change.engine !== undefined && change.engine !== engine) {
        engine = change.engine;
        switchOff(); // Started again with the engine asked for, once the old highlights are gone.
      }
      settings = change.settings ?? settings;
      glossary = change.glossary ?? glossary;
      apply(glossaryChanged || (before !== undefined && settings !== undefined && !sameFilters(before, settings)));
    },
    summary: () => highlighter?.summary() ?? {},
    reveal: (id) => highlighter?.reveal(id) ?? false,
    nextOccurrence: (from, direction) => highlighter?.nextOccurrence(from, direction),
    hitTest: (node, offset) => highlighter?.hitTest(node, offset),
    get glossary() {
      return glossary;
    },
    get settings() {
      return settings;
    },
    get engineKind() {
      return highlighter?.engineKind;
    },
    get paints() {
      return highlighter?.paints ?? false;
    },
  };
}

/**
 * The hostname of the tab's page. The per-site switch is about the site the reader is on,
 * so a frame asks its top page; a cross-origin top cannot be read, then the frame's
 * ancestor origins (Chromium) or, failing those, its own hostname stand in.
 */
export function topHostname(win: Window): string {
  try {
    const top = win.top?.location.hostname;
    if (top !== undefined) return top;
  } catch {
    // Cross-origin top frame.
  }
  const origins = win.location.ancestorOrigins;
  const outermost = origins && origins.length > 0 ? origins[origins.length - 1] : undefined;
  if (outermost) {
    try {
      return new URL(outermost).hostname;
    } catch {
      // An opaque origin ("null"): fall through.
    }
  }
  return win.location.hostname;
}

/**
 * Calls `check` on the reader's next visible activity. After an extension update the old
 * content script is orphaned without notice; this is when it notices and steps aside.
 */
export function checkOnActivity(doc: Document, signal: AbortSignal, check: () => void): void {
  for (const type of ['visibilitychange', 'pointerdown', 'keydown']) {
    doc.addEventListener(type, check, { signal, capture: true, passive: true });
  }
}

/**
 * A name hidden when the page was read does not open the topic gate (topic-gate.ts), but the
 * page may show it later:
 * - the reader shows it: "Read more", a tab, an accordion. Those open on a click or a key, so
 *   after each, once the page has had time to draw, the hidden elements whose names would
 *   have opened the gate are looked at again;
 * - the page shows it by itself: a story its script fades in, a page laid out late (a
 *   browser still starting up). A few looks, spaced out, follow the first hidden name noted.
 *
 * The page's own changes of style are not watched: attribute changes are far more frequent
 * than the reader's clicks.
 */
import { isShown } from './dom-rules';
import type { Timers } from './mutations';
import type { TopicGate } from './topic-gate';

/** Time for the page to draw what a click opened (an expanding section's transition, a tab's content). */
const LOOK_AFTER_MS = 400;
/**
 * The looks the page gets without a click, each this long after the one before, from the
 * first hidden name noted: soon after the page's own scripts have run, and twice more.
 */
const UNPROMPTED_LOOKS_MS = [1_000, 3_000, 9_000];

export interface TopicRevealOptions {
  gate(): TopicGate;
  timers: Timers;
  /** The gate opened: the containers that held everyday words back, to be read again. */
  opened(held: Node[]): void;
}

export interface TopicReveal {
  /** A hidden name was noted (`TopicGate.noteHidden`): the page may show it unasked. */
  noted(): void;
  stop(): void;
}

/** Starts watching `doc` for the reader's clicks and keys, and the page for what it shows unasked. */
export function watchTopicReveal(doc: Document, { gate, timers, opened }: TopicRevealOptions): TopicReveal {
  let timer: unknown;
  let unprompted: unknown;
  let unpromptedLooks = 0;
  const look = () => {
    const topic = gate();
    for (const element of topic.hiddenNames) {
      if (!element.isConnected || !isShown(element)) continue;
      const held = topic.openNow();
      if (held) opened(held);
      return;
    }
  };
  const shut = () => !gate().open && gate().hiddenNames.size > 0;
  const lookUnprompted = () => {
    unprompted = undefined;
    look();
    noted();
  };
  // The next unprompted look, while the gate is shut over hidden names and looks are left.
  const noted = () => {
    if (unprompted !== undefined || unpromptedLooks >= UNPROMPTED_LOOKS_MS.length || !shut()) return;
    unprompted = timers.setTimeout(lookUnprompted, UNPROMPTED_LOOKS_MS[unpromptedLooks++]!);
  };
  // Counted from the last click or key: a Tab then an Enter opens the section on the second,
  // and a reader typing in a form is looked after once they pause.
  const acted = () => {
    if (!shut()) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      look();
    }, LOOK_AFTER_MS);
  };
  const controller = new AbortController();
  for (const type of ['click', 'keydown'])
    doc.addEventListener(type, acted, { capture: true, passive: true, signal: controller.signal });
  return {
    noted,
    stop() {
      controller.abort();
      if (timer !== undefined) timers.clearTimeout(timer);
      if (unprompted !== undefined) timers.clearTimeout(unprompted);
    },
  };
}

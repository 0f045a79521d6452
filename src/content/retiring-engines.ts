/**
 * Engines whose highlights are being taken back in slices: the current one after switching
 * off or new options, the DOM engine after handing the page over to painted highlights.
 *
 * Two rules keep the page whole while they empty. Their nodes stay ours until they are gone,
 * so the mutation watcher never takes our own removals for the page's. And the removal runs
 * at PRIORITY.restore, ahead of every read or draw queued with it or after it: no read sees
 * text inside a mark being removed, and no range is painted on a text node that does not
 * hold its full text again yet.
 */
import type { HighlightEngine } from './engine';
import { PRIORITY, type Scheduler } from './scheduler';

export class RetiringEngines {
  private readonly engines = new Set<HighlightEngine>();

  constructor(
    private readonly scheduler: Scheduler,
    /** Wraps each change to the page (the mutation watcher's `ownWrites`). */
    private readonly write: (change: () => void) => void,
  ) {}

  /** True while any highlight is still being taken back. */
  get busy(): boolean {
    return this.engines.size > 0;
  }

  /** The original text node behind one of their nodes (marks and split text). */
  originalOf(node: Node): Text | undefined {
    for (const engine of this.engines) {
      const original = engine.originalOf(node);
      if (original) return original;
    }
    return undefined;
  }

  /** The page wrote this text node's text (see `HighlightEngine.textWritten`). */
  textWritten(node: Text): void {
    for (const engine of this.engines) engine.textWritten?.(node);
  }

  /** Takes back at once what they drew on a text node the page wrote (see `HighlightEngine.dropWritten`). */
  dropWritten(node: Text): void {
    for (const engine of this.engines) engine.dropWritten?.(node);
  }

  /** Queues taking back every highlight of `engine` (with any others still retiring). */
  retire(engine: HighlightEngine): void {
    this.engines.add(engine);
    this.scheduler.add(this.takeBack(), PRIORITY.restore);
  }

  /** Takes back whatever is left at once, in this task (teardown). */
  removeAllNow(): void {
    for (const engine of this.engines) engine.removeAll();
    this.engines.clear();
  }

  /**
   * One engine after the other, step by step. Two of these queued at once do no harm: an
   * engine's removal works from what is still drawn, so nothing is restored twice.
   */
  private *takeBack(): Generator<undefined, void> {
    for (const engine of [...this.engines]) {
      yield* engine.removeAllInSteps(this.write);
      this.engines.delete(engine);
    }
  }
}

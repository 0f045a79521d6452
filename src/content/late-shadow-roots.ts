/**
 * Open shadow roots attached after the walk passed their host. A custom element whose
 * definition loads later (a component script loaded lazily, after the page) gets its shadow
 * tree when it upgrades, and that makes no change a mutation observer sees: its text would be
 * read only when highlights are switched on again.
 *
 * The walks hand over each custom element they enter without a shadow tree. Those are looked
 * at again a few times, backing off, until each has a shadow tree (then it is read), is
 * defined without one (it renders its own children, read already), or is gone. What is still
 * undefined when the schedule ends is let go: many pages use custom tag names no script
 * ever defines.
 */
import type { Timers } from './mutations';

/** When the hosts are looked at again, in ms after the last look (about 32 s in all). */
const LOOKS_AFTER = [250, 500, 1_000, 2_000, 4_000, 8_000, 16_000];
/** Hosts looked at between pause points: `matches(':defined')` costs about 1 µs from a content script. */
const HOSTS_PER_STEP = 256;

export interface LateShadowRoots {
  /** A custom element read without a shadow tree. */
  note(host: Element): void;
  /** Forgets every host and stops looking. */
  clear(): void;
}

export interface LateShadowRootsOptions {
  timers: Timers;
  /** Queues a look with the reading work (it pauses between steps). */
  queue(work: Generator<undefined, void>): void;
  /** Hosts found with a shadow tree now, in the order they were noted. */
  onAttached(roots: ShadowRoot[]): void;
}

export function watchLateShadowRoots({ timers, queue, onAttached }: LateShadowRootsOptions): LateShadowRoots {
  /** Hosts waiting for a shadow tree, and how many times each was looked at. */
  let hosts = new Map<Element, number>();
  /** Whether a look is waiting for its time or queued. */
  let active = false;
  let timer: unknown;
  let step = 0;
  /** Hosts were noted since the last look began: the next look comes soon again. */
  let fresh = false;

  function schedule(): void {
    active = true;
    timer = timers.setTimeout(
      () => {
        timer = undefined;
        queue(look());
      },
      LOOKS_AFTER[Math.min(step, LOOKS_AFTER.length - 1)]!,
    );
  }

  function* look(): Generator<undefined, void> {
    fresh = false;
    const looking = hosts;
    const attached: ShadowRoot[] = [];
    let looked = 0;
    // Over a copy: walks run in this look's pauses and note hosts, which the next look covers.
    for (const [host, looks] of [...looking]) {
      const root = host.isConnected ? host.shadowRoot : null;
      if (root) attached.push(root);
      if (root || !host.isConnected || host.matches(':defined') || looks + 1 >= LOOKS_AFTER.length)
        looking.delete(host);
      else looking.set(host, looks + 1);
      if (++looked % HOSTS_PER_STEP === 0) yield undefined;
    }
    if (looking !== hosts) return; // Cleared meanwhile.
    if (attached.length > 0) onAttached(attached);
    if (hosts.size === 0) {
      active = false;
      step = 0;
      return;
    }
    step = fresh ? 0 : step + 1;
    schedule();
  }

  return {
    note(host) {
      if (hosts.has(host)) return;
      hosts.set(host, 0);
      fresh = true;
      if (!active) schedule();
    },
    clear() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      hosts = new Map();
      active = false;
      step = 0;
    },
  };
}

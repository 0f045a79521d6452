/**
 * Open shadow roots attached after the walk passed their host. A custom element whose
 * definition loads later (a component script loaded lazily, after the page) gets its shadow
 * tree when it upgrades, and that makes no change a mutation observer sees: its text would be
 * read only when highlights are switched on again.
 *
 * The walks hand over each custom element they enter without a shadow tree. Those are looked
 * at again a few times, backing off, until their name is defined (then the ones with a shadow
 * tree are read), or they are gone, or the looks run out. Many pages use custom tag names no
 * script ever defines (MathJax writes thousands of `mjx-` elements): each look asks one element
 * per name, since defining a name upgrades every element of that name at once.
 */
import type { Timers } from './mutations';

/** When the hosts are looked at again, in ms after the last look (about 32 s in all). */
const LOOKS_AFTER = [250, 500, 1_000, 2_000, 4_000, 8_000, 16_000];
/** Hosts gone through between pause points once a name is defined. */
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
  /** Hosts found with a shadow tree now. */
  onAttached(roots: ShadowRoot[]): void;
}

/** The hosts of one tag name, and how many looks found the name undefined since one was added. */
interface NameGroup {
  hosts: Set<Element>;
  looks: number;
}

export function watchLateShadowRoots({ timers, queue, onAttached }: LateShadowRootsOptions): LateShadowRoots {
  let groups = new Map<string, NameGroup>();
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

  /** The first host of `group` still in the page (those gone are dropped). */
  function probeOf(group: NameGroup): Element | undefined {
    for (const host of group.hosts) {
      if (host.isConnected) return host;
      group.hosts.delete(host);
    }
    return undefined;
  }

  function* look(): Generator<undefined, void> {
    fresh = false;
    const looking = groups;
    const attached: ShadowRoot[] = [];
    for (const [name, group] of [...looking]) {
      const probe = probeOf(group);
      if (probe && !probe.shadowRoot && !probe.matches(':defined')) {
        if (++group.looks >= LOOKS_AFTER.length) looking.delete(name);
        continue;
      }
      // Defined (or gone): its hosts upgraded together. Any left undefined (another registry's) stay.
      let through = 0;
      for (const host of [...group.hosts]) {
        const root = host.isConnected ? host.shadowRoot : null;
        if (root) attached.push(root);
        if (root || !host.isConnected || host.matches(':defined')) group.hosts.delete(host);
        if (++through % HOSTS_PER_STEP === 0) yield undefined;
      }
      if (group.hosts.size === 0) looking.delete(name);
    }
    if (looking !== groups) return; // Cleared meanwhile.
    if (attached.length > 0) onAttached(attached);
    if (groups.size === 0) {
      active = false;
      step = 0;
      return;
    }
    step = fresh ? 0 : step + 1;
    schedule();
  }

  return {
    note(host) {
      const name = host.localName;
      let group = groups.get(name);
      if (!group) groups.set(name, (group = { hosts: new Set(), looks: 0 }));
      if (group.hosts.has(host)) return;
      group.hosts.add(host);
      group.looks = 0;
      fresh = true;
      if (!active) schedule();
      else if (timer !== undefined && step > 0) {
        // A new host waits no longer for its first look than one noted alone would.
        timers.clearTimeout(timer);
        step = 0;
        schedule();
      }
    },
    clear() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      groups = new Map();
      active = false;
      step = 0;
    },
  };
}

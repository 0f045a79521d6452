// @vitest-environment jsdom
/**
 * `watchLateShadowRoots` on its own: when it looks again, what it reports, and that clearing
 * it stops everything, a look already queued included.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { watchLateShadowRoots } from '../../../src/content/late-shadow-roots';
import { handDrivenTimers } from './fake-timers';

/** The watcher on hand-driven timers, its looks queued and run by the test. */
function harness() {
  const time = handDrivenTimers();
  const queued: Generator<undefined, void>[] = [];
  const attached: ShadowRoot[][] = [];
  const watcher = watchLateShadowRoots({
    timers: time.timers,
    queue: (work) => void queued.push(work),
    onAttached: (roots) => void attached.push(roots),
  });
  return {
    watcher,
    attached,
    time,
    queued,
    /** Fires the next timer and runs the look it queues to its end; returns its delay. */
    look(): number | undefined {
      const delay = time.runNext();
      for (const work of queued.splice(0)) for (const _ of work);
      return delay;
    },
  };
}

let names = 0;
/** A fresh custom element name (a name can be defined only once per window). */
const uniqueName = () => `late-unit-${++names}`;

function defineWithShadow(name: string): void {
  customElements.define(
    name,
    class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<p>inside</p>';
      }
    },
  );
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('watchLateShadowRoots', () => {
  it('looks again later and later, and reports the shadow trees once their name is defined', () => {
    const { watcher, attached, look } = harness();
    const name = uniqueName();
    const hosts = [1, 2, 3].map(() => document.body.appendChild(document.createElement(name)));
    hosts.forEach((host) => watcher.note(host));
    expect(look()).toBe(250);
    expect(look()).toBe(500);
    expect(attached).toEqual([]);
    defineWithShadow(name);
    expect(look()).toBe(1_000);
    expect(attached).toEqual([hosts.map((host) => host.shadowRoot)]);
    // Nothing left to wait for: no further look.
    expect(look()).toBeUndefined();
  });

  it('comes back soon again when new hosts are noted, and gives up on a name after seven looks', () => {
    const { watcher, look } = harness();
    watcher.note(document.body.appendChild(document.createElement(uniqueName())));
    expect([look(), look(), look()]).toEqual([250, 500, 1_000]);
    watcher.note(document.body.appendChild(document.createElement(uniqueName())));
    const delays: number[] = [];
    for (let delay = look(); delay !== undefined; delay = look()) delays.push(delay);
    // Back to 250 ms for the new host, not the 2 s the first one was waiting for; the first
    // name is let go after its seventh look, the new one after its own seventh.
    expect(delays).toEqual([250, 500, 1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('drops hosts the page removed, and stops with none left', () => {
    const { watcher, time, look } = harness();
    const host = document.body.appendChild(document.createElement(uniqueName()));
    watcher.note(host);
    host.remove();
    look();
    expect(time.waiting()).toBe(0);
  });

  it('stops on clear, a look already queued included', () => {
    const { watcher, attached, time, queued } = harness();
    const name = uniqueName();
    const host = document.body.appendChild(document.createElement(name));
    watcher.note(host);
    time.runNext(); // the look is queued, not run yet
    defineWithShadow(name);
    watcher.clear();
    for (const work of queued.splice(0)) for (const _ of work);
    expect(attached).toEqual([]);
    expect(time.waiting()).toBe(0);
  });
});

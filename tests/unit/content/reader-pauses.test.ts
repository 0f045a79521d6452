// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PageState, type PendingBlock } from '../../../src/content/page-state';
import { readRegion, type ReadHooks } from '../../../src/content/reader';
import { fakeView } from './fake-scanner';

const FILTERS = { density: 'all' as const, hiddenCategories: new Set<string>() };

/** Reads `html` as the first read of a page does; returns the pause points and the blocks found. */
function read(html: string) {
  document.body.innerHTML = html;
  const pending: PendingBlock[] = [];
  const hooks: ReadHooks = { forget() {}, shadowRoot() {}, lost() {}, pending: (block) => void pending.push(block) };
  const steps = readRegion(document.body, false, fakeView(), FILTERS, new PageState(), hooks);
  let pauses = 0;
  let pausesBeforeFirstName = -1;
  while (!steps.next().done) {
    pauses++;
    if (pausesBeforeFirstName < 0 && pending.length > 0) pausesBeforeFirstName = pauses;
  }
  return { pauses, pausesBeforeFirstName, pending };
}

const paragraphs = (count: number, text: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => `<p>${text(i)}</p>`).join('');

describe('readRegion pause points', () => {
  it('pauses by the text read, not once per block, where no block has names', () => {
    // 3,000 short paragraphs (about 90k characters): a pause per block was 3,000 scheduler rounds.
    const { pauses, pending } = read(paragraphs(3_000, (i) => `Paragraph ${i} says nothing much.`));
    expect(pending).toHaveLength(0);
    expect(pauses).toBeGreaterThan(40); // still short steps: every 2,048 characters, every 64 nodes
    expect(pauses).toBeLessThan(300);
  });

  it('pauses right after each block with names, so what it found can be drawn', () => {
    const { pauses, pausesBeforeFirstName, pending } = read(
      paragraphs(50, (i) => (i % 10 === 0 ? `Nvidia, paragraph ${i}.` : `Paragraph ${i}.`)),
    );
    expect(pending).toHaveLength(5);
    expect(pausesBeforeFirstName).toBe(1);
    expect(pauses).toBeGreaterThanOrEqual(5);
  });

  /** A log in one text node naming Nvidia 10,000 times, its reading started but not stepped. */
  function giantLog() {
    document.body.innerHTML = `<pre>${'Nvidia\n'.repeat(10_000)}</pre>`;
    const page = new PageState();
    const pending: PendingBlock[] = [];
    const hooks: ReadHooks = { forget() {}, shadowRoot() {}, lost() {}, pending: (block) => void pending.push(block) };
    const steps = readRegion(document.body, false, fakeView(), FILTERS, page, hooks);
    const counted = () => [...page.states.values()].reduce((sum, state) => sum + (state.counts.get(0) ?? 0), 0);
    return { page, pending, steps, counted, pre: document.body.firstElementChild! };
  }

  it("turns a giant block's matches into pieces over several steps", () => {
    // In one step this took 40–76 ms in a 5 MB log naming a word on each of its 105,000 lines.
    const { pending, steps, counted } = giantLog();
    let most = 0;
    for (let last = 0; !steps.next().done;) {
      most = Math.max(most, counted() - last);
      last = counted();
    }
    expect(counted()).toBe(10_000);
    expect(most).toBeLessThanOrEqual(2_000);
    // Still one block to draw, with every match.
    expect(pending).toHaveLength(1);
    expect(pending[0]!.matches).toHaveLength(10_000);
  });

  it('drops a giant block the page changes while its matches are being recorded', () => {
    const { page, pending, steps, counted, pre } = giantLog();
    // Step until recording has begun, then let another walk (a change's re-read) take the container.
    while (counted() === 0) steps.next();
    const other = page.beginWalk();
    page.drop(pre);
    page.opened(other, pre);
    while (!steps.next().done);
    page.endWalk(other);
    expect(pending).toHaveLength(0);
  });
});

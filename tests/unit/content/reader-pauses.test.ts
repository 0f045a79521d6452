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
});

// @vitest-environment jsdom
/**
 * Found by the corpus sweep (`npm run sweep -- ../shared/corpus --only eval-wired.com.burn`):
 * trafilatura/eval-wired.com.burn.html ends with a tag list whose links touch in the HTML,
 * `<a><span>machine learning</span></a><a><span>OpenAI</span></a><a><span>Energy</span></a>`;
 * on the live site its stylesheet sets the tags apart (saved, without it, they run together).
 * The reader joins inline elements into one run ("machine learningOpenAIEnergy"; block
 * boundaries come from tag names, dom-rules.ts), so "OpenAI" has letters on both sides, fails
 * the Latin word boundary and is never highlighted nor counted, though the page names it: a
 * link whose whole text is the name. Fixed without computed styles (the sweep's copy has none):
 * where Latin words meet across a link's edge the run gets a separator (blocks.ts, LINK_EDGE).
 * The first case shows the same set-up highlights a tag set apart by a space.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Highlighter } from '../../../src/content/highlighter';
import type { RuntimeEntry } from '../../../src/glossary-store/runtime-entry';
import { start, viewOf } from '../content/harness';

const entries: RuntimeEntry[] = [
  { id: 'openai', term: 'OpenAI', aliases: [], category: 'company', context: 'A lab.', packId: 'test' },
];

let highlighter: Highlighter | undefined;
afterEach(() => highlighter?.stop());

/** Builds a tag list of links (`between` goes between them) and returns the highlighted ids. */
async function highlightTags(between: string): Promise<string[]> {
  const list = document.createElement('div');
  list.className = 'tag-cloud';
  for (const [i, tag] of ['machine learning', 'OpenAI', 'Energy'].entries()) {
    if (i > 0 && between) list.append(between);
    const link = document.createElement('a');
    link.href = `/tag/${i}`;
    const name = document.createElement('span');
    name.textContent = tag;
    link.append(name);
    list.append(link);
  }
  document.body.replaceChildren(list);
  ({ highlighter } = await start({ view: viewOf(entries), changeTiming: { delay: 0, cooldown: 0 } }));
  return [...document.querySelectorAll('mark[data-glossary-id]')].map(
    (m) => `${m.getAttribute('data-glossary-id')}:${m.textContent}`,
  );
}

describe('a tag list whose links touch (trafilatura/eval-wired.com.burn.html)', () => {
  it('highlights a tag set apart by a space', async () => {
    expect(await highlightTags(' ')).toEqual(['openai:OpenAI']);
  });

  // Joined without the separator the run would read "learningOpenAIEnergy": no word boundary.
  it('highlights a tag that is a whole link, though the links touch in the HTML', async () => {
    expect(await highlightTags('')).toEqual(['openai:OpenAI']);
  });
});

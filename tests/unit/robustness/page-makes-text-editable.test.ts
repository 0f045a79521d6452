// @vitest-environment jsdom
/**
 * KNOWN BUGS (found by the random-DOM tests). Highlights must never be inside what the
 * reader types, but the highlighter decides that only when it reads a container, and a
 * container it has read is forgotten only when it leaves the document:
 * - it observes child lists and text, not attributes, so a page that turns highlighted text
 *   into an editor (an "Edit" button setting contenteditable, a code view becoming a
 *   CodeMirror editor) keeps our marks inside the editable region;
 * - a page that moves highlighted content into an editor (or a textarea, a button…) keeps
 *   them too: the moved container is still connected, and the added element is skipped as
 *   excluded, so nobody forgets it.
 * Either way the reader's edits, and the HTML the page saves, would carry our marks. Marked
 * `it.fails`; change to `it` once fixed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHighlighter, type Highlighter } from '../../../src/content/highlighter';
import { everythingNear } from '../../../src/content/viewport';
import { VIEW } from './random-dom/real-glossary';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let highlighter: Highlighter | undefined;
afterEach(() => highlighter?.stop());

async function highlightedArticle(): Promise<HTMLElement> {
  document.body.innerHTML = '<article><p>輝達的晶片禁令</p><p>Nvidia and Arm</p></article>';
  highlighter = startHighlighter(
    {
      document,
      window: window as Window & typeof globalThis,
      viewport: everythingNear,
      sliceHost: { now: () => performance.now(), later: (slice) => setTimeout(slice, 0) },
      changeTiming: { delay: 0, cooldown: 0 },
    },
    VIEW,
    { density: 'all', hiddenCategories: new Set() },
  );
  await highlighter.idle();
  const article = document.querySelector('article')!;
  expect(article.querySelectorAll('mark').length).toBeGreaterThan(0);
  return article;
}

describe('a page that makes highlighted text editable', () => {
  for (const [name, makeEditable] of [
    ['contenteditable="true"', (el: HTMLElement) => el.setAttribute('contenteditable', 'true')],
    ['role="textbox"', (el: HTMLElement) => el.setAttribute('role', 'textbox')],
    ['class="cm-editor"', (el: HTMLElement) => el.classList.add('cm-editor')],
  ] as const) {
    it.fails(`takes its highlights out of it: ${name} (known bug)`, async () => {
      const article = await highlightedArticle();
      makeEditable(article);
      await sleep(20);
      await highlighter!.idle();
      expect(article.querySelectorAll('mark')).toHaveLength(0);
      expect(article.innerHTML).toBe('<p>輝達的晶片禁令</p><p>Nvidia and Arm</p>');
    });
  }

  it.fails('takes its highlights out of text the page moves into an editor (known bug)', async () => {
    const article = await highlightedArticle();
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    document.body.append(editor);
    editor.append(...article.children);
    await sleep(20);
    await highlighter!.idle();
    expect(editor.querySelectorAll('mark')).toHaveLength(0);
    expect(editor.innerHTML).toBe('<p>輝達的晶片禁令</p><p>Nvidia and Arm</p>');
  });

  it('(the same text made editable before highlighting is never highlighted)', async () => {
    document.body.innerHTML = '<article contenteditable="true"><p>Nvidia</p></article>';
    highlighter = startHighlighter(
      {
        document,
        window: window as Window & typeof globalThis,
        viewport: everythingNear,
        sliceHost: { now: () => performance.now(), later: (slice) => setTimeout(slice, 0) },
      },
      VIEW,
      { density: 'all', hiddenCategories: new Set() },
    );
    await highlighter.idle();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
  });
});

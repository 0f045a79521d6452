// @vitest-environment jsdom
/**
 * Were known bugs (found by the random-DOM tests). Highlights must never be inside what the
 * reader types, but the highlighter decided that only when it read a container, and a
 * container it had read was forgotten only when it left the document:
 * - it observed child lists and text, not attributes, so a page that turns highlighted text
 *   into an editor (an "Edit" button setting contenteditable, a code view becoming a
 *   CodeMirror editor) kept our marks inside the editable region;
 * - a page that moves highlighted content into an editor (or a textarea, a button…) kept
 *   them too: the moved container was still connected, and the added element was skipped as
 *   excluded, so nobody forgot it.
 * Either way the reader's edits, and the HTML the page saves, would carry our marks. Fixed in
 * mutations.ts (editing attributes are observed; elements that become or move into an editor
 * are reported) and highlighter.ts (what is inside them is forgotten, its marks removed).
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
    it(`takes its highlights out of it: ${name}`, async () => {
      const article = await highlightedArticle();
      makeEditable(article);
      await sleep(20);
      await highlighter!.idle();
      expect(article.querySelectorAll('mark')).toHaveLength(0);
      expect(article.innerHTML).toBe('<p>輝達的晶片禁令</p><p>Nvidia and Arm</p>');
    });
  }

  it('takes its highlights out of text the page moves into an editor', async () => {
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

  it('takes its highlights out of an inline element made editable, and highlights it again once it is not', async () => {
    const article = await highlightedArticle();
    article.innerHTML = '<p>Arm and <span>Nvidia</span></p>';
    await sleep(20);
    await highlighter!.idle();
    const span = article.querySelector('span')!;
    expect(span.querySelectorAll('mark')).toHaveLength(1);
    span.setAttribute('contenteditable', '');
    await sleep(20);
    await highlighter!.idle();
    expect(span.innerHTML).toBe('Nvidia');
    expect(article.querySelectorAll('mark')).toHaveLength(1); // "Arm", outside the editor
    span.removeAttribute('contenteditable');
    await sleep(20);
    await highlighter!.idle();
    expect(span.querySelectorAll('mark')).toHaveLength(1);
    expect(article.textContent).toBe('Arm and Nvidia');
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

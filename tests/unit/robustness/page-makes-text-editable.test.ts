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
import type { Highlighter } from '../../../src/content/highlighter';
import { settle as settleAfter, start } from '../content/harness';
import { VIEW } from './random-dom/real-glossary';

let highlighter: Highlighter | undefined;
afterEach(() => highlighter?.stop());
const settle = () => settleAfter(highlighter!, 20);

async function highlightedArticle(): Promise<HTMLElement> {
  ({ highlighter } = await start({
    html: '<article><p>輝達的晶片禁令</p><p>Nvidia and Arm</p></article>',
    view: VIEW,
    changeTiming: { delay: 0, cooldown: 0 },
  }));
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
      await settle();
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
    await settle();
    expect(editor.querySelectorAll('mark')).toHaveLength(0);
    expect(editor.innerHTML).toBe('<p>輝達的晶片禁令</p><p>Nvidia and Arm</p>');
  });

  it('takes its highlights out of an inline element made editable, and highlights it again once it is not', async () => {
    const article = await highlightedArticle();
    article.innerHTML = '<p>Arm and <span>Nvidia</span></p>';
    await settle();
    const span = article.querySelector('span')!;
    expect(span.querySelectorAll('mark')).toHaveLength(1);
    span.setAttribute('contenteditable', '');
    await settle();
    expect(span.innerHTML).toBe('Nvidia');
    expect(article.querySelectorAll('mark')).toHaveLength(1); // "Arm", outside the editor
    span.removeAttribute('contenteditable');
    await settle();
    expect(span.querySelectorAll('mark')).toHaveLength(1);
    expect(article.textContent).toBe('Arm and Nvidia');
  });

  it('(the same text made editable before highlighting is never highlighted)', async () => {
    ({ highlighter } = await start({ html: '<article contenteditable="true"><p>Nvidia</p></article>', view: VIEW }));
    expect(document.querySelectorAll('mark')).toHaveLength(0);
  });
});

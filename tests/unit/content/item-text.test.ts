// @vitest-environment jsdom
/** Which text a flex or grid container lays out as an anonymous item of its own. */
import { describe, expect, it } from 'vitest';
import { isItemText } from '../../../src/content/item-text';

function textIn(html: string): Text {
  document.body.innerHTML = html;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.textContent?.includes('Nvidia')) return node as Text;
  throw new Error('no text');
}

describe('isItemText', () => {
  it.each([
    ['<a style="display: flex">Nvidia</a>', true],
    ['<p style="display: inline-flex">Nvidia</p>', true],
    ['<p style="display: grid">Nvidia</p>', true],
    ['<p style="display: inline-grid">Nvidia</p>', true],
    ['<p style="display: -webkit-box">Nvidia</p>', true],
    ['<div style="display: flex"><span style="display: contents">Nvidia</span></div>', true],
    ['<div style="display: flex"><span>Nvidia</span></div>', false],
    ['<p>Nvidia</p>', false],
    ['<p style="display: block"><span style="display: contents">Nvidia</span></p>', false],
    ['<ul><li style="display: list-item">Nvidia</li></ul>', false],
  ])('%s: %s', (html, expected) => expect(isItemText(textIn(html), window)).toBe(expected));
});

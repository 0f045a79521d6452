// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { scrollingBoxesAround } from '../../../src/tooltip/scroll-boxes';

it('lists the scrolling boxes around an element, nearest first, across a shadow root, not those that only clip', () => {
  document.body.innerHTML =
    '<div id="outer" style="overflow-y: scroll"><div id="clip" style="overflow-x: hidden; overflow-y: hidden">' +
    '<div id="pane" style="overflow-y: auto"><span id="host"></span></div></div></div>';
  const host = document.getElementById('host')!;
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<div id="inner" style="overflow-x: auto"><p><mark>Nvidia</mark></p></div>';
  const mark = root.querySelector('mark')!;
  expect(scrollingBoxesAround(mark).map((el) => el.id)).toEqual(['inner', 'pane', 'outer']);
  expect(scrollingBoxesAround(document.getElementById('outer')!)).toEqual([]);
  expect(scrollingBoxesAround(undefined)).toEqual([]);
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isBlankTab } from '../../../src/content/blank-tab';

/** A window-like object: `top` is itself for a tab's document, another window for a frame. */
const windowAt = (href: string, framed = false): Window => {
  const win: { location: URL; top?: object } = { location: new URL(href) };
  win.top = framed ? {} : win;
  return win as unknown as Window;
};

describe('a blank tab', () => {
  it('is a top-level about: document', () => {
    expect(isBlankTab(windowAt('about:blank'))).toBe(true);
    expect(isBlankTab(windowAt('about:srcdoc'))).toBe(true);
  });

  it('is not a blank frame, read through its parent page, nor any web page', () => {
    expect(isBlankTab(windowAt('about:blank', true))).toBe(false);
    expect(isBlankTab(windowAt('https://news.example/about:blank'))).toBe(false);
    expect(isBlankTab(window)).toBe(false); // jsdom's page: http://localhost:3000/
  });
});

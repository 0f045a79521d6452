// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PageState } from '../../../src/content/page-state';

describe('walks under way', () => {
  it('is alone only while no other walk is under way', () => {
    const page = new PageState();
    const first = page.beginWalk();
    expect(page.aloneIn(first)).toBe(true);
    const second = page.beginWalk();
    expect(page.aloneIn(first)).toBe(false);
    expect(page.aloneIn(second)).toBe(false);
    page.endWalk(second);
    expect(page.aloneIn(first)).toBe(true);
  });

  it('forgets the walks of a cleared page: a new walk is alone, an old one never is', () => {
    const page = new PageState();
    const old = page.beginWalk();
    page.clear();
    const fresh = page.beginWalk();
    expect(page.aloneIn(fresh)).toBe(true);
    expect(page.aloneIn(old)).toBe(false);
  });

  it('knows a container once something was recorded for it, and bumps its generation when dropped', () => {
    const page = new PageState();
    const p = document.createElement('p');
    expect(page.knows(p)).toBe(false);
    page.stateFor(p);
    expect(page.knows(p)).toBe(true);
    const before = page.generation(p);
    page.drop(p);
    expect(page.knows(p)).toBe(false);
    expect(page.generation(p)).toBe(before + 1);
  });
});

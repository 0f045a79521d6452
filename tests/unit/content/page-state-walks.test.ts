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

  it('knows a container once something was recorded for it, and not after it was dropped', () => {
    const page = new PageState();
    const p = document.createElement('p');
    expect(page.knows(p)).toBe(false);
    page.stateFor(p);
    expect(page.knows(p)).toBe(true);
    page.drop(p);
    expect(page.knows(p)).toBe(false);
  });

  it('tells a walk which containers were dropped since it opened them', () => {
    const page = new PageState();
    const [a, b] = [document.createElement('p'), document.createElement('p')];
    const walk = page.beginWalk();
    page.opened(walk, a);
    page.opened(walk, b);
    page.drop(a);
    expect(page.isStale(walk, a)).toBe(true);
    expect(page.isStale(walk, b)).toBe(false);
    // Opening it again (the walk's own read after dropping it) makes it current.
    page.opened(walk, a);
    expect(page.isStale(walk, a)).toBe(false);
  });

  it('tells only the walks under way: a later walk starts with nothing stale', () => {
    const page = new PageState();
    const p = document.createElement('p');
    const old = page.beginWalk();
    page.opened(old, p);
    page.endWalk(old);
    page.drop(p);
    expect(page.isStale(old, p)).toBe(false);
    const fresh = page.beginWalk();
    page.opened(fresh, p);
    expect(page.isStale(fresh, p)).toBe(false);
  });
});

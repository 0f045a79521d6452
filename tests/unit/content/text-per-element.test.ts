// @vitest-environment jsdom
/** The sampled estimate of a region's characters per element (src/content/text-per-element.ts). */
import { describe, expect, it } from 'vitest';
import { estimatedTextPerElement } from '../../../src/content/text-per-element';

const exactTextPerElement = (root: Element) => (root.textContent ?? '').length / root.getElementsByTagName('*').length;

describe('estimatedTextPerElement', () => {
  it('is exact on a region of alike elements, sampled or not', () => {
    document.body.innerHTML = '<p>twelve chars</p>'.repeat(100);
    expect(estimatedTextPerElement(document.body.getElementsByTagName('*'))).toBe(12);
    document.body.innerHTML = '<p>twelve chars</p>'.repeat(5_000);
    expect(estimatedTextPerElement(document.body.getElementsByTagName('*'))).toBe(12);
  });

  it('counts the text directly inside elements once, not again in their ancestors', () => {
    document.body.innerHTML = '<div><p>ab<b>cd</b>ef</p><span>gh</span></div>';
    const elements = document.body.getElementsByTagName('*');
    expect(estimatedTextPerElement(elements)).toBe(exactTextPerElement(document.body));
  });

  it('tells a page of short labels from a page of paragraphs, as the check needs', () => {
    const labels = Array.from({ length: 3_000 }, (_, i) => `<li><a href="#${i}"><span>Tab</span></a></li>`);
    document.body.innerHTML = `<nav><ul>${labels.join('')}</ul></nav>`;
    const sparse = estimatedTextPerElement(document.body.getElementsByTagName('*'));
    expect(sparse).toBeCloseTo(exactTextPerElement(document.body), 0);
    expect(sparse).toBeLessThan(20);
    const paragraphs = Array.from(
      { length: 2_000 },
      (_, i) => `<p>Paragraph ${i} says <b>something</b> at length, ${'and more '.repeat(i % 20)}.</p>`,
    );
    document.body.innerHTML = `<article>${paragraphs.join('')}</article>`;
    const dense = estimatedTextPerElement(document.body.getElementsByTagName('*'));
    expect(dense / exactTextPerElement(document.body)).toBeGreaterThan(0.85);
    expect(dense / exactTextPerElement(document.body)).toBeLessThan(1.15);
    expect(dense).toBeGreaterThan(20);
  });

  it('extrapolates an element with more children than it looks at from those it looked at', () => {
    // One element with 1,000 text children of 10 characters each (and 1,000 empty spans).
    document.body.innerHTML = `<div>${'<span></span>0123456789'.repeat(1_000)}</div>`;
    const div = document.body.firstElementChild!;
    expect(estimatedTextPerElement([div])).toBe(10_000);
  });

  it('is 0 for no elements, and reads no element that is gone', () => {
    expect(estimatedTextPerElement([])).toBe(0);
    document.body.innerHTML = '<p>abcd</p>';
    expect(estimatedTextPerElement({ length: 2, 0: document.body.firstElementChild! })).toBe(2);
  });
});

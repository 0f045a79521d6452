import { describe, expect, it } from 'vitest';
import { createAdoptedStyles } from '../../../src/content/adopted-styles';

/** A constructed sheet that remembers its text; enough for the adopter, which only hands it on. */
class FakeSheet {
  text = '';
  replaceSync(css: string): void {
    this.text = css;
  }
}

const fakeWindow = () => ({ CSSStyleSheet: FakeSheet }) as unknown as Window & typeof globalThis;
/** A tree as the adopter sees it: its list of adopted sheets, which the page may assign too. */
const fakeTree = (...own: string[]) =>
  ({ adoptedStyleSheets: own.map((text) => Object.assign(new FakeSheet(), { text })) }) as unknown as Document;
const sheetsOf = (tree: Document) => tree.adoptedStyleSheets.map((sheet) => (sheet as unknown as FakeSheet).text);

describe('adopted styles', () => {
  it('adds one sheet after the page’s own, once per tree, and takes back only its own', () => {
    const styles = createAdoptedStyles(fakeWindow(), 'mark { color: red }');
    const doc = fakeTree('page');
    const shadow = fakeTree();
    styles.adopt(doc);
    styles.adopt(doc);
    styles.adopt(shadow);
    expect(sheetsOf(doc)).toEqual(['page', 'mark { color: red }']);
    expect(sheetsOf(shadow)).toEqual(['mark { color: red }']);
    expect(doc.adoptedStyleSheets[1]).toBe(shadow.adoptedStyleSheets[0]); // one sheet for every tree
    styles.release();
    expect(sheetsOf(doc)).toEqual(['page']);
    expect(sheetsOf(shadow)).toEqual([]);
  });

  it('adds its sheet again where the page replaced the tree’s sheets since', () => {
    const styles = createAdoptedStyles(fakeWindow(), 'mark { color: red }');
    const doc = fakeTree('page');
    styles.adopt(doc);
    // A framework that owns the list assigns it whole, without ours.
    doc.adoptedStyleSheets = [Object.assign(new FakeSheet(), { text: 'route' }) as unknown as CSSStyleSheet];
    styles.adopt(doc);
    expect(sheetsOf(doc)).toEqual(['route', 'mark { color: red }']);
    styles.release();
    expect(sheetsOf(doc)).toEqual(['route']);
  });

  it('does nothing without rules or where a tree cannot adopt sheets', () => {
    const doc = fakeTree('page');
    createAdoptedStyles(fakeWindow(), undefined).adopt(doc);
    expect(sheetsOf(doc)).toEqual(['page']);
    const old = {} as Document; // an engine without constructed stylesheets
    const styles = createAdoptedStyles(fakeWindow(), 'mark { color: red }');
    expect(() => styles.adopt(old)).not.toThrow();
    expect(() => styles.release()).not.toThrow();
  });
});

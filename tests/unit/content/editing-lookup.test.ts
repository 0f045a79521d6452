// @vitest-environment jsdom
/**
 * `createEditingLookup`: the walks of one batch share one query of their tree once there are
 * many of them, and a change of the page's count starts over.
 */
import { describe, expect, it } from 'vitest';
import { createEditingLookup } from '../../../src/content/editing-lookup';

function page(rows: number): HTMLElement[] {
  document.body.innerHTML = '<div id="editor" contenteditable="true"><p>typed</p></div>';
  return Array.from({ length: rows }, (_, i) => {
    const row = document.createElement('div');
    row.innerHTML = i % 10 === 0 ? '<span contenteditable="true">cell</span>' : '<span>cell</span>';
    document.body.append(row);
    return row;
  });
}

describe('createEditingLookup', () => {
  it('answers the first walks for their own root, then for the whole tree with one set they share', () => {
    const rows = page(40);
    const lookup = createEditingLookup(() => 7);
    const answers = rows.map((row) => lookup(row));
    // The first walks: only what is under their root.
    expect([...answers[0]!].map((el) => el.parentElement)).toEqual([rows[0]]);
    expect(answers[1]!.size).toBe(0);
    // Later walks: the tree's editing widgets (the editor and the 4 editable cells), one set.
    const later = answers.slice(16);
    expect(new Set(later).size).toBe(1);
    expect(later[0]!.has(document.getElementById('editor')!)).toBe(true);
    expect(later[0]!.size).toBe(5);
  });

  it('starts over when the page changes, and queries a whole tree asked for as the root only once', () => {
    const rows = page(40);
    let count = 1;
    const lookup = createEditingLookup(() => count);
    for (const row of rows) lookup(row);
    const shared = lookup(rows[39]!);
    rows[39]!.firstElementChild!.setAttribute('contenteditable', 'true');
    count++;
    // A new state of the page: a fresh answer for the root, which sees the new widget.
    const fresh = lookup(rows[39]!);
    expect(fresh).not.toBe(shared);
    expect(fresh.size).toBe(1);
    expect(lookup(document).size).toBe(6);
  });
});

// @vitest-environment jsdom
/**
 * `createEditingLookup`: the walks of one batch share one query of their parent once there are
 * many of them, and a change of the page's count starts over.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEditingLookup } from '../../../src/content/editing-lookup';

/** `rows` rows appended to a list, every tenth with an editable cell, beside an editor. */
function page(rows: number): HTMLElement[] {
  document.body.innerHTML = '<div id="editor" contenteditable="true"><p>typed</p></div><div id="list"></div>';
  const list = document.getElementById('list')!;
  return Array.from({ length: rows }, (_, i) => {
    const row = document.createElement('div');
    row.innerHTML = i % 10 === 0 ? '<span contenteditable="true">cell</span>' : '<span>cell</span>';
    list.append(row);
    return row;
  });
}

afterEach(() => vi.restoreAllMocks());

describe('createEditingLookup', () => {
  it('answers the first walks for their own root, then one query of the parent serves its children', () => {
    const rows = page(40);
    const queries = vi.spyOn(Element.prototype, 'querySelectorAll');
    const lookup = createEditingLookup(() => 7);
    const answers = rows.map((row) => lookup(row));
    // The first walks: only what is under their root, one query each.
    expect([...answers[0]!].map((el) => el.parentElement)).toEqual([rows[0]]);
    expect(answers[1]!.size).toBe(0);
    // Later walks: the list's editing widgets (4 editable cells), one set for all, one query.
    const later = answers.slice(16);
    expect(new Set(later).size).toBe(1);
    expect(later[0]!.size).toBe(4);
    expect(later[0]!.has(document.getElementById('editor')!)).toBe(false);
    expect(queries).toHaveBeenCalledTimes(17);
  });

  it('starts over when the page changes', () => {
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
  });
});

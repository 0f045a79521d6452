// @vitest-environment jsdom
/**
 * `excludedLookup`: the same answers as `isInExcludedSubtree`, for elements, text, shadow
 * roots and what lies in them, with each parent's ancestors matched once.
 */
import { describe, expect, it, vi } from 'vitest';
import { excludedLookup, isInExcludedSubtree } from '../../../src/content/dom-rules';

describe('excludedLookup', () => {
  it('answers as isInExcludedSubtree does, asking about each parent once', () => {
    document.body.innerHTML = `
      <div id="list">${'<p>row <b>x</b></p>'.repeat(50)}</div>
      <div contenteditable="true" id="editor">${'<p>typed</p>'.repeat(50)}</div>
      <textarea id="field">text</textarea><svg><text id="label">svg</text></svg>
      <div id="host"></div><div id="editable-host" contenteditable="true"></div>`;
    for (const id of ['host', 'editable-host'])
      document.getElementById(id)!.attachShadow({ mode: 'open' }).innerHTML = '<p>in a widget</p><span>too</span>';
    const shadows = ['host', 'editable-host'].map((id) => document.getElementById(id)!.shadowRoot!);
    const nodes: Node[] = [
      ...document.body.querySelectorAll('*'),
      ...[...document.body.querySelectorAll('p, b, textarea')].map((el) => el.firstChild!),
      ...shadows,
      ...shadows.flatMap((shadow) => [...shadow.querySelectorAll('*')]),
    ];
    const lookup = excludedLookup();
    expect(nodes.map((node) => lookup(node))).toEqual(nodes.map((node) => isInExcludedSubtree(node)));
    expect(nodes.filter((node) => lookup(node)).length).toBeGreaterThan(50);
    // A hundred rows of one parent: its ancestors matched once, not once per row.
    const rows = [...document.getElementById('list')!.children];
    const matches = vi.spyOn(Element.prototype, 'matches');
    const fresh = excludedLookup();
    rows.forEach((row) => fresh(row));
    const perRow = matches.mock.calls.length / rows.length;
    matches.mockRestore();
    expect(perRow).toBeLessThan(0.5);
  });
});

// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { isWhereReaderTypes, UI_HOST_ATTRIBUTE } from '../../../src/content/dom-rules';

describe('isWhereReaderTypes', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <p id="prose">Nvidia <b id="bold">H20</b></p>
      <input id="field"><textarea id="area">Nvidia</textarea>
      <select id="choice"><option id="option">Nvidia</option></select>
      <div id="editor" contenteditable="TRUE"><p id="inside">Nvidia <span id="locked" contenteditable="false">x</span></p></div>
      <div id="off" contenteditable="false"><p id="off-inside">Nvidia</p></div>
      <div id="box" role="textbox">Nvidia</div>
      <div class="cm-editor"><div id="code">Nvidia</div></div>
      <div id="ours" ${UI_HOST_ATTRIBUTE}><a id="our-link" href="#">more</a></div>`;
  });
  const byId = (id: string) => document.getElementById(id)!;

  it('is true in form fields, editable regions and code editors, from elements and from text nodes', () => {
    for (const id of ['field', 'area', 'choice', 'option', 'editor', 'inside', 'locked', 'box', 'code'])
      expect(isWhereReaderTypes(byId(id)), id).toBe(true);
    expect(isWhereReaderTypes(byId('inside').firstChild)).toBe(true);
    expect(isWhereReaderTypes(byId('code').firstChild)).toBe(true);
  });

  it('is false in the page’s reading text, in a region made uneditable, in our own UI, and off the tree', () => {
    for (const id of ['prose', 'bold', 'off', 'off-inside', 'ours', 'our-link'])
      expect(isWhereReaderTypes(byId(id)), id).toBe(false);
    expect(isWhereReaderTypes(byId('prose').firstChild)).toBe(false);
    expect(isWhereReaderTypes(window)).toBe(false);
    expect(isWhereReaderTypes(null)).toBe(false);
    expect(isWhereReaderTypes(document)).toBe(false);
  });
});

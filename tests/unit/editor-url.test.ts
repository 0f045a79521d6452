import { describe, expect, it } from 'vitest';
import {
  checkedRequest,
  editorPathFor,
  editorPathForEntry,
  editorPathForSelection,
  entryIdFromHash,
  prefillFromHash,
  requestFromHash,
} from '../../src/editor-url';

const hashOf = (path: string) => new URL(path, 'chrome-extension://x').hash;

describe('the context menu’s prefill (#add=)', () => {
  it('round-trips the selection through the editor URL, tidied', () => {
    const path = editorPathForSelection('  輝達\n Nvidia  ');
    expect(path).toBe(`/options.html#add=${encodeURIComponent('輝達 Nvidia')}`);
    expect(prefillFromHash(hashOf(path))).toBe('輝達 Nvidia');
  });

  it('ignores other fragments and malformed escapes', () => {
    expect(prefillFromHash('')).toBeUndefined();
    expect(prefillFromHash('#other=1')).toBeUndefined();
    expect(prefillFromHash('#edit=nvidia')).toBeUndefined();
    expect(prefillFromHash('#add=%E0%A4%A')).toBeUndefined();
    expect(prefillFromHash('#add=%20%20')).toBeUndefined();
  });

  it('caps the prefill at the longest allowed name', () => {
    expect(prefillFromHash(`#add=${'a'.repeat(500)}`)).toHaveLength(120);
  });
});

describe('the tooltip’s "Edit in the glossary" (#edit=)', () => {
  it('round-trips an entry id through the editor URL', () => {
    const path = editorPathForEntry('nvidia-h20');
    expect(path).toBe('/options.html#edit=nvidia-h20');
    expect(entryIdFromHash(hashOf(path))).toBe('nvidia-h20');
  });

  it('takes only what could be an entry id', () => {
    expect(entryIdFromHash('')).toBeUndefined();
    expect(entryIdFromHash('#add=nvidia')).toBeUndefined();
    expect(entryIdFromHash('#edit=')).toBeUndefined();
    expect(entryIdFromHash('#edit=%E0%A4%A')).toBeUndefined();
    expect(entryIdFromHash('#edit=Nvidia')).toBeUndefined();
    expect(entryIdFromHash(`#edit=${encodeURIComponent('<img src=x>')}`)).toBeUndefined();
    expect(entryIdFromHash(`#edit=${'a'.repeat(65)}`)).toBeUndefined();
  });
});

describe('a request, in a URL or in a message', () => {
  it('travels in the URL and comes back from its fragment', () => {
    expect(editorPathFor({ edit: 'nvidia' })).toBe('/options.html#edit=nvidia');
    expect(requestFromHash(hashOf(editorPathFor({ edit: 'nvidia' })))).toEqual({ edit: 'nvidia' });
    expect(requestFromHash(hashOf(editorPathFor({ add: ' 智譜\nAI ' })))).toEqual({ add: '智譜 AI' });
    expect(requestFromHash('')).toBeUndefined();
    expect(requestFromHash('#edit=Nvidia')).toBeUndefined();
    expect(requestFromHash('#add=%20')).toBeUndefined();
  });

  it('is checked and cleaned from a message as from a URL', () => {
    expect(checkedRequest({ edit: 'nvidia-h20' })).toEqual({ edit: 'nvidia-h20' });
    expect(checkedRequest({ edit: 'Not an id' })).toBeUndefined();
    expect(checkedRequest({ add: '\u0000Zhipu\r\n Qingyan\t' })).toEqual({ add: 'Zhipu Qingyan' });
    expect(checkedRequest({ add: 'x'.repeat(500) })).toEqual({ add: 'x'.repeat(120) });
    expect(checkedRequest({ add: ' \n ' })).toBeUndefined();
  });
});

/**
 * A long paste into a name or a note is kept whole, and the reader is told it is too long
 * and by how much: a browser's `maxlength` would cut it without a word.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/glossary/schema';
import { openEditor, openEntry } from './fixtures/editor-helpers';
import { chromiumSuite } from './harness/suite';

describe('a long paste in the entry form', () => {
  const suite = chromiumSuite();

  it('keeps all 10,000 pasted characters of a note, and says it is 8,800 over the limit', async () => {
    const editor = await openEditor(suite.browser);
    await openEntry(editor, 'Arm Holdings');
    const note = Array.from({ length: 1_000 }, (_, i) => `word${String(i).padStart(4, '0')}.`)
      .join(' ')
      .slice(0, 9_999)
      .concat('.'); // no space at the end, which the count would not include
    await editor.fill('#field-notes-en', '');
    await editor.focus('#field-notes-en');
    await editor.keyboard.insertText(note);
    expect(await editor.inputValue('#field-notes-en')).toBe(note);
    await editor.click('[data-testid="entry-save"]');
    const error = editor.locator('#field-notes-en-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toBe(
      `This note has 10,000 characters, ${(10_000 - LIMITS.noteLength).toLocaleString('en')} more than the ${LIMITS.noteLength.toLocaleString('en')} allowed.`,
    );
  });

  it('keeps a pasted name longer than twice the limit, and says it is too long', async () => {
    const editor = await openEditor(suite.browser);
    await editor.click('[data-testid="entry-new"]');
    const name = 'Q'.repeat(LIMITS.nameLength * 3);
    await editor.focus('#field-term');
    await editor.keyboard.insertText(name);
    expect(await editor.inputValue('#field-term')).toBe(name);
    await editor.click('[data-testid="entry-save"]');
    const error = editor.locator('#field-term-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toContain(`at most ${LIMITS.nameLength} characters`);
  });
});

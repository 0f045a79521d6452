// @vitest-environment jsdom
/** Save never does nothing silently: with no pack to hold the entry, the reader is told why. */
import { describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/i18n';
import { openEditor } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;

describe('saving with no pack to hold the entry', () => {
  it('says it did not save, and keeps the draft', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await openEditor('en');
    const box = document.querySelector<HTMLInputElement>('input[id^="pack-enabled-"]')!;
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toContain('off'));
    byTestId('entry-new').click();
    const term = document.getElementById('field-term') as HTMLInputElement;
    term.value = 'Quokka Robotics';
    term.dispatchEvent(new Event('input', { bubbles: true }));
    const note = document.getElementById('field-notes-en') as HTMLTextAreaElement;
    note.value = 'A robot maker.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorSaveNoPack')));
    expect(term.value).toBe('Quokka Robotics');
    expect(note.value).toBe('A robot maker.');
  });
});

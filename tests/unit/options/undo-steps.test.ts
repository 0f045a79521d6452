// @vitest-environment jsdom
/** Undo goes back step by step: each "Undone." offers Undo again while earlier steps are kept. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translator } from '../../../src/i18n';
import { startEditor } from '../../../src/options/editor-app';

const t = translator('en');

const rows = () => [...document.querySelectorAll<HTMLButtonElement>('button.entry-row')];
const names = () => rows().map((row) => row.querySelector('.entry-name')!.textContent);
const byTestId = (id: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);

beforeEach(async () => {
  Element.prototype.scrollIntoView = vi.fn();
  fakeBrowser.reset();
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startEditor(document, root, 'en');
});

describe('undo, step by step', () => {
  it('takes back two deletions one press at a time, the keyboard on the next Undo', async () => {
    const deleted: string[] = [];
    for (let step = 0; step < 2; step++) {
      deleted.push(names()[0]!);
      rows()[0]!.click();
      byTestId('entry-delete')!.click();
      await vi.waitFor(() => expect(names()).not.toContain(deleted[step]));
      await vi.waitFor(() => expect(byTestId('status-message')!.textContent).toBe(t('editorDeleted', deleted[step]!)));
    }
    // Each press of Undo takes back one deletion, newest first; the first leaves the keyboard on the next Undo.
    await vi.waitFor(() => expect(byTestId('undo')).not.toBeNull());
    byTestId('undo')!.focus();
    for (const name of [...deleted].reverse()) {
      const undo = document.activeElement as HTMLButtonElement;
      expect(undo.dataset.testid).toBe('undo');
      undo.click();
      await vi.waitFor(() => expect(names()).toContain(name));
      if (name !== deleted[1]) continue;
      // "Undone." replaces the message whose Undo was pressed, with an Undo of its own, focused.
      await vi.waitFor(() => expect(byTestId('status-message')!.textContent).toBe(t('editorUndone')));
      expect(document.activeElement).toBe(byTestId('undo'));
      expect(undo.isConnected).toBe(false);
    }
    expect(names()).toEqual(expect.arrayContaining(deleted));
    // The last Undo, with nothing older, leaves it in search.
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('entry-search'));
    expect(byTestId('undo')).toBeNull();
  });
});

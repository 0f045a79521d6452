/**
 * Two editor tabs on one entry, in Chromium: what one tab saves reaches the other through the
 * browser's storage, a field only the other changed is kept, and a save that would replace a
 * field both changed asks first (a second Save goes ahead); a form holding nothing unsaved
 * shows the other tab's save.
 */
import { describe, expect, it } from 'vitest';
import { localValue, openEditor, openEntry } from './fixtures/editor-helpers';
import { chromiumSuite } from './harness/suite';

interface StoredEdit {
  id: string;
  patch: { context?: Record<string, string>; section?: string; aliases?: string[] };
}

describe('two editor tabs on one entry', () => {
  const suite = chromiumSuite();

  const storedEdit = async (id: string): Promise<StoredEdit['patch'] | undefined> => {
    const layer = (await localValue(suite.browser.serviceWorker, 'userGlossary')) as
      { overlays: { edits: StoredEdit[] }[] } | undefined;
    return layer?.overlays.flatMap((o) => o.edits).find((e) => e.id === id)?.patch;
  };

  /** Two editor tabs, each with Nvidia's entry open. */
  const twoTabsOnNvidia = async () => {
    const tabs = [await openEditor(suite.browser), await openEditor(suite.browser)] as const;
    for (const tab of tabs) await openEntry(tab, 'Nvidia');
    return tabs;
  };

  it('keeps the other tab’s field, and asks before replacing a field both changed', async () => {
    const [first, second] = await twoTabsOnNvidia();
    // The second tab is writing the same note when the first saves: its form keeps what it
    // holds (one holding nothing unsaved would show the first tab's save).
    await second.fill('#field-notes-en', 'Written in the second tab.');
    await first.fill('#field-notes-en', 'Written in the first tab.');
    await first.fill('#field-aliases', `${await first.inputValue('#field-aliases')}\nNV Corp`);
    await first.click('[data-testid="entry-save"]');
    await expect.poll(async () => (await storedEdit('nvidia'))?.context?.en).toBe('Written in the first tab.');

    await second.click('[data-testid="entry-save"]');
    const status = second.locator('[data-testid="status-message"]');
    await expect
      .poll(() => status.textContent())
      .toBe(
        'Not saved yet: another tab has saved changes to Note in English since you opened this entry. ' +
          'Save again to replace them with what you wrote here; it is still in the form.',
      );
    expect((await storedEdit('nvidia'))?.context?.en).toBe('Written in the first tab.');
    expect(await second.inputValue('#field-notes-en')).toBe('Written in the second tab.');
    // Said under the Save button too, in view wherever the page and the form are scrolled.
    const refusal = second.locator('[data-testid="form-refusal"]');
    expect(await refusal.textContent()).toBe(await status.textContent());
    const box = (await refusal.boundingBox())!;
    const view = second.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(view.height);
    // Not clipped by the form's own scrolling either: it is what shows at its centre.
    const shown = await second.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="form-refusal"]') !== null,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(shown).toBe(true);

    await second.click('[data-testid="entry-save"]');
    await expect.poll(async () => (await storedEdit('nvidia'))?.context?.en).toBe('Written in the second tab.');
    // The alias only the first tab added stays.
    expect((await storedEdit('nvidia'))?.aliases).toContain('NV Corp');
  });

  it('shows the other tab’s save in a form that holds nothing unsaved, and says so', async () => {
    const [first, second] = await twoTabsOnNvidia();
    await first.fill('#field-notes-en', 'Written in the first tab, again.');
    await first.click('[data-testid="entry-save"]');
    await expect.poll(() => second.inputValue('#field-notes-en')).toBe('Written in the first tab, again.');
    expect(await second.locator('[data-testid="status-message"]').textContent()).toBe(
      '“Nvidia” was changed in another tab: the form shows it as it is now.',
    );
  });
});

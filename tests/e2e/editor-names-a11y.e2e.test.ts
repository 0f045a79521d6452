/**
 * What a screen reader hears in the entry form and the list, as Chromium computes it: the
 * name and note fields each say which they are, and Chinese names in the list are Chinese.
 */
import { describe, expect, it } from 'vitest';
import { openEditor, openEntry } from './fixtures/editor-helpers';
import { chromiumSuite } from './harness/suite';

describe('names and notes to a screen reader', () => {
  const suite = chromiumSuite();

  it('gives each name and note field a name of its own that holds the language shown', async () => {
    const editor = await openEditor(suite.browser);
    await openEntry(editor, 'Arm Holdings');
    const form = editor.getByTestId('entry-form');
    for (const language of ['Traditional Chinese', 'Simplified Chinese', 'English']) {
      // Shown as the language alone, under the fieldset's legend: the rest of the label is not drawn.
      const shown = await editor
        .locator(`label[for="field-names-${langId(language)}"] span`)
        .evaluateAll((spans) =>
          spans.filter((s) => s.children.length === 0 && s.getBoundingClientRect().width > 1).map((s) => s.textContent),
        );
      expect(shown).toEqual([language]);
      expect(await form.getByRole('textbox', { name: language, exact: true }).count()).toBe(0);
      expect(await form.getByRole('textbox', { name: `Name in ${language}`, exact: true }).getAttribute('id')).toBe(
        `field-names-${langId(language)}`,
      );
      expect(await form.getByRole('textbox', { name: `Note in ${language}`, exact: true }).getAttribute('id')).toBe(
        `field-notes-${langId(language)}`,
      );
    }
  });

  it('marks each Chinese name in the list rows with its language', async () => {
    const editor = await openEditor(suite.browser);
    await editor.fill('[data-testid="entry-search"]', 'Arm Holdings');
    const row = editor.locator('[data-testid="entry-row"]').first();
    const langs = await row
      .locator('.entry-aliases [lang]')
      .evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute('lang')]));
    expect(langs).toEqual(
      expect.arrayContaining([
        ['安謀', 'zh-Hant'],
        ['安谋', 'zh-Hans'],
      ]),
    );
    // No Chinese name is left in the page's language.
    const unmarked = await row.evaluate((el) =>
      [...el.querySelectorAll('span')]
        .filter((s) => s.children.length === 0 && /\p{Script=Han}/u.test(s.textContent ?? ''))
        .filter((s) => !s.closest('[lang]')?.getAttribute('lang')?.startsWith('zh'))
        .map((s) => s.textContent),
    );
    expect(unmarked).toEqual([]);
  });
});

function langId(language: string): string {
  return { 'Traditional Chinese': 'zh-Hant', 'Simplified Chinese': 'zh-Hans', English: 'en' }[language]!;
}

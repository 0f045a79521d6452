/**
 * The glossary editor's layout in Chromium, at the window widths readers open it in: nothing
 * runs past the window's edge, and each category is named in its highlights' colour.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/glossary/categories';
import { openEditor, openEntry } from './fixtures/editor-helpers';
import { chromiumSuite } from './harness/suite';

/** Elements whose right edge lies past the window's (none on a page that fits). */
const pastTheEdge = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      width,
      elements: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .map((el) => `${el.localName}.${el.className}`),
    };
  });

describe('the glossary editor’s layout', () => {
  const suite = chromiumSuite();
  let editor: Page;
  // Where the list and the form begin in the page (not the window, which clicks may scroll).
  const workspaceTop = () =>
    editor.evaluate(() => document.querySelector('.workspace')!.getBoundingClientRect().top + window.scrollY);

  beforeAll(async () => {
    editor = await openEditor(suite.browser);
  });

  it('fits every width from a phone’s to a desktop’s, with the list, an entry and the side panels', async () => {
    await openEntry(editor, 'Nvidia');
    for (const width of [360, 600, 900, 901, 1000, 1100, 1200, 1280, 1600]) {
      await editor.setViewportSize({ width, height: 900 });
      const { scrollWidth, width: fits, elements } = await pastTheEdge(editor);
      expect({ window: width, scrollWidth, elements }).toEqual({ window: width, scrollWidth: fits, elements: [] });
    }
  });

  it('shows every further-reading link whole in its box, at a phone’s width and a desktop’s', async () => {
    await openEntry(editor, 'Nvidia');
    for (const width of [390, 1280]) {
      await editor.setViewportSize({ width, height: 900 });
      const box = await editor.$eval('#field-links', (area) => ({
        lines: (area as HTMLTextAreaElement).value.split('\n').length,
        hidden: area.scrollHeight - area.clientHeight,
      }));
      expect(box.lines).toBeGreaterThan(1);
      expect({ width, hidden: box.hidden }).toEqual({ width, hidden: 0 });
    }
  });

  it('keeps the whole form, its Save button included, inside the window when it stays in view', async () => {
    await openEntry(editor, 'Nvidia');
    // The whole list, longer than the form: the page scrolls on past it while the form stays.
    await editor.fill('[data-testid="entry-search"]', '');
    for (const height of [500, 720, 900]) {
      await editor.setViewportSize({ width: 1280, height });
      // The page scrolled down the list, the form stuck at the window's top and scrolled to its own foot.
      const foot = await editor.evaluate(() => {
        window.scrollTo(0, document.querySelector('.workspace')!.getBoundingClientRect().top + window.scrollY + 300);
        const panel = document.querySelector<HTMLElement>('.entry-panel')!;
        panel.scrollTop = panel.scrollHeight;
        return {
          top: panel.getBoundingClientRect().top,
          panel: panel.getBoundingClientRect().bottom,
          save: document.querySelector('[data-testid="entry-save"]')!.getBoundingClientRect().bottom,
        };
      });
      expect(foot.top).toBe(8);
      expect(foot.panel).toBeLessThanOrEqual(height);
      expect(foot.save).toBeLessThanOrEqual(height);
    }
    await editor.setViewportSize({ width: 1280, height: 720 });
  });

  it('writes names, fields and buttons in the editor’s own font, not the 75% Chromium gives extension pages', async () => {
    await openEntry(editor, 'Nvidia');
    const fonts = await editor.evaluate(() => {
      const font = (el: Element) => `${getComputedStyle(el).fontSize} ${getComputedStyle(el).fontFamily}`;
      const of = (selector: string) => font(document.querySelector(selector)!);
      return {
        root: font(document.documentElement),
        body: font(document.body),
        name: of('.entry-name'),
        search: of('[data-testid="entry-search"]'),
        note: of('.entry-panel textarea'),
        save: of('[data-testid="entry-save"]'),
      };
    });
    expect(fonts.root.startsWith('15px ')).toBe(true);
    expect(fonts).toEqual({
      root: fonts.root,
      body: fonts.root,
      name: fonts.root,
      search: fonts.root,
      note: fonts.root,
      save: fonts.root,
    });
  });

  it('shows a page of the list from its top when Next or Previous at its foot is pressed', async () => {
    await editor.setViewportSize({ width: 1280, height: 700 });
    await editor.fill('[data-testid="entry-search"]', '');
    const countTop = () =>
      editor.evaluate(() => document.querySelector('[data-testid="entry-count"]')!.getBoundingClientRect().top);
    for (const button of ['page-next', 'page-previous']) {
      await editor.locator(`[data-testid="${button}"]`).scrollIntoViewIfNeeded();
      expect(await countTop()).toBeLessThan(0); // the scenario: the list's top above the window
      await editor.click(`[data-testid="${button}"]`);
      const top = await countTop();
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(700);
      // Focus stays in the pager, to press again (on the other button at the list's first or last page).
      const focused = await editor.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      expect(['page-next', 'page-previous']).toContain(focused);
    }
  });

  it('says a save is done under the Save button at a phone’s width, where the status line is far above', async () => {
    await editor.setViewportSize({ width: 400, height: 800 });
    await openEntry(editor, 'Nvidia');
    const note = await editor.inputValue('#field-notes-en');
    await editor.fill('#field-notes-en', `${note} (edited)`);
    await editor.click('[data-testid="entry-save"]');
    const saved = editor.locator('[data-testid="form-saved"]');
    await expect.poll(() => saved.isVisible()).toBe(true);
    const box = (await saved.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    // The scenario: the status line, which says it too, out of view.
    const statusLine = (await editor.locator('[data-testid="status-message"]').boundingBox())!;
    expect(statusLine.y + statusLine.height).toBeLessThan(0);
    expect(await editor.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('entry-save');
    // Put back as it was, for the tests after.
    await editor.fill('#field-notes-en', note);
    await editor.click('[data-testid="entry-save"]');
    await expect.poll(() => editor.inputValue('#field-notes-en')).toBe(note);
    await editor.setViewportSize({ width: 1280, height: 900 });
  });

  it('names each category in the list in its own underline colour, as the popup does', async () => {
    await editor.setViewportSize({ width: 1280, height: 900 });
    await editor.fill('[data-testid="entry-search"]', '');
    const looks = await editor.locator('[data-testid="entry-row"] .category-look').evaluateAll((els) =>
      els.map((el) => {
        const style = getComputedStyle(el);
        return {
          category: el.textContent,
          line: style.textDecorationLine,
          underline: style.textDecorationColor,
          text: style.color,
        };
      }),
    );
    expect(looks.length).toBeGreaterThan(0);
    for (const look of looks) {
      expect(look.line, look.category!).toBe('underline');
      expect(look.underline, look.category!).not.toBe(look.text);
    }
    // One colour per category named on the page, none shared.
    const colourOf = new Map(looks.map((l) => [l.category, l.underline]));
    expect(colourOf.size).toBeGreaterThan(1);
    expect(colourOf.size).toBeLessThanOrEqual(CATEGORIES.length);
    expect(new Set(colourOf.values()).size).toBe(colourOf.size);
  });

  it('does not move the list and the form when a save’s confirmation and its Undo button appear', async () => {
    await editor.setViewportSize({ width: 1280, height: 900 });
    await editor.reload();
    await editor.waitForSelector('[data-testid="entry-row"]');
    // Nothing announced yet: the line is empty.
    expect(await editor.locator('[data-testid="status-message"]').textContent()).toBe('');
    const before = await workspaceTop();
    await openEntry(editor, 'Baidu');
    await editor.fill('#field-notes-en', 'Changed to see the page hold still.');
    await editor.click('[data-testid="entry-save"]');
    await editor.locator('[data-testid="undo"]').waitFor();
    expect(await workspaceTop()).toBe(before);
    // A message without a button (Undo's own) takes the same room.
    await editor.click('[data-testid="undo"]');
    await expect.poll(() => editor.locator('[data-testid="undo"]').count()).toBe(0);
    expect(await workspaceTop()).toBe(before);
  });

  it('keeps a long name’s confirmation on one line at a phone’s width, whole in what is announced', async () => {
    await editor.setViewportSize({ width: 360, height: 900 });
    await editor.reload();
    await editor.waitForSelector('[data-testid="entry-row"]');
    const before = await workspaceTop();
    const name = 'Semiconductor Manufacturing International Corporation, Beijing';
    await editor.click('[data-testid="entry-new"]');
    await editor.fill('#field-term', name);
    await editor.fill('#field-notes-en', 'A long name, saved in a narrow window.');
    await editor.click('[data-testid="entry-save"]');
    await editor.locator('[data-testid="undo"]').waitFor();
    expect(await workspaceTop()).toBe(before);
    // Cut short inside the line, not by widening the page.
    expect((await pastTheEdge(editor)).elements).toEqual([]);
    const message = await editor.locator('[data-testid="status-message"]').evaluate((el) => ({
      text: el.textContent,
      title: el.getAttribute('title'),
      cut: el.scrollWidth > el.clientWidth,
    }));
    expect(message.text).toContain(name);
    expect(message).toEqual({ text: message.text, title: message.text, cut: true });
    // A message without a button wraps again, whole, and loses the title.
    await editor.click('[data-testid="undo"]');
    await expect.poll(() => editor.locator('[data-testid="undo"]').count()).toBe(0);
    expect(await editor.locator('[data-testid="status-message"]').getAttribute('title')).toBeNull();
    await editor.setViewportSize({ width: 1280, height: 900 });
  });

  it('wraps a pack title with no break in it, as it wraps entry names, in a 400 px window', async () => {
    await editor.setViewportSize({ width: 400, height: 900 });
    const title = 'Q'.repeat(120);
    const pack = {
      schemaVersion: 1,
      id: 'unbroken-title',
      title,
      source: { title, author: 'A'.repeat(120) },
      entries: [{ id: 'unbroken-entry', term: 'Unbroken Entry', category: 'concept', context: 'A note.' }],
    };
    const buffer = Buffer.from(JSON.stringify(pack));
    await editor.setInputFiles('[data-testid="glossary-import"]', {
      name: 'p.json',
      mimeType: 'application/json',
      buffer,
    });
    await editor.click('[data-testid="import-preview"]:not([hidden]) [data-testid="import-confirm"]');
    await editor.locator('[data-testid="pack-remove-unbroken-title"]').waitFor();
    // Its entry's row names the pack (two are installed), and so does the form that opens it.
    await editor.fill('[data-testid="entry-search"]', 'Unbroken Entry');
    await editor.click('[data-testid="entry-row"]:has-text("Unbroken Entry")');
    await expect.poll(() => editor.locator('.entry-panel .pack-name').textContent()).toContain(title);
    expect(await editor.locator('[data-testid="entry-row"] .entry-meta').allTextContents()).toContain(title);
    const { scrollWidth, width, elements } = await pastTheEdge(editor);
    expect({ scrollWidth, elements }).toEqual({ scrollWidth: width, elements: [] });
    await editor.click('[data-testid="pack-remove-unbroken-title"]');
    await editor.fill('[data-testid="entry-search"]', '');
    await editor.setViewportSize({ width: 1280, height: 900 });
  });
  it('shows the choice made in each list filter and in the whole-word rule whole, from a phone’s width to a desktop’s', async () => {
    await editor.fill('[data-testid="entry-search"]', '');
    await openEntry(editor, 'Nvidia');
    for (const width of [360, 390, 600, 1280]) {
      await editor.setViewportSize({ width, height: 900 });
      const cut = await editor.evaluate(() =>
        [...document.querySelectorAll<HTMLSelectElement>('.filters select, #field-wholeWord')].flatMap((select) => {
          // A copy holding only the choice made, as wide as it wants to be: that choice's text,
          // arrow and padding (the list the select opens shows each choice whole).
          const copy = select.cloneNode(true) as HTMLSelectElement;
          for (const option of [...copy.options]) if (option.value !== select.value) option.remove();
          copy.style.cssText = 'position: absolute; width: auto';
          select.parentElement!.append(copy);
          const wants = copy.getBoundingClientRect().width;
          copy.remove();
          const has = select.getBoundingClientRect().width;
          return has + 0.5 < wants ? [`${select.id}: ${Math.round(has)} of ${Math.round(wants)} px`] : [];
        }),
      );
      expect({ width, cut }).toEqual({ width, cut: [] });
    }
    await editor.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the form, not the list, when it opens at an entry in a phone-wide window', async () => {
    const narrow = await suite.browser.context.newPage();
    try {
      await narrow.setViewportSize({ width: 390, height: 700 });
      await narrow.goto(`chrome-extension://${suite.browser.extensionId}/options.html#edit=nvidia`);
      await narrow.waitForFunction(() => document.activeElement?.id === 'field-term');
      const seen = await narrow.evaluate(() => {
        const inView = (el: Element | null) => {
          const box = el!.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        };
        return { field: inView(document.activeElement), heading: inView(document.getElementById('form-heading')) };
      });
      // The field the reader types in, and the heading that names the entry, are on screen.
      expect(seen).toEqual({ field: true, heading: true });
      // The list still marks the entry, for when the reader scrolls up to it.
      expect(await narrow.locator('button.entry-row[aria-current="true"]').getAttribute('data-key')).toMatch(
        /\/nvidia$/,
      );
    } finally {
      await narrow.close();
    }
  });

  it('keeps the import choice’s heading inside its box when the side panel wraps it', async () => {
    await editor.setViewportSize({ width: 1280, height: 900 });
    const box = await editor.evaluate(() => {
      const fieldset = document.querySelector('fieldset.import-mode')!;
      const legend = fieldset.querySelector('legend')!;
      const lineHeight = parseFloat(getComputedStyle(legend).lineHeight);
      const outer = fieldset.getBoundingClientRect();
      const inner = legend.getBoundingClientRect();
      return {
        lines: Math.round(inner.height / lineHeight),
        below: inner.top >= outer.top + parseFloat(getComputedStyle(fieldset).borderTopWidth),
      };
    });
    // Wrapped at this width, and below the box's top border, not across it.
    expect(box).toEqual({ lines: 2, below: true });
  });
});

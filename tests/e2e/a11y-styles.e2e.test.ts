/**
 * What the popup and the editor look like to readers who change how pages are drawn, in real
 * Chromium: forced colours (Windows High Contrast), the dark scheme, a narrow window.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEditor, openEntry } from './fixtures/editor-helpers';
import { contrast, parseColour } from './harness/colour';
import { chromiumSuite } from './harness/suite';
import { tabWithUrl } from './highlight-helpers';

/** Each switch's colours: its track's background and border, its knob's, and the page's. */
const switchLooks = (popup: Page) =>
  popup.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[role="switch"]:not(:disabled)')].map((el) => {
      const style = getComputedStyle(el);
      return {
        id: el.id,
        checked: el.checked,
        track: style.backgroundColor,
        border: style.borderTopStyle === 'none' ? 'none' : style.borderTopColor,
        knob: getComputedStyle(el, '::before').backgroundColor,
        page: getComputedStyle(document.body).backgroundColor,
      };
    }),
  );

/** A name the glossary allows (up to 120 characters) with nowhere to break it. */
const longName = 'Supercalifragilisticexpialidocious' + 'Corporation'.repeat(7) + 'Ltd';

/** How far the page scrolls sideways (0 when it fits its window). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the popup and the editor as drawn for their readers', () => {
  const suite = chromiumSuite();
  let popup: Page;
  let editor: Page;

  beforeAll(async () => {
    const article = await suite.browser.context.newPage();
    await article.goto(`${suite.server.origin}/fixtures/ui-article.html`);
    await article.waitForSelector('mark[data-glossary-id]');
    const tab = await tabWithUrl(suite.browser.serviceWorker, article.url(), (s) => Object.keys(s.counts).length > 0);
    popup = await suite.browser.context.newPage();
    await popup.setViewportSize({ width: 340, height: 700 });
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${tab.id}`);
    await popup.locator('[data-testid="found-entry"]').first().waitFor();
    editor = await openEditor(suite.browser);
  });

  it('draws the popup’s switches, on and off, in forced colours', async () => {
    await popup.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    // This site off, so that switches on and off are both shown.
    await popup.click('#site-toggle');
    await expect.poll(() => popup.locator('#site-toggle').isChecked()).toBe(false);
    const looks = await switchLooks(popup);
    await popup.click('#site-toggle');
    expect(looks.some((l) => l.checked)).toBe(true);
    expect(looks.some((l) => !l.checked)).toBe(true);
    for (const look of looks) {
      // The switch's edge shows against the page, and its knob against its track.
      expect(look.border, look.id).not.toBe('none');
      expect(look.border, look.id).not.toBe(look.page);
      expect(look.knob, look.id).not.toBe(look.track);
    }
    // On and off are told apart by more than the knob's place.
    const on = looks.find((l) => l.checked)!;
    const off = looks.find((l) => !l.checked)!;
    expect([on.track, on.knob]).not.toEqual([off.track, off.knob]);
    await popup.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  });

  it('keeps the popup’s switches still for a reader who prefers reduced motion', async () => {
    await popup.emulateMedia({ reducedMotion: 'reduce' });
    const durations = await popup.evaluate(() =>
      [...document.querySelectorAll('input[role="switch"]')].flatMap((el) => [
        getComputedStyle(el).transitionDuration,
        getComputedStyle(el, '::before').transitionDuration,
      ]),
    );
    expect(durations.length).toBeGreaterThan(0);
    expect(new Set(durations)).toEqual(new Set(['0s']));
    await popup.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('marks the editor’s open entry in forced colours', async () => {
    await editor.setViewportSize({ width: 1280, height: 800 });
    await editor.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
    await openEntry(editor, 'a');
    await editor.locator('[data-testid="entry-save"]').focus();
    const rows = await editor.locator('[data-testid="entry-row"]').evaluateAll((els) =>
      els.slice(0, 3).map((el) => {
        const style = getComputedStyle(el);
        const edge = (side: string) =>
          style.getPropertyValue(`border-${side}-style`) === 'none'
            ? 'none'
            : style.getPropertyValue(`border-${side}-color`);
        return {
          selected: el.getAttribute('aria-current') === 'true',
          edges: ['top', 'right', 'bottom', 'left'].map(edge),
        };
      }),
    );
    // Forced colours paint every row's background alike (Canvas); its edges must tell it apart.
    const selected = rows.find((r) => r.selected)!;
    const others = rows.filter((r) => !r.selected);
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) expect(selected.edges).not.toEqual(other.edges);
    const page = await editor.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(selected.edges.filter((c) => c !== 'none' && c !== page)).toHaveLength(4);
    await editor.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  });

  it('keeps the change badges on the open entry at 4.5:1 in the dark scheme', async () => {
    await editor.setViewportSize({ width: 1280, height: 800 });
    await editor.emulateMedia({ forcedColors: 'none', colorScheme: 'dark' });
    await openEntry(editor, 'Baidu');
    await editor.fill('#field-notes-en', 'Changed for the badge.');
    await editor.click('[data-testid="entry-save"]');
    await editor.locator('[data-testid="entry-row"][aria-current="true"] .badge-edited').waitFor();
    await editor.click('[data-testid="entry-new"]');
    await editor.fill('#field-term', 'Badgeworthy Widgets');
    await editor.fill('#field-notes-en', 'New for the badge.');
    await editor.click('[data-testid="entry-save"]');
    // Saved, as the status line says, before the list is searched for it. A save under the
    // whole suite's load can take longer than expect.poll's default second; what this test
    // measures is the badges' contrast, not the save's speed, so it waits as the editor tests do.
    await editor.locator('[data-testid="status-message"]', { hasText: 'Badgeworthy' }).waitFor({ timeout: 5_000 });
    await editor.fill('[data-testid="entry-search"]', 'Badgeworthy');
    await editor.locator('[data-testid="entry-row"][aria-current="true"] .badge-added').waitFor();
    await openEntry(editor, 'Tencent');
    await editor.click('[data-testid="entry-delete"]');
    await editor.selectOption('[data-testid="entry-state"]', 'deleted');
    await editor.fill('[data-testid="entry-search"]', 'Tencent');
    await editor.click('[data-testid="entry-row"] >> nth=0');
    await editor.locator('[data-testid="entry-row"][aria-current="true"] .badge-deleted').waitFor();
    await editor.selectOption('[data-testid="entry-state"]', 'all');

    const ratios: Record<string, number> = {};
    for (const [query, badge] of [
      ['Baidu', 'badge-edited'],
      ['Badgeworthy', 'badge-added'],
    ] as const) {
      await openEntry(editor, query);
      const [fg, bg] = await editor
        .locator(`[data-testid="entry-row"][aria-current="true"] .${badge}`)
        .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.closest('.entry-row')!).backgroundColor]);
      ratios[badge] = contrast(parseColour(fg!), parseColour(bg!));
    }
    await editor.selectOption('[data-testid="entry-state"]', 'deleted');
    await openEntry(editor, 'Tencent');
    const [fg, bg] = await editor
      .locator('[data-testid="entry-row"][aria-current="true"] .badge-deleted')
      .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.closest('.entry-row')!).backgroundColor]);
    ratios['badge-deleted'] = contrast(parseColour(fg!), parseColour(bg!));
    await editor.selectOption('[data-testid="entry-state"]', 'all');
    for (const [badge, ratio] of Object.entries(ratios)) expect(ratio, badge).toBeGreaterThanOrEqual(4.5);
    await editor.emulateMedia({ colorScheme: 'light' });
  });

  it('wraps a 114-character name without spaces instead of scrolling sideways, in the editor at 320 px', async () => {
    expect(longName).toHaveLength(114);
    await editor.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    await editor.setViewportSize({ width: 320, height: 700 });
    await editor.fill('[data-testid="entry-search"]', '');
    await editor.click('[data-testid="entry-new"]');
    await editor.fill('#field-term', longName);
    await editor.fill('#field-notes-en', 'A long name.');
    await editor.click('[data-testid="entry-save"]');
    // Saved, as the status line says, before the list is searched for it.
    await editor.locator('[data-testid="status-message"]', { hasText: longName }).waitFor({ timeout: 5_000 });
    await editor.fill('[data-testid="entry-search"]', 'Supercal');
    await editor.locator('[data-testid="entry-row"][aria-current="true"]').waitFor();
    await expect.poll(() => editor.locator('#form-heading').textContent()).toContain(longName);
    expect(await sideways(editor)).toBeLessThanOrEqual(0);
    // A second entry by the same name is refused, with the name in the message.
    await editor.click('[data-testid="entry-new"]');
    await editor.fill('#field-term', longName);
    await editor.click('[data-testid="entry-save"]');
    await editor.locator('.field-error:not([hidden])').first().waitFor();
    expect(await editor.locator('.field-error:not([hidden])').first().textContent()).toContain(longName);
    expect(await sideways(editor)).toBeLessThanOrEqual(0);
    await editor.setViewportSize({ width: 1280, height: 800 });
  });

  it('wraps the same name in the popup, at its own width', async () => {
    // The name saved by the test before.
    const url = suite.server.setPage(
      'long-name',
      `<!doctype html><html lang="en"><body><p>${longName} bought Nvidia chips.</p></body></html>`,
    );
    const page = await suite.browser.context.newPage();
    await page.goto(url);
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('mark[data-glossary-id]')].some((m) => m.textContent === n),
      longName,
      {
        timeout: 10_000,
      },
    );
    const tab = await tabWithUrl(suite.browser.serviceWorker, page.url(), (s) => Object.keys(s.counts).length > 1);
    const longPopup = await suite.browser.context.newPage();
    await longPopup.setViewportSize({ width: 340, height: 700 });
    await longPopup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${tab.id}`);
    await longPopup.locator('[data-testid="found-entry"]', { hasText: 'Supercal' }).waitFor();
    expect(await sideways(longPopup)).toBeLessThanOrEqual(0);
  });
});

/**
 * ColumnLens in Firefox's private windows, for a reader who browses only privately and has
 * allowed the add-on there ("Run in Private Windows" in about:addons): the page is highlighted
 * and counted on the badge, "Edit in the glossary" opens the editor at the entry in a tab
 * beside the page, an edit saved there reaches the page, the next "Edit" uses that editor again,
 * and the popup's switch takes the
 * highlights off and puts them back. Firefox, unlike Chromium, opens the add-on's pages in
 * private windows too, so everything here happens in one private window.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayName } from '../../src/glossary/entry-names';
import { SHOW_DELAY_MS } from '../../src/tooltip/tooltip';
import { badgeOf, fillField, newPageAt, tabShowing, waitInPage } from './harness/firefox';
import { pollUntil } from './harness/poll';
import { middleOfPart, tooltipPartText, type PagePart } from './harness/in-page';
import { firefoxSuite } from './harness/suite';

// The WebExtension global of the add-on's pages, as far as this file uses it.
declare const browser: {
  tabs: {
    query(
      q: object,
    ): Promise<{ id?: number; active: boolean; incognito: boolean; index: number; openerTabId?: number }[]>;
  };
  extension: { inIncognitoContext: boolean };
};

const pack = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../glossary/ai-rush-china.json'), 'utf8')) as {
  entries: { id: string; term: string; names?: Record<string, string> }[];
};
const nvidia = pack.entries.find((e) => e.id === 'nvidia')!;

/** Waits for the element `part` to be there, and gives its middle. */
const positionOf = async (page: Page, part: PagePart) =>
  (await waitInPage(page, middleOfPart, part)) as { x: number; y: number };

describe('ColumnLens in Firefox private windows', () => {
  const suite = firefoxSuite({ privateBrowsing: true });
  let article: Page;
  let articleUrl: string;
  /** The add-on's page that looks at tabs and storage, itself in the private window. */
  let probe: Page;
  let tabId: number;

  beforeAll(async () => {
    articleUrl = `${suite.server.origin}/fixtures/ui-article.html`;
    article = await suite.browser.open(articleUrl);
    await waitInPage(article, () => document.querySelector('#first mark[data-glossary-id="nvidia"]') !== null, null);
    // The popup's page, not the editor's: an open editor would take the tooltip's "Edit".
    probe = await suite.browser.openExtensionPage('popup.html');
    tabId = (await tabShowing(probe, articleUrl)).id;
  });

  it('highlights a page in a private window and counts its entries on the toolbar badge', async () => {
    const tabs = await probe.evaluate(() => browser.tabs.query({}));
    expect(tabs.find((tab) => tab.id === tabId)?.incognito).toBe(true);
    expect(await probe.evaluate(() => browser.extension.inIncognitoContext)).toBe(true);

    const { summary } = await tabShowing(probe, articleUrl);
    const found = Object.keys(summary.counts).filter((id) => summary.counts[id]! > 0);
    expect(found).toContain('nvidia');
    const expected = String(found.length);
    expect(await badgeOf(probe, tabId, (text) => text === expected)).toBe(expected);
  });

  it('opens the editor at the entry from the tooltip’s “Edit in the glossary”, beside the page', async () => {
    await article.bringToFront();
    const mark = await positionOf(article, {
      css: '#first mark[data-glossary-id="nvidia"]',
      inTooltip: false,
    });
    await article.mouse.move(mark.x, mark.y);
    const edit = await positionOf(article, { css: '.edit-entry', inTooltip: true });
    const before = await suite.browser.browser.pages();
    // The browser's own mouse: the button opens the editor only for a trusted click.
    await article.mouse.move(edit.x, edit.y);
    await article.mouse.click(edit.x, edit.y);

    const editor = await newPageAt(suite.browser.browser, before, `${suite.browser.extensionOrigin}/options.html`);
    const heading = await waitInPage(
      editor,
      () => document.querySelector('#field-term') && document.querySelector('#form-heading')?.textContent,
      null,
    );
    expect(heading).toBe(`Edit “${displayName(nvidia, 'en')}”`);
    expect(await editor.$eval('#field-term', (el) => (el as HTMLInputElement).value)).toBe(nvidia.term);
    expect(await editor.evaluate(() => browser.extension.inIncognitoContext)).toBe(true);
    // In the page's own private window, right after it, with the page as its opener.
    const tabs = await probe.evaluate(() => browser.tabs.query({}));
    const page = tabs.find((tab) => tab.id === tabId)!;
    const opened = tabs.filter((tab) => tab.openerTabId === tabId);
    expect(opened.map((tab) => ({ incognito: tab.incognito, index: tab.index }))).toEqual([
      { incognito: true, index: page.index + 1 },
    ]);

    // An edit saved there reaches the private page without a reload.
    await article.evaluate(() => ((window as { loadedOnce?: boolean }).loadedOnce = true));
    const note = 'A note written in a private window, shown in its tooltip.';
    await fillField(editor, '#field-notes-en', note);
    await editor.click('[data-testid="entry-save"]');
    await article.bringToFront();
    const after = await positionOf(article, {
      css: '#first mark[data-glossary-id="nvidia"]',
      inTooltip: false,
    });
    // Hovered again, each time for longer than the tooltip's delay, until it shows the saved
    // note (the edit travels through storage to the page).
    let shown: string | null = null;
    for (let i = 0; i < 10 && shown !== note; i++) {
      await article.mouse.move(5, 5);
      await article.mouse.move(after.x, after.y);
      await new Promise((r) => setTimeout(r, SHOW_DELAY_MS + 300));
      shown = await article.evaluate(tooltipPartText, '.note');
    }
    expect(shown).toBe(note);
    expect(await article.evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce)).toBe(true);

    // Saved, the editor holds nothing unsaved: the next "Edit" shows its entry there, brought
    // to the front, and opens no tab.
    const tabsBefore = (await probe.evaluate(() => browser.tabs.query({}))).length;
    const exportControls = pack.entries.find((e) => e.id === 'export-controls')!;
    const other = await positionOf(article, {
      css: '#first mark[data-glossary-id="export-controls"]',
      inTooltip: false,
    });
    await article.mouse.move(5, 5);
    await article.mouse.move(other.x, other.y);
    const otherName = displayName(exportControls, 'en');
    expect(
      await pollUntil(
        () => article.evaluate(tooltipPartText, '.term'),
        (term) => term === otherName,
        { timeoutMs: 10_000 },
      ),
    ).toBe(otherName);
    const again = await positionOf(article, { css: '.edit-entry', inTooltip: true });
    await article.mouse.move(again.x, again.y);
    await article.mouse.click(again.x, again.y);
    const shownAgain = await waitInPage(
      editor,
      (wanted) => document.querySelector('#form-heading')?.textContent === wanted && wanted,
      `Edit “${displayName(exportControls, 'en')}”`,
    );
    expect(shownAgain).toBe(`Edit “${displayName(exportControls, 'en')}”`);
    const tabsAfter = await probe.evaluate(() => browser.tabs.query({}));
    expect(tabsAfter).toHaveLength(tabsBefore);
    expect(tabsAfter.filter((tab) => tab.active).map((tab) => tab.openerTabId)).toEqual([tabId]);
    await editor.close();
  });

  it('switches the highlights off from the popup, leaving the page as it was, and on again', async () => {
    await article.bringToFront();
    await article.mouse.move(5, 5);
    const marked = await article.evaluate(() => document.querySelectorAll('mark[data-glossary-id]').length);
    expect(marked).toBeGreaterThan(0);
    const withoutExtension = await article.evaluate(() => {
      // The article's text as the page wrote it: every mark taken back out of a clone.
      const copy = document.body.cloneNode(true) as HTMLElement;
      for (const mark of copy.querySelectorAll('mark[data-glossary-id]')) mark.replaceWith(...mark.childNodes);
      copy.querySelector('columnlens-tooltip')?.remove();
      copy.normalize();
      return copy.innerHTML;
    });

    // Firefox cannot open the toolbar popup headless; opened as a page, `?tab=` names the tab.
    const popup = await suite.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="highlights-toggle"]', { timeout: 10_000 });
    expect(await popup.$eval('[data-testid="highlights-toggle"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await popup.locator('[data-testid="highlights-toggle"]').click();
    await waitInPage(article, () => document.querySelectorAll('mark[data-glossary-id]').length === 0, null);
    const off = await article.evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      copy.querySelector('columnlens-tooltip')?.remove();
      copy.normalize();
      return copy.innerHTML;
    });
    expect(off).toBe(withoutExtension);

    await popup.locator('[data-testid="highlights-toggle"]').click();
    // The names on screen come in more than one frame (the first ones in the first frame after
    // they are read): wait for as many as before, then check there are exactly as many.
    await waitInPage(article, (wanted) => document.querySelectorAll('mark[data-glossary-id]').length >= wanted, marked);
    expect(await article.evaluate(() => document.querySelectorAll('mark[data-glossary-id]').length)).toBe(marked);
    await popup.close();
  });
});

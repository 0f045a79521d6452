/**
 * What an automated accessibility audit (axe-core, WCAG 2.2 A and AA rules) finds in everything
 * ColumnLens shows a reader, in real Chromium, in the light and the dark scheme: the popup on
 * an article and on a page it cannot read, the editor's list with an entry of each category
 * open (the selected row's secondary text sits on the selection colour), a new entry refused
 * with its field errors, a broken import's message, and the tooltip, opened by pointer and by
 * keyboard. The tooltip is audited alone: the article around it is the page's, not ours.
 * axe cannot work out colours inside the tooltip (its panel is fixed in a zero-sized host), so
 * there every text's contrast with what lies under it is measured from the computed styles,
 * for an entry of each category, whose colour the panel takes.
 *
 * axe cannot judge everything (whether a label says the right thing, reading order); the
 * popup, editor and tooltip tests check those by hand.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/glossary/categories';
import { bundledEntries } from '../bench/lib/glossary';
import { openEditor, openEntry } from './fixtures/editor-helpers';
import { contrast, parseColour, type Rgba } from './harness/colour';
import { chromiumSuite } from './harness/suite';
import { tabWithUrl } from './highlight-helpers';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TOOLTIP = 'columnlens-tooltip';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

// The part of axe's global these tests use.
declare const axe: {
  run(
    context: Document | { include: string[][] },
    options: object,
  ): Promise<{
    violations: {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  }>;
};

/**
 * The WCAG A and AA violations axe finds in `page` (or in `within`), each with the elements
 * that fail and why: the message a failing test shows. axe is evaluated over the protocol,
 * so the extension pages' script policy, which allows only their own files, does not stop it.
 */
async function violations(page: Page, within?: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE};0`);
  return page.evaluate(async (selector) => {
    const result = await axe.run(selector ? { include: [[selector]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  }, within);
}

/** `top` laid over `under` (alpha compositing); the result is opaque if `under` is. */
function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(under[3]) as Rgba;
}

/**
 * Every piece of text in the open tooltip: its text, its colour, and the backgrounds from the
 * panel down to it (the panel's is opaque), as the browser computed them.
 */
function tooltipTexts(page: Page): Promise<{ text: string; colour: string; backgrounds: string[] }[]> {
  return page.evaluate((host) => {
    const panel = document.querySelector(host)!.shadowRoot!.querySelector<HTMLElement>('.panel')!;
    const out: { text: string; colour: string; backgrounds: string[] }[] = [];
    for (const el of [panel, ...panel.querySelectorAll<HTMLElement>('*')]) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent!.trim()).map((n) => n.textContent);
      if (own.length === 0) continue;
      const backgrounds: string[] = [];
      for (let at: HTMLElement | null = el; at; at = at === panel ? null : at.parentElement)
        backgrounds.unshift(getComputedStyle(at).backgroundColor);
      out.push({ text: own.join('').trim(), colour: getComputedStyle(el).color, backgrounds });
    }
    return out;
  }, TOOLTIP);
}

describe.each(['light', 'dark'] as const)('an accessibility audit in the %s scheme', (scheme) => {
  const suite = chromiumSuite();
  let article: Page;
  let articleTabId: number;
  const opened: Page[] = [];

  /** A new tab in this scheme. */
  async function newPage(): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    opened.push(page);
    return page;
  }

  beforeAll(async () => {
    article = await newPage();
    await article.goto(`${suite.server.origin}/fixtures/ui-article.html`);
    await article.waitForSelector('mark[data-glossary-id]');
    const tab = await tabWithUrl(suite.browser.serviceWorker, article.url(), (s) => Object.keys(s.counts).length > 0);
    articleTabId = tab.id;
  });
  afterAll(async () => {
    for (const page of opened) await page.close().catch(() => undefined);
  });

  it('finds nothing in the popup on an article', async () => {
    const popup = await newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${articleTabId}`);
    await popup.locator('[data-testid="found-entry"]').first().waitFor();
    expect(await violations(popup)).toEqual([]);
  });

  it('finds nothing in the popup on a page it cannot read', async () => {
    // The tab that appears with a new blank page (its address is hidden from the extension).
    const tabIds = () =>
      suite.browser.serviceWorker.evaluate(() => chrome.tabs.query({}).then((all) => all.map((t) => t.id)));
    const before = new Set(await tabIds());
    const blank = await newPage();
    await blank.goto('about:blank');
    const blankTab = (await tabIds()).find((id) => !before.has(id));
    expect(blankTab).toBeDefined();
    const popup = await newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${blankTab}`);
    await popup.locator('[data-testid="page-status"]').waitFor();
    expect(await violations(popup)).toEqual([]);
  });

  it('finds nothing in the editor, its list with an entry of each category selected', async () => {
    const editor = await openEditor(suite.browser);
    await editor.emulateMedia({ colorScheme: scheme });
    opened.push(editor);
    expect(await violations(editor)).toEqual([]);
    const entries = bundledEntries();
    for (const category of CATEGORIES) {
      const entry = entries.find((e) => e.category === category);
      if (!entry) continue;
      await openEntry(editor, entry.id);
      await editor.locator('[data-testid="entry-row"][aria-current="true"]').waitFor();
      expect({ category, found: await violations(editor) }).toEqual({ category, found: [] });
    }
  });

  it('finds nothing in the editor showing a refused entry’s field errors and a broken import’s message', async () => {
    const editor = await openEditor(suite.browser);
    await editor.emulateMedia({ colorScheme: scheme });
    opened.push(editor);
    await editor.click('[data-testid="entry-new"]');
    await editor.click('[data-testid="entry-save"]');
    await editor.locator('[aria-invalid="true"]').first().waitFor();
    await editor.setInputFiles('[data-testid="glossary-import"]', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "entries": [ '),
    });
    await editor.waitForFunction(() => document.querySelector('[data-testid="import-error"]')?.textContent !== '');
    expect(await violations(editor)).toEqual([]);
  });

  it('keeps every text in the tooltip at 4.5:1 against its background, for an entry of each category', async () => {
    const samples = new Map<string, string>();
    for (const entry of bundledEntries()) if (!samples.has(entry.category)) samples.set(entry.category, entry.term);
    const page = await newPage();
    await page.goto(
      suite.server.setPage(
        `tooltip-colours-${scheme}`,
        `<!doctype html><meta charset="utf-8"><p style="font: 20px/2 sans-serif">${[...samples.values()].join('，')}。</p>`,
      ),
    );
    await page
      .locator('mark[data-glossary-id]')
      .nth(samples.size - 1)
      .waitFor();
    const low: string[] = [];
    for (const category of samples.keys()) {
      await page.mouse.move(1, 1);
      await page.locator(`${TOOLTIP} .panel`).waitFor({ state: 'detached' });
      await page.locator(`mark[data-category="${category}"]`).first().hover();
      await page.locator(`${TOOLTIP} .panel`).waitFor();
      const texts = await tooltipTexts(page);
      expect(texts.length).toBeGreaterThan(2);
      for (const { text, colour, backgrounds } of texts) {
        const under = backgrounds.map(parseColour).reduce((below, layer) => over(layer, below));
        const ratio = contrast(over(parseColour(colour), under), under);
        if (ratio < 4.5) low.push(`${category}: "${text.slice(0, 30)}" ${ratio.toFixed(2)}:1`);
      }
    }
    expect(low).toEqual([]);
  });

  it('finds nothing in the tooltip opened by pointer, nor in the one opened by keyboard', async () => {
    await article.bringToFront();
    await article.locator('mark[data-glossary-id]').first().hover();
    await article.locator(`${TOOLTIP} .panel`).waitFor();
    expect(await violations(article, TOOLTIP)).toEqual([]);

    await article.mouse.move(1, 1);
    await article.locator(`${TOOLTIP} .panel`).waitFor({ state: 'detached' });
    await article.locator('body').click({ position: { x: 2, y: 2 } });
    await article.keyboard.press('Alt+Shift+KeyJ');
    await article.locator(`${TOOLTIP} .panel`).waitFor();
    expect(await violations(article, TOOLTIP)).toEqual([]);
    await article.keyboard.press('Escape');
  });
});

// The part of the worker's global the popup test uses to find a tab.
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };

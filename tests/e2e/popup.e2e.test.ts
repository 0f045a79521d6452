/**
 * The popup in real Chromium. Opened as a page (`popup.html?tab=<id>`), since a headless
 * browser has no toolbar to click; `?tab=` names the tab it reports on.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageSummary } from '../bench/lib/page-summary';
import { relevanceScore, type ScoredEntry } from '../../src/scoring/relevance';
import { CATEGORIES } from '../../src/glossary/categories';
import { chromiumSuite } from './harness/suite';
import { DEFAULT_SETTINGS, tabWithUrl, writeSettings } from './highlight-helpers';

const pack = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../glossary/ai-rush-china.json'), 'utf8')) as {
  entries: (ScoredEntry & { category: string })[];
};

const markCount = (page: Page, selector = 'mark[data-glossary-id]') => page.locator(selector).count();
/** Polls until the page shows `wanted(count)` marks matching `selector`. */
async function waitForMarks(page: Page, wanted: (n: number) => boolean, selector?: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const n = await markCount(page, selector);
    if (wanted(n)) return n;
    await page.waitForTimeout(100);
  }
  return markCount(page, selector);
}

describe('the popup in Chromium', () => {
  const suite = chromiumSuite();
  let article: Page;
  let other: Page;
  let popup: Page;
  let articleTab: { id: number; summary: PageSummary };

  /** Opens `html` as page `name` in a tab, and the popup on that tab once its summary is `ready`. */
  async function popupOnNewPage(name: string, html: string, ready: (summary: PageSummary) => boolean) {
    const url = suite.server.setPage(name, html);
    const tab = await suite.browser.context.newPage();
    await tab.goto(url);
    await tab.waitForSelector('mark[data-glossary-id]');
    const { id } = await tabWithUrl(suite.browser.serviceWorker, url, ready);
    const report = await suite.browser.context.newPage();
    await report.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${id}`);
    return { url, tab, report };
  }

  beforeAll(async () => {
    article = await suite.browser.context.newPage();
    await article.goto(`${suite.server.origin}/fixtures/ui-article.html`);
    other = await suite.browser.context.newPage();
    await other.goto(`${suite.server.origin}/fixtures/ui-article.html?other`);
    await Promise.all([
      article.waitForSelector('mark[data-glossary-id]'),
      other.waitForSelector('mark[data-glossary-id]'),
    ]);
    // Once the article has been read: its summary is what the popup is checked against.
    articleTab = await tabWithUrl(suite.browser.serviceWorker, article.url(), (s) => Object.keys(s.counts).length > 0);
    popup = await suite.browser.context.newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${articleTab.id}`);
    await popup.locator('[data-testid="relevance-score"]').waitFor();
  });

  it('scores the page against the column and lists the entries found, by category', async () => {
    const expected = relevanceScore(articleTab.summary.counts, pack.entries);
    expect(expected).toBeGreaterThan(0);
    expect(Number(await popup.locator('[data-testid="relevance-score"]').textContent())).toBe(expected);

    const listed = await popup
      .locator('[data-testid="found-entry"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-entry-id')));
    const found = Object.keys(articleTab.summary.counts).filter((id) => articleTab.summary.counts[id]! > 0);
    expect([...listed].sort()).toEqual([...found].sort());
    // Every highlight on the page is listed.
    const onPage = await article
      .locator('mark[data-glossary-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-glossary-id')));
    for (const id of onPage) expect(listed).toContain(id);
    // Grouped: each group holds only its own category.
    const groups = await popup.locator('section.group').evaluateAll((sections) =>
      sections.map((s) => ({
        category: s.getAttribute('data-category'),
        ids: [...s.querySelectorAll('[data-entry-id]')].map((b) => b.getAttribute('data-entry-id')),
      })),
    );
    const categoryOf = new Map(pack.entries.map((e) => [e.id, e.category]));
    for (const group of groups) for (const id of group.ids) expect(categoryOf.get(id!)).toBe(group.category);
  });

  it('scrolls the page to an entry when it is clicked', async () => {
    // OpenAI occurs only below a tall spacer, out of the first screen.
    expect(await article.evaluate(() => window.scrollY)).toBe(0);
    await popup.locator('[data-testid="found-entry"][data-entry-id="openai"]').click();
    await article.waitForFunction(() => document.activeElement?.getAttribute('data-glossary-id') === 'openai');
    // The page scrolls smoothly (unless the reader prefers reduced motion): wait until the
    // occurrence is on screen, then check the page really moved to get there.
    await article.waitForFunction(
      () => {
        const top = document.activeElement!.getBoundingClientRect().top;
        return top >= 0 && top < window.innerHeight;
      },
      undefined,
      { timeout: 5000 },
    );
    expect(await article.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  });

  it('says why a name found only in a closed menu takes the page nowhere', async () => {
    const { tab, report } = await popupOnNewPage(
      'hidden-only',
      `<!doctype html><meta charset="utf-8"><title>menu</title><p>英伟达的新芯片</p>
      <nav hidden><a href="#">百川智能</a></nav>`,
      (s) => (s.counts.baichuan ?? 0) > 0,
    );
    const notice = report.locator('[data-testid="not-shown"]');
    const baichuan = report.locator('[data-testid="found-entry"][data-entry-id="baichuan"]');
    const name = (await baichuan.locator('.term').textContent())!;
    await baichuan.click();
    await expect.poll(() => notice.textContent(), { timeout: 5_000 }).toContain(`“${name}”`);
    await report.locator('[data-testid="found-entry"][data-entry-id="nvidia"]').click();
    await expect.poll(() => notice.textContent(), { timeout: 5_000 }).toBe('');
    await tab.waitForFunction(() => document.activeElement?.getAttribute('data-glossary-id') === 'nvidia');
    await report.close();
    await tab.close();
  });

  it('lists what the page’s frames found, as the badge counts it, and reveals a name found only in a frame', async () => {
    // Tencent, 英伟达 and Moonshot AI in the top document; 阿里巴巴 only in an about:blank frame.
    const framed = await suite.browser.context.newPage();
    await framed.goto(`${suite.server.origin}/fixtures/highlight-frames.html`);
    const blank = framed.frame({ url: 'about:blank' })!;
    await blank.waitForSelector('mark[data-glossary-id="alibaba"]');
    const tab = await tabWithUrl(suite.browser.serviceWorker, framed.url(), (s) => Object.keys(s.counts).length > 0);
    expect(tab.summary.counts.alibaba ?? 0).toBe(0);
    const badge = await suite.browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tab.id);
    const framePopup = await suite.browser.context.newPage();
    await framePopup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${tab.id}`);
    await framePopup.locator('[data-testid="found-entry"][data-entry-id="alibaba"]').waitFor();
    const listed = await framePopup
      .locator('[data-testid="found-entry"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-entry-id')));
    expect(listed).toEqual(expect.arrayContaining(['tencent', 'nvidia', 'moonshot-ai', 'alibaba']));
    expect(String(listed.length)).toBe(badge);
    await framePopup.locator('[data-testid="found-entry"][data-entry-id="alibaba"]').click();
    await blank.waitForFunction(() => document.activeElement?.getAttribute('data-glossary-id') === 'alibaba');
    await framePopup.close();
    await framed.close();
  });

  it('switches highlights off in every tab and back on', async () => {
    const toggle = popup.locator('[data-testid="highlights-toggle"]');
    expect(await toggle.getAttribute('role')).toBe('switch');
    expect(await popup.getByRole('switch', { name: /highlights on all pages/i }).count()).toBe(1);
    const before = await markCount(other);
    expect(before).toBeGreaterThan(0);
    await toggle.click();
    expect(await waitForMarks(other, (n) => n === 0)).toBe(0);
    expect(await waitForMarks(article, (n) => n === 0)).toBe(0);
    await popup.locator('[data-testid="page-status"]').waitFor();
    await toggle.click();
    expect(await waitForMarks(other, (n) => n >= before)).toBe(before);
  });

  it('switches this site off and on', async () => {
    const site = popup.locator('[data-testid="site-toggle"]');
    expect(await popup.locator('label[for="site-toggle"]').textContent()).toContain('127.0.0.1');
    await site.click();
    expect(await waitForMarks(article, (n) => n === 0)).toBe(0);
    await site.click();
    expect(await waitForMarks(article, (n) => n > 0)).toBeGreaterThan(0);
  });

  it('says so when the browser refuses to store a site switched off, and keeps the page highlighted', async () => {
    // Sites switched off before fill the settings to a few bytes under sync storage's limit for
    // an item (8,192 bytes, key and JSON value): "127.0.0.1" no longer fits.
    const LIMIT = 8_192 - 8;
    const settings = { ...DEFAULT_SETTINGS, disabledSites: [] as string[] };
    const size = () => 'settings'.length + JSON.stringify(settings).length;
    for (let i = 0; size() < LIMIT - 40; i++) settings.disabledSites.push(`s${i}.news.example`);
    settings.disabledSites.push('x'.repeat(LIMIT - size() - 3)); // its quotes and comma: 3 bytes
    expect(size()).toBe(LIMIT);
    const setSites = (fill: boolean) => writeSettings(suite.browser.serviceWorker, fill ? settings : {});
    await setSites(true);
    try {
      const site = popup.locator('[data-testid="site-toggle"]');
      await expect.poll(() => site.isChecked()).toBe(true);
      await site.click();
      const notice = popup.locator('[data-testid="save-error"]');
      await notice.waitFor({ state: 'visible' });
      expect(await notice.textContent()).toMatch(/not saved.*quota/i);
      expect(await site.isChecked()).toBe(true);
      expect(await markCount(article)).toBeGreaterThan(0);
    } finally {
      await setSites(false);
    }
  });

  it('names each category, and each name found, in its highlights’ underline colour', async () => {
    // The page's names come with its report, which may follow the popup's first drawing.
    await popup.locator('section.group .term').first().waitFor({ timeout: 10_000 });
    const names = await popup.locator('label.category').evaluateAll((labels) =>
      labels.map((label) => {
        const style = getComputedStyle(label.querySelector('.category-name')!);
        const category = label.querySelector('input')!.getAttribute('data-category');
        return { category, line: style.textDecorationLine, underline: style.textDecorationColor, text: style.color };
      }),
    );
    // A switch for each category the bundled pack's entries have, in the categories' order.
    const inPack = new Set(pack.entries.map((e) => e.category));
    expect(names.map((n) => n.category)).toEqual(CATEGORIES.filter((c) => inPack.has(c)));
    expect(names.length).toBeGreaterThan(4);
    for (const name of names) {
      expect(name.line, name.category!).toBe('underline');
      expect(name.underline, name.category!).not.toBe(name.text);
    }
    expect(new Set(names.map((n) => n.underline)).size).toBe(names.length);
    // A name found is underlined as its category's name is: the popup is the key to the page.
    const found = await popup.locator('section.group').evaluateAll((groups) =>
      groups.map((group) => {
        const style = getComputedStyle(group.querySelector('.term')!);
        return { category: group.getAttribute('data-category'), underline: style.textDecorationColor };
      }),
    );
    expect(found.length).toBeGreaterThan(0);
    for (const term of found)
      expect(term.underline, term.category!).toBe(names.find((n) => n.category === term.category)!.underline);
  });

  it('shows the keys that switch highlights on and off, as the browser has them', async () => {
    const commands = await suite.browser.serviceWorker.evaluate(() => chrome.commands.getAll());
    const toggle = commands.find((c) => c.name === 'toggle-highlights');
    expect(toggle).toEqual({ name: 'toggle-highlights', shortcut: 'Alt+Shift+H', description: expect.any(String) });
    expect(toggle!.description).toMatch(/highlights/i);
    expect(await popup.locator('[data-testid="toggle-shortcut"]').textContent()).toBe(
      'Alt+Shift+H: highlights on / off on all pages',
    );
  });

  it('hides a category and brings it back', async () => {
    const companies = 'mark[data-category="company"]';
    expect(await waitForMarks(other, (n) => n > 0, companies)).toBeGreaterThan(0);
    await popup.locator('[data-testid="category-company"]').click();
    expect(await waitForMarks(other, (n) => n === 0, companies)).toBe(0);
    // The other categories are drawn again (the highlighter redraws after a filter change)…
    expect(await waitForMarks(other, (n) => n > 0)).toBeGreaterThan(0);
    // …and companies stay hidden once it has.
    expect(await markCount(other, companies)).toBe(0);
    await popup.locator('[data-testid="category-company"]').click();
    expect(await waitForMarks(other, (n) => n > 0, companies)).toBeGreaterThan(0);
  });

  it('shows only first occurrences at the "first" density', async () => {
    const ids = () =>
      other
        .locator('mark[data-columnlens-start]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-glossary-id')));
    await popup.locator('[data-testid="density"]').selectOption('first');
    for (let i = 0; i < 50; i++) {
      const seen = await ids();
      if (seen.length > 0 && new Set(seen).size === seen.length) break;
      await other.waitForTimeout(100);
    }
    const seen = await ids();
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(seen.length);
    await popup.locator('[data-testid="density"]').selectOption('all');
  });

  it('switches its own language', async () => {
    await popup.locator('[data-testid="language"]').selectOption('zh-Hant');
    await popup.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    expect(await popup.locator('[data-testid="open-editor"]').textContent()).toBe('編輯詞庫');
    await popup.locator('[data-testid="language"]').selectOption('auto');
    await popup.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('opens the glossary editor', async () => {
    const [editor] = await Promise.all([
      suite.browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html') }),
      popup.locator('[data-testid="open-editor"]').click(),
    ]);
    expect(editor.url()).toBe(`chrome-extension://${suite.browser.extensionId}/options.html`);
    await editor.close();
  });

  it('explains when the tab has no content script', async () => {
    // Without ?tab= the popup opened as a page reports on its own tab: an extension page.
    const bare = await suite.browser.context.newPage();
    await bare.goto(`chrome-extension://${suite.browser.extensionId}/popup.html`);
    const status = bare.locator('[data-testid="page-status"]');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/cannot read this page/);
    expect(await bare.locator('[data-testid="site-toggle"]').isDisabled()).toBe(true);
    await bare.close();
  });

  it('follows its tab when the page under it moves on: to another site, then to one it cannot read', async () => {
    // The popup left open while the tab leaves (a link, the address bar): what it shows is the
    // new page's, and its site switch acts on the new site.
    const tab = await suite.browser.context.newPage();
    await tab.goto(`${suite.server.origin}/fixtures/ui-article.html?moves`);
    await tab.waitForSelector('mark[data-glossary-id]');
    const { id } = await tabWithUrl(suite.browser.serviceWorker, tab.url(), (s) => Object.keys(s.counts).length > 0);
    const report = await suite.browser.context.newPage();
    await report.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${id}`);
    const site = report.locator('label[for="site-toggle"]');
    await expect.poll(() => site.textContent()).toContain('127.0.0.1');
    const elsewhere = suite.server.origin.replace('127.0.0.1', 'localhost');
    await tab.goto(
      suite.server
        .setPage('moved', '<!doctype html><meta charset="utf-8"><p>百度的新模型</p>')
        .replace(suite.server.origin, elsewhere),
    );
    await expect.poll(() => site.textContent(), { timeout: 10_000 }).toContain('localhost');
    await expect
      .poll(() =>
        report
          .locator('[data-testid="found-entry"]')
          .evaluateAll((els) => els.map((el) => el.getAttribute('data-entry-id'))),
      )
      .toEqual(['baidu']);
    await tab.goto('data:text/html,<p>a note</p>');
    const status = report.locator('[data-testid="page-status"]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/cannot read this page/);
    expect(await report.locator('[data-testid="found-entry"]').count()).toBe(0);
    await report.close();
    await tab.close();
  });

  it('keeps its list while the page changes its address in place, as a single-page site does', async () => {
    const tab = await suite.browser.context.newPage();
    await tab.goto(`${suite.server.origin}/fixtures/ui-article.html?in-place`);
    await tab.waitForSelector('mark[data-glossary-id]');
    const { id } = await tabWithUrl(suite.browser.serviceWorker, tab.url(), (s) => Object.keys(s.counts).length > 0);
    const report = await suite.browser.context.newPage();
    await report.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${id}`);
    const listed = () =>
      report
        .locator('[data-testid="found-entry"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-entry-id')));
    await report.locator('[data-testid="found-entry"]').first().waitFor();
    const before = await listed();
    // Every state the popup passes through, from here on.
    await report.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const status = document.querySelector('[data-testid="page-status"]')?.textContent ?? '';
        const entries = document.querySelectorAll('[data-testid="found-entry"]').length;
        seen.push(`${entries} ${status}`);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const moved = `${suite.server.origin}/fixtures/ui-article.html?in-place-2`;
    await tab.evaluate((url) => history.pushState({}, '', url), moved);
    // The tab has told its listeners (the popup among them) that it loaded the new address.
    await tabWithUrl(suite.browser.serviceWorker, moved, () => true);
    await report.waitForTimeout(1500);
    const seen = await report.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.filter((state) => state.startsWith('0 '))).toEqual([]);
    expect(await listed()).toEqual(before);
    await report.close();
    await tab.close();
  });

  it('takes a click pressed while the page keeps reporting new names', async () => {
    // A live page (a ticker, comments coming in): it names Nvidia again every 200 ms, and so
    // reports new counts (at most once a second) to the popup left open on it.
    const { url, tab, report } = await popupOnNewPage(
      'live-names',
      `<!doctype html><meta charset="utf-8"><title>live</title><p>英伟达的新芯片</p>
      <script>setInterval(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Nvidia 出货' })), 200);</script>`,
      (s) => (s.counts.nvidia ?? 0) > 1,
    );
    const name = report.locator('[data-testid="found-entry"][data-entry-id="nvidia"]');
    await name.waitFor();
    const counted = () =>
      tabWithUrl(suite.browser.serviceWorker, url).then(({ summary }) => summary.counts.nvidia ?? 0);

    /** Presses `target` until the page has reported new counts (and the popup has had time to hear), then releases. */
    async function pressThroughAReport(target: typeof name): Promise<void> {
      const box = (await target.boundingBox())!;
      await report.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const before = await counted();
      await report.mouse.down();
      await expect.poll(counted, { timeout: 5_000 }).toBeGreaterThan(before);
      await report.waitForTimeout(400); // the popup asks the page 150 ms after a report
      await report.mouse.up();
    }

    // A name in the list: the page is taken to it.
    await pressThroughAReport(name);
    await expect
      .poll(() => tab.evaluate(() => document.activeElement?.getAttribute('data-glossary-id')), { timeout: 5_000 })
      .toBe('nvidia');
    // The same with the space bar, which clicks as it comes up.
    await tab.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await name.focus();
    const before = await counted();
    await report.keyboard.down(' ');
    await expect.poll(counted, { timeout: 5_000 }).toBeGreaterThan(before);
    await report.waitForTimeout(400);
    await report.keyboard.up(' ');
    await expect
      .poll(() => tab.evaluate(() => document.activeElement?.getAttribute('data-glossary-id')), { timeout: 5_000 })
      .toBe('nvidia');
    // The list still follows the page once the click is done, changing the count of the same
    // name (a screen reader's place in the list is kept).
    const shown = Number(await name.locator('.count').textContent());
    await name.evaluate((el) => el.setAttribute('data-seen', ''));
    await expect
      .poll(async () => Number(await name.locator('.count').textContent()), { timeout: 5_000 })
      .toBeGreaterThan(shown);
    expect(await name.getAttribute('data-seen')).toBe('');
    // The site's switch: switched off, then on again by an ordinary click.
    const site = report.locator('[data-testid="site-toggle"]');
    await pressThroughAReport(site);
    try {
      expect(await site.isChecked()).toBe(false);
      await tab.waitForSelector('mark[data-glossary-id]', { state: 'detached', timeout: 5_000 });
    } finally {
      if (!(await site.isChecked())) await site.click();
      await tab.waitForSelector('mark[data-glossary-id]');
    }
    await report.close();
    await tab.close();
  });

  it('says it cannot read a PDF, whose text Chromium’s viewer keeps out of the page', async () => {
    // A one-page PDF that names two entries: "no names" would be false.
    const content = 'BT /F1 18 Tf 10 100 Td (Nvidia OpenAI) Tj ET';
    const pdf = [
      '%PDF-1.1',
      '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj',
      `4 0 obj<</Length ${content.length}>>stream`,
      content,
      'endstream endobj',
      '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj',
      'trailer<</Root 1 0 R>>',
      '%%EOF',
    ].join('\n');
    const url = suite.server.setPage('column-names.pdf', pdf, { 'content-type': 'application/pdf' });
    const tab = await suite.browser.context.newPage();
    await tab.goto(url);
    // The viewer's document is there once the tab has its URL; then the popup asks it.
    const tabId = await suite.browser.serviceWorker.evaluate(async (pdfUrl) => {
      for (let i = 0; i < 40; i++) {
        const found = (await chrome.tabs.query({})).find((t) => t.url === pdfUrl && t.status === 'complete');
        if (found?.id !== undefined) return found.id;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`no tab shows ${pdfUrl}`);
    }, url);
    expect(await tab.evaluate(() => document.contentType)).toBe('application/pdf');
    const report = await suite.browser.context.newPage();
    await report.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${tabId}`);
    const status = report.locator('[data-testid="page-status"]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/cannot read this PDF/);
    await report.close();
    await tab.close();
  });
});

// The part of the worker's global used above.
declare const chrome: {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
  tabs: { query(filter: object): Promise<{ id?: number; url?: string; status?: string }[]> };
};

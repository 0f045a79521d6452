/**
 * Highlights in real Chromium with the built extension, on a news fixture in Traditional
 * Chinese, Simplified Chinese and English: what is highlighted, what never is, and switching
 * off leaving the page exactly as it was.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { askTab, marksIn, noMarks, settledMarks, writeSettings } from './highlight-helpers';
import { chromiumSuite } from './harness/suite';

describe('highlights on a news page', () => {
  const suite = chromiumSuite();
  let page: Page;
  let url: string;

  beforeAll(async () => {
    url = `${suite.server.origin}/fixtures/highlight-news.html`;
    page = await suite.browser.context.newPage();
    await page.goto(url);
    await settledMarks(page, 20);
  });

  it('highlights names in Traditional Chinese, Simplified Chinese and English', async () => {
    const hant = await marksIn(page, '#p-hant');
    expect(hant).toEqual(
      expect.arrayContaining([
        ['nvidia', '輝達'],
        ['tencent', '騰訊'],
        ['alibaba', '阿里巴巴'],
        ['moonshot-ai', '月之暗面'],
        ['baichuan', '百川智能'],
      ]),
    );
    const hans = await marksIn(page, '#p-hans');
    expect(hans).toEqual(
      expect.arrayContaining([
        ['nvidia', '英伟达'],
        ['tencent', '腾讯'],
        ['alibaba', '阿里巴巴'],
        ['moonshot-ai', '月之暗面'],
        ['baichuan', '百川智能'],
      ]),
    );
    const en = await marksIn(page, '#p-en');
    expect(en).toEqual(
      expect.arrayContaining([
        ['nvidia', 'Nvidia'],
        ['tencent', 'Tencent'],
        ['alibaba', 'Alibaba'],
        ['baichuan', 'Baichuan'],
        ['risc-v', 'RISC-V'],
      ]),
    );
    expect(await marksIn(page, '#list')).toEqual([
      ['nvidia', 'Nvidia'],
      ['nvidia', '英伟达'],
    ]);
  });

  it('reads a name spaced where Chinese meets Latin, as Taiwan media write it, as one occurrence', async () => {
    const spaced = await suite.browser.context.newPage();
    await spaced.goto(
      suite.server.setPage(
        'spaced-names',
        '<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>spaced</title></head><body>' +
          '<p id="spaced">美國限制 AI 晶片出口，中國 AI 公司轉向國產 AI 晶片。</p></body></html>',
      ),
    );
    await settledMarks(spaced, 3);
    expect(await marksIn(spaced, '#spaced')).toEqual([
      ['ai-chips', 'AI 晶片'],
      ['chinese-ai-companies', '中國 AI 公司'],
      ['chinese-chip-industry', '國產 AI 晶片'],
    ]);
    await spaced.close();
  });

  it('marks carry the entry id and category, and one keyboard stop per occurrence', async () => {
    const attrs = await page.evaluate(() => {
      const mark = document.querySelector<HTMLElement>('#p-hant mark[data-glossary-id="nvidia"]')!;
      return {
        tag: mark.localName,
        className: mark.className,
        category: mark.dataset.category,
        start: mark.hasAttribute('data-columnlens-start'),
        tabindex: mark.getAttribute('tabindex'),
        color: getComputedStyle(mark).color === getComputedStyle(mark.parentElement!).color,
        underline: getComputedStyle(mark).textDecorationLine,
      };
    });
    expect(attrs).toEqual({
      tag: 'mark',
      className: 'columnlens-mark',
      category: 'company',
      start: true,
      tabindex: '-1',
      color: true,
      underline: 'underline',
    });
  });

  it('joins text across inline elements into one occurrence with pieces sharing the id', async () => {
    expect(await marksIn(page, '#h-hant')).toEqual(
      expect.arrayContaining([
        ['moonshot-ai', '月之'],
        ['moonshot-ai', '暗面'],
      ]),
    );
    const en = await marksIn(page, '#p-en');
    expect(en).toEqual(
      expect.arrayContaining([
        ['moonshot-ai', 'Moonshot '],
        ['moonshot-ai', 'AI'],
      ]),
    );
    const starts = await page.evaluate(
      () => document.querySelectorAll('#p-en mark[data-glossary-id="moonshot-ai"][data-columnlens-start]').length,
    );
    expect(starts).toBe(1);
  });

  it('leaves look-alikes alone: OpenAIRE, 海納百川, arm’s length, Armed, names in web and e-mail addresses', async () => {
    expect(await marksIn(page, '#p-traps-words')).toEqual([]);
  });

  it('never touches form fields, editors, scripts, styles, SVG, noscript, templates, code or the title', async () => {
    const inside = await page.evaluate(() => ({
      marks: document.querySelectorAll(
        '#form mark, #t-editable mark, #t-noscript mark, #t-svg mark, #t-editor mark, #t-code mark, #t-keys mark, script mark, style mark, head mark',
      ).length,
      template: document.querySelector('template')!.content.querySelectorAll('mark').length,
      input: (document.getElementById('t-input') as HTMLInputElement).value,
      textarea: (document.getElementById('t-textarea') as HTMLTextAreaElement).value,
      editable: document.getElementById('t-editable')!.innerHTML,
      title: document.title,
      noscript: document.getElementById('t-noscript')!.textContent,
    }));
    expect(inside).toEqual({
      marks: 0,
      template: 0,
      input: 'Nvidia 英伟达 輝達',
      textarea: 'Nvidia 輝達 in a textarea',
      editable: '<p>Nvidia 英伟达 typed by the reader</p>',
      title: '輝達 Nvidia 英伟达：新聞測試頁',
      noscript: '<p>Nvidia in noscript</p>',
    });
  });

  it('switching off restores the page byte for byte (as loaded without highlights), switching on brings the same highlights back', async () => {
    const highlighted = await marksIn(page);
    const adopted = (p: typeof page) => p.evaluate(() => document.adoptedStyleSheets.length);
    // The one sheet marks keep if our scripts end without taking them back (LEFT_BEHIND_MARK_CSS).
    expect(await adopted(page)).toBe(1);
    // The reference: the same page loaded while highlights are off.
    await writeSettings(suite.browser.serviceWorker, { enabled: false });
    const reference = await suite.browser.context.newPage();
    await reference.goto(url);
    await reference.waitForTimeout(500);
    const pristine = await reference.evaluate(() => document.body.innerHTML);
    expect(await marksIn(reference)).toEqual([]);

    // The open page got the same switch through storage.
    await noMarks(page);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(pristine);
    expect(await adopted(page)).toBe(0);
    expect(await adopted(reference)).toBe(0);
    // The page's own reference to a text node still points at the node in the page, text intact.
    const held = await page.evaluate(() => {
      const w = window as unknown as { heldText: Text };
      return {
        same: w.heldText === document.querySelector('#p-en')!.firstChild,
        text: w.heldText.data.trim().slice(0, 6),
      };
    });
    expect(held).toEqual({ same: true, text: 'Nvidia' });

    await writeSettings(suite.browser.serviceWorker, { enabled: true });
    expect(await settledMarks(page, highlighted.length)).toEqual(highlighted);
    // And the reference page, switched on for the first time, highlights the same way.
    expect(await settledMarks(reference, highlighted.length)).toEqual(highlighted);
    await writeSettings(suite.browser.serviceWorker, { enabled: false });
    await noMarks(reference);
    expect(await reference.evaluate(() => document.body.innerHTML)).toBe(pristine);
    await writeSettings(suite.browser.serviceWorker, { enabled: true });
    await settledMarks(page, highlighted.length);
    await reference.close();
  });

  it('honours the per-site switch, density and hidden categories', async () => {
    const all = await marksIn(page);
    const host = new URL(url).hostname;
    await writeSettings(suite.browser.serviceWorker, { disabledSites: [host] });
    await noMarks(page);
    await writeSettings(suite.browser.serviceWorker, { density: 'first' });
    const first = await settledMarks(page, 5);
    const starts = await page.evaluate(() =>
      [...document.querySelectorAll('mark[data-columnlens-start]')].map((m) => m.getAttribute('data-glossary-id')),
    );
    expect(new Set(starts).size).toBe(starts.length);
    expect(first.length).toBeLessThan(all.length);
    await writeSettings(suite.browser.serviceWorker, { hiddenCategories: ['company'] });
    await page.waitForFunction(() => !document.querySelector('mark[data-category="company"]'));
    const rest = await settledMarks(page, 1);
    expect(rest.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelectorAll('mark[data-category="company"]').length)).toBe(0);
    await writeSettings(suite.browser.serviceWorker, {});
    expect(await settledMarks(page, all.length)).toEqual(all);
  });

  it('answers the popup: the page summary counts every occurrence, reveal focuses the next one', async () => {
    const summary = (await askTab(suite.browser.serviceWorker, page, { type: 'get-page-summary' })) as {
      url: string;
      counts: Record<string, number>;
    };
    expect(summary.url).toBe(url);
    const starts = await page.evaluate(() => {
      const counts: Record<string, number> = {};
      for (const m of document.querySelectorAll('mark[data-columnlens-start]')) {
        const id = m.getAttribute('data-glossary-id')!;
        counts[id] = (counts[id] ?? 0) + 1;
      }
      return counts;
    });
    expect(summary.counts).toEqual(starts);
    expect(summary.counts.nvidia).toBe(6);

    expect(await askTab(suite.browser.serviceWorker, page, { type: 'reveal-entry', id: 'moonshot-ai' })).toBe(true);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return [el.getAttribute('data-glossary-id'), el.closest('[id]')!.id, el.textContent];
      });
    expect(await focused()).toEqual(['moonshot-ai', 'h-hant', '月之']);
    expect(await askTab(suite.browser.serviceWorker, page, { type: 'reveal-entry', id: 'moonshot-ai' })).toBe(true);
    expect(await focused()).toEqual(['moonshot-ai', 'p-hant', '月之暗面']);
    expect(await askTab(suite.browser.serviceWorker, page, { type: 'reveal-entry', id: 'openai' })).toBe(false);
    expect(await askTab(suite.browser.serviceWorker, page, { type: 'nonsense' })).toBeUndefined();
  });

  it('Alt+Shift+J goes on from where the reader is: the text clicked, else the window’s top edge', async () => {
    const long = await suite.browser.context.newPage();
    try {
      await long.setViewportSize({ width: 1000, height: 700 });
      const filler = '<p>Plain text about markets and weather, with nothing of the glossary in it.</p>'.repeat(40);
      await long.goto(
        suite.server.setPage(
          'reading-position',
          `<!doctype html><meta charset="utf-8"><body style="font: 18px/1.6 sans-serif">
          <header style="position: sticky; top: 0; background: #fff"><p id="bar">Menu: Nvidia news</p></header>
          <p id="a">First: Nvidia.</p>${filler}<p id="b">Then Alibaba.</p>${filler}<p id="c">Last: Tencent.</p>${filler}</body>`,
        ),
      );
      // Those of the first screen (the rest are drawn as the reader scrolls).
      await settledMarks(long, 2);
      const focused = () => long.evaluate(() => document.activeElement!.closest('[id]')?.id);
      // Scrolled past #b: the next name below the window's top edge (not the sticky bar's).
      await long.evaluate(() => {
        const b = document.getElementById('b')!;
        window.scrollTo(0, b.getBoundingClientRect().bottom + window.scrollY + 40);
      });
      await long.keyboard.press('Alt+Shift+KeyJ');
      expect(await focused()).toBe('c');
      // A click in the text above #b, now in view: the next name after the click.
      await long.evaluate(() => {
        const a = document.getElementById('a')!;
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, a.getBoundingClientRect().bottom + window.scrollY + 200);
      });
      await long.locator('p:not([id])').nth(30).click();
      await long.keyboard.press('Alt+Shift+KeyJ');
      expect(await focused()).toBe('b');
    } finally {
      await long.close();
    }
  });

  it('Alt+Shift+J and reveal pass over names the page hides, instead of stopping there', async () => {
    const hidden = await suite.browser.context.newPage();
    try {
      await hidden.goto(
        suite.server.setPage(
          'hidden-names',
          `<!doctype html><meta charset="utf-8"><body>
          <p id="a">One: Nvidia.</p>
          <nav style="display:none"><a href="#n">OpenAI</a></nav>
          <details><summary>More</summary><p>Tencent said so.</p></details>
          <div inert><p>Baidu too.</p></div>
          <p id="b">Alibaba and <span style="visibility:hidden">Tencent</span> OpenAI.</p></body>`,
        ),
      );
      await settledMarks(hidden, 3);
      const focused = () =>
        hidden.evaluate(() => {
          const el = document.activeElement!;
          return `${el.closest('[id]')?.id}:${el.textContent}`;
        });
      const visits: string[] = [];
      for (let i = 0; i < 4; i++) {
        await hidden.keyboard.press('Alt+Shift+KeyJ');
        visits.push(await focused());
      }
      expect(visits).toEqual(['a:Nvidia', 'b:Alibaba', 'b:OpenAI', 'a:Nvidia']);
      // The popup's "reveal": Tencent is only in hidden text, OpenAI first in a hidden menu.
      const ask = (id: string) => askTab(suite.browser.serviceWorker, hidden, { type: 'reveal-entry', id });
      expect(await ask('tencent')).toBe(false);
      expect(await ask('openai')).toBe(true);
      expect(await focused()).toBe('b:OpenAI');
    } finally {
      await hidden.close();
    }
  });

  it('with density "first", gives each name its one highlight where the reader sees it, past a hidden menu', async () => {
    const hidden = await suite.browser.context.newPage();
    await writeSettings(suite.browser.serviceWorker, { density: 'first' });
    try {
      await hidden.goto(
        suite.server.setPage(
          'hidden-firsts',
          `<!doctype html><meta charset="utf-8"><body>
          <nav id="menu" style="display:none"><a href="#n">OpenAI</a> <a href="#m">Nvidia</a></nav>
          <details><summary>More</summary><p id="more">Tencent said so.</p></details>
          <p id="story">Nvidia and <span style="visibility:hidden">Baidu</span> OpenAI.</p>
          <p id="later">Nvidia, OpenAI and Baidu again.</p></body>`,
        ),
      );
      await settledMarks(hidden, 3);
      const marksOf = (id: string) =>
        hidden.evaluate(
          (at) =>
            [...document.getElementById(at)!.querySelectorAll('mark[data-glossary-id]')].map((m) => m.textContent),
          id,
        );
      expect(await marksOf('menu')).toEqual([]);
      expect(await marksOf('story')).toEqual(['Nvidia', 'OpenAI']);
      expect(await marksOf('later')).toEqual(['Baidu']);
      // Tencent is only in the closed section: its highlight is there once the reader opens it.
      await hidden.click('summary');
      await hidden.locator('#more mark[data-glossary-id]').waitFor();
      expect(await marksOf('more')).toEqual(['Tencent']);
      expect(await hidden.locator('mark[data-columnlens-start]').count()).toBe(4);
      // An article rendered after the first read: its shown Tencent takes the highlight over.
      await hidden.evaluate(() => document.querySelector('details')!.removeAttribute('open'));
      await hidden.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="added">Tencent news.</p>'));
      await hidden.locator('#added mark[data-glossary-id]').waitFor();
      await expect.poll(() => marksOf('more')).toEqual([]);
    } finally {
      await writeSettings(suite.browser.serviceWorker, {});
      await hidden.close();
    }
  });
});

/**
 * The highlight engine (CSS Custom Highlight API) in real Chromium with the built extension.
 * The content script runs in an isolated world, but the highlight registry belongs to the
 * document: the page's main world sees the same `CSS.highlights` entries, which is how these
 * tests read what is painted. That it is painted is checked on screen pixels. The engine is
 * forced through the hidden `local:debugEngine` item, or chosen by "auto" on a big page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setEngineChoice } from '../bench/lib/extension-settings';
import { askTab, marksIn, settledMarks, writeSettings } from './highlight-helpers';
import { chromiumSuite } from './harness/suite';
import { withTouchScreen } from './harness/touch';

/** [category, text] of every painted range in our registry entries, sorted. */
function painted(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    const out: [string, string][] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('columnlens-')) continue;
      for (const r of highlight) {
        out.push([name.slice('columnlens-'.length), (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)]);
      }
    }
    return out.sort((a, b) => (a.join() < b.join() ? -1 : 1));
  });
}

/** Waits until the painted ranges stop changing (and are at least `min`). */
async function settledPaint(page: Page, min = 1): Promise<[string, string][]> {
  let last = '';
  for (let stable = 0, tries = 0; tries < 150; tries++) {
    const now = await painted(page);
    stable = JSON.stringify(now) === last && now.length >= min ? stable + 1 : 0;
    last = JSON.stringify(now);
    if (stable >= 4) return now;
    await page.waitForTimeout(100);
  }
  throw new Error(`painted highlights did not settle (last: ${last.slice(0, 200)})`);
}

/** Centre of the first occurrence of `word` in the text of element `id`. */
function centreOf(page: Page, id: string, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([elementId, w]) => {
      const walker = document.createTreeWalker(document.getElementById(elementId)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      throw new Error(`${w} not found in #${elementId}`);
    },
    [id, word] as const,
  );
}

describe('the highlight engine', () => {
  const suite = chromiumSuite();
  let page: Page;
  let url: string;
  /** [category, text] of every mark piece the DOM engine draws on the same page. */
  let byMarks: [string, string][];
  let pristine: string;

  beforeAll(async () => {
    url = `${suite.server.origin}/fixtures/highlight-news.html`;
    // The reference: the DOM engine on the same page.
    await setEngineChoice(suite.browser.serviceWorker, 'dom');
    const reference = await suite.browser.context.newPage();
    await reference.goto(url);
    await settledMarks(reference, 20);
    byMarks = await reference.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('mark[data-glossary-id]')]
        .map((m) => [m.dataset.category!, m.textContent!] as [string, string])
        .sort((a, b) => (a.join() < b.join() ? -1 : 1)),
    );
    await reference.close();
    await setEngineChoice(suite.browser.serviceWorker, 'highlight');
    page = await suite.browser.context.newPage();
    // Any change to the page's DOM from here on is recorded, in the page's own world.
    await page.addInitScript(() => {
      const w = window as unknown as { domChanges: number };
      w.domChanges = 0;
      document.addEventListener('DOMContentLoaded', () => {
        new MutationObserver((records) => {
          for (const r of records) if (!(r.target as Element).closest?.('columnlens-tooltip')) w.domChanges++;
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    });
    await page.goto(url);
    pristine = await page.evaluate(() => document.body.innerHTML);
    await settledPaint(page, 20);
  });

  it('paints exactly what the DOM engine marks, without changing the DOM', async () => {
    expect(await painted(page)).toEqual(byMarks);
    expect(await marksIn(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { domChanges: number }).domChanges)).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(pristine);
  });

  it('shows the tooltip of the highlight under the pointer, found by hit-testing', async () => {
    const nvidia = await centreOf(page, 'p-en', 'Nvidia');
    await page.mouse.move(nvidia.x - 40, nvidia.y + 40);
    await page.mouse.move(nvidia.x, nvidia.y, { steps: 3 });
    await page.locator('columnlens-tooltip .panel').waitFor({ state: 'visible' });
    // The bundled entries' English names: headless Chromium's language is en-US.
    expect(await page.locator('columnlens-tooltip .panel .term').textContent()).toBe('Nvidia');
    const baichuan = await centreOf(page, 'p-en', 'Baichuan');
    await page.mouse.move(baichuan.x, baichuan.y, { steps: 3 });
    await page.waitForFunction(
      () =>
        document.querySelector('columnlens-tooltip')?.shadowRoot?.querySelector('.term')?.textContent === 'Baichuan AI',
    );
    await page.mouse.move(5, 5);
    await page.locator('columnlens-tooltip').waitFor({ state: 'detached' });
  });

  it('shows the tooltip of a highlight a finger taps, and closes it on a tap elsewhere', async () => {
    const term = () =>
      page.evaluate(
        () => document.querySelector('columnlens-tooltip')?.shadowRoot?.querySelector('.term')?.textContent,
      );
    await withTouchScreen(suite.browser.context, page, async (tap) => {
      // In a link (to a place on this page): the tap focuses the link before its click, which
      // must not take the tooltip away.
      await tap(await centreOf(page, 'p-en', 'Baichuan'));
      await page.locator('columnlens-tooltip .panel').waitFor({ state: 'visible' });
      expect(await term()).toBe('Baichuan AI');
      await page.waitForTimeout(800); // past the grace period: the tap pinned it
      expect(await term()).toBe('Baichuan AI');
      await tap({ x: 5, y: 5 });
      await page.locator('columnlens-tooltip').waitFor({ state: 'detached', timeout: 1_000 });
      expect(await page.evaluate(() => document.body.innerHTML)).toBe(pristine);
    });
  });

  it('moves between occurrences with Alt+Shift+J / K by selecting them, tooltip shown', async () => {
    // No focus and no caret in the page (a click would leave one): J starts from the first name.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.getSelection()?.removeAllRanges();
    });
    const selected = () => page.evaluate(() => String(document.getSelection()));
    const term = () => page.locator('columnlens-tooltip .panel .term').textContent();
    await page.keyboard.press('Alt+Shift+KeyJ');
    expect([await selected(), await term()]).toEqual(['輝達', 'Nvidia']);
    await page.keyboard.press('Alt+Shift+KeyJ');
    expect(await selected()).toBe('騰訊');
    await page.keyboard.press('Alt+Shift+KeyJ');
    expect(await selected()).toBe('月之暗面'); // one occurrence across <em>
    await page.keyboard.press('Alt+Shift+KeyK');
    expect(await selected()).toBe('騰訊');
    await page.keyboard.press('Escape');
    expect(await page.locator('columnlens-tooltip').count()).toBe(0);
  });

  it('answers the popup: the same counts as with marks, reveal selects the next occurrence', async () => {
    const summary = (await askTab(suite.browser.serviceWorker, page, { type: 'get-page-summary' })) as {
      counts: Record<string, number>;
    };
    expect(summary.counts.nvidia).toBe(6);
    expect(await askTab(suite.browser.serviceWorker, page, { type: 'reveal-entry', id: 'moonshot-ai' })).toBe(true);
    const place = () =>
      page.evaluate(() => {
        const s = document.getSelection()!;
        return [String(s), s.anchorNode?.parentElement?.closest('[id]')?.id];
      });
    expect(await place()).toEqual(['月之暗面', 'h-hant']);
    expect(await askTab(suite.browser.serviceWorker, page, { type: 'reveal-entry', id: 'moonshot-ai' })).toBe(true);
    expect(await place()).toEqual(['月之暗面', 'p-hant']);
    await page.keyboard.press('Escape');
  });

  it('is painted on screen, follows hidden categories, and switching off unregisters everything', async () => {
    await page.mouse.move(5, 5);
    await page.evaluate(() => document.getSelection()!.removeAllRanges());
    // The painted rules are adopted by the document while something is painted, beside any
    // sheet the page adopts itself, and only ours goes when highlights are switched off.
    const adopted = () =>
      page.evaluate(() =>
        document.adoptedStyleSheets.map((sheet) =>
          (window as unknown as { ownSheet?: CSSStyleSheet }).ownSheet === sheet
            ? 'the page’s'
            : [...sheet.cssRules].filter((r) => r.cssText.includes('::highlight(columnlens-')).length,
        ),
      );
    await page.evaluate(() => {
      const own = new CSSStyleSheet();
      own.replaceSync('#no-such-element { color: red; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, own];
      (window as unknown as { ownSheet: CSSStyleSheet }).ownSheet = own;
    });
    const ours = await adopted();
    expect(ours[0]).toBeGreaterThanOrEqual(10); // one rule per category at least
    expect(ours.slice(1)).toEqual(['the page’s']);
    const box = await page.locator('#p-hant').boundingBox();
    // `caret: 'initial'`: hiding the caret would make Playwright write style attributes into the page.
    const shot = () => page.screenshot({ clip: box!, caret: 'initial' });
    const on = await shot();
    await writeSettings(suite.browser.serviceWorker, { hiddenCategories: ['company'] });
    await page.waitForFunction(() => !CSS.highlights.has('columnlens-company'));
    expect(new Set((await settledPaint(page)).map(([category]) => category))).toEqual(new Set(['technology']));
    await writeSettings(suite.browser.serviceWorker, { enabled: false });
    await page.waitForFunction(() => [...CSS.highlights.keys()].every((k) => !k.startsWith('columnlens-')));
    const off = await shot();
    expect(on.equals(off)).toBe(false);
    expect(await adopted()).toEqual(['the page’s']);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(pristine);
    await writeSettings(suite.browser.serviceWorker, {});
    expect(await settledPaint(page, byMarks.length)).toEqual(byMarks);
    expect(on.equals(await shot())).toBe(true);
    expect(await adopted()).toEqual(['the page’s', ours[0]]);
    expect(await page.evaluate(() => (window as unknown as { domChanges: number }).domChanges)).toBe(0);
  });

  it('paints inside an open shadow root, whose tree adopts the painted rules only while painted', async () => {
    const html =
      '<!doctype html><meta charset="utf-8"><p>Plain text</p><div id="host"></div><script>' +
      "document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p id=\"inside\">Nvidia makes chips</p>';" +
      '</script>';
    const shadowPage = await suite.browser.context.newPage();
    await shadowPage.goto(suite.server.setPage('painted-shadow', html));
    const look = () =>
      shadowPage.evaluate(() => {
        const root = document.getElementById('host')!.shadowRoot!;
        const rules = root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText));
        return {
          painted: [...(CSS.highlights.get('columnlens-company') ?? [])].map((r) => (r.startContainer as Text).data),
          painting: rules.some((r) => r.includes('::highlight(columnlens-company)')),
          underline: getComputedStyle(root.getElementById('inside')!, '::highlight(columnlens-company)')
            .textDecorationLine,
        };
      });
    await shadowPage.waitForFunction(() => CSS.highlights.has('columnlens-company'));
    await expect.poll(look).toEqual({ painted: ['Nvidia makes chips'], painting: true, underline: 'underline' });
    await writeSettings(suite.browser.serviceWorker, { enabled: false });
    await expect.poll(look).toEqual({ painted: [], painting: false, underline: 'none' });
    await writeSettings(suite.browser.serviceWorker, {});
    await shadowPage.close();
  });

  it('scrolls a box outside a shadow root to a name revealed inside it', async () => {
    // A live blog's pane scrolls; each post is a web component, its text in a shadow root.
    const filler = '<p>Filler text about the weather.</p>'.repeat(30);
    const html =
      '<!doctype html><meta charset="utf-8"><div id="pane" style="height: 150px; overflow: auto">' +
      `${filler}<live-post id="post"></live-post>${filler}</div><script>` +
      "document.getElementById('post').attachShadow({ mode: 'open' }).innerHTML = '<p>Nvidia makes chips</p>';" +
      '</script>';
    const pane = await suite.browser.context.newPage();
    await pane.goto(suite.server.setPage('painted-shadow-pane', html));
    await pane.waitForFunction(() => CSS.highlights.has('columnlens-company'));
    expect(await pane.evaluate(() => document.getElementById('pane')!.scrollTop)).toBe(0);
    expect(await askTab(suite.browser.serviceWorker, pane, { type: 'reveal-entry', id: 'nvidia' })).toBe(true);
    // The name is in the middle of the pane, the selection on it.
    await expect
      .poll(() =>
        pane.evaluate(() => {
          const box = document.getElementById('pane')!.getBoundingClientRect();
          const text = document.getElementById('post')!.shadowRoot!.querySelector('p')!.getBoundingClientRect();
          return text.top >= box.top && text.bottom <= box.bottom;
        }),
      )
      .toBe(true);
    expect(await pane.evaluate(() => document.getElementById('pane')!.scrollTop)).toBeGreaterThan(0);
    await pane.close();
  });

  it('puts its rules back when the page replaces the document’s sheets, as the reader scrolls on', async () => {
    // Two names far apart: the second is painted only once the reader scrolls to it.
    const html =
      '<!doctype html><meta charset="utf-8"><p id="top">Nvidia at the top</p>' +
      '<div style="height: 6000px"></div><p id="far">Nvidia far below</p>';
    const routed = await suite.browser.context.newPage();
    await routed.goto(suite.server.setPage('painted-replaced-sheets', html));
    const look = () =>
      routed.evaluate(() => ({
        painted: [...(CSS.highlights.get('columnlens-company') ?? [])].map((r) => (r.startContainer as Text).data),
        ours: document.adoptedStyleSheets.some((s) =>
          [...s.cssRules].some((r) => r.cssText.includes('::highlight(columnlens-company)')),
        ),
        underline: getComputedStyle(document.getElementById('far')!, '::highlight(columnlens-company)')
          .textDecorationLine,
      }));
    await expect.poll(look).toEqual({ painted: ['Nvidia at the top'], ours: true, underline: 'underline' });
    // A framework that owns the list assigns it whole (on a route change, say), without ours.
    await routed.evaluate(() => {
      const own = new CSSStyleSheet();
      own.replaceSync('#no-such-element { color: red; }');
      document.adoptedStyleSheets = [own];
    });
    expect((await look()).underline).toBe('none');
    await routed.evaluate(() => document.getElementById('far')!.scrollIntoView());
    await expect
      .poll(look)
      .toEqual({ painted: ['Nvidia at the top', 'Nvidia far below'], ours: true, underline: 'underline' });
    expect(await routed.evaluate(() => document.adoptedStyleSheets.length)).toBe(2); // the page's stays
    await routed.close();
  });

  it('is chosen automatically for a huge document, and paints as the reader scrolls', async () => {
    await setEngineChoice(suite.browser.serviceWorker, 'auto');
    // About 33,000 elements: past the 30,000 where each insertion of marks costs a slow relayout.
    const rows = Array.from(
      { length: 6_500 },
      (_, i) => `<tr id="r${i}"><td>${i}</td><td>Nvidia</td><td>x</td><td>y</td></tr>`,
    );
    const big = await suite.browser.context.newPage();
    await big.goto(
      suite.server.setPage('engine-auto', `<!doctype html><meta charset="utf-8"><table>${rows.join('')}</table>`),
    );
    const nearTop = await settledPaint(big, 10);
    expect(await big.locator('mark').count()).toBe(0);
    // Drawn as text nears the viewport, like marks: not the whole table at once.
    expect(nearTop.length).toBeLessThan(1_000);
    const summary = (await askTab(suite.browser.serviceWorker, big, { type: 'get-page-summary' })) as {
      counts: Record<string, number>;
    };
    expect(summary.counts).toEqual({ nvidia: 6_500 });
    await big.evaluate(() => document.getElementById('r6499')!.scrollIntoView());
    await big.waitForFunction(
      (before) => [...CSS.highlights.get('columnlens-company')!].length > before,
      nearTop.length,
    );
    const last = await big.evaluate(() =>
      [...CSS.highlights.get('columnlens-company')!].some(
        (r) => r.startContainer.parentElement?.closest('tr')?.id === 'r6499',
      ),
    );
    expect(last).toBe(true);
    await big.close();
  });
});

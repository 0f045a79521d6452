/**
 * The tooltip in real Chromium with the built extension: content, keyboard access,
 * isolation from page CSS, HTML in notes shown as text, and fullscreen.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayName } from '../../src/glossary/entry-names';
import { MAX_NAMES, otherNames, webLinks } from '../../src/tooltip/tooltip-entry';
import { chromiumSuite } from './harness/suite';
import { middleOf, withTouchScreen } from './harness/touch';

interface PackEntry {
  id: string;
  term: string;
  names?: Record<string, string>;
  aliases?: (string | { text: string })[];
  context: string | Record<string, string>;
  section?: string;
  related?: string[];
  links?: { title: string; url: string; lang?: string }[];
}
const pack = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../glossary/ai-rush-china.json'), 'utf8')) as {
  id: string;
  source: { sectionNames?: Record<string, Record<string, string>> };
  entries: PackEntry[];
};
const entry = (id: string) => pack.entries.find((e) => e.id === id)!;
/** The links the tooltip shows an English reader (the browser here is en-US): the pack's English ones. */
const englishLinks = (id: string) => webLinks(entry(id).links, 'en');
const englishNote = (e: PackEntry) => (typeof e.context === 'string' ? e.context : e.context.en);

// The parts of the worker's global this file touches.
declare const chrome: {
  storage: {
    local: { set(items: Record<string, unknown>): Promise<void> };
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
  tabs: {
    getCurrent(): Promise<{ id?: number; index: number; openerTabId?: number } | undefined>;
    get(id: number): Promise<{ id?: number; index: number }>;
    sendMessage(id: number, message: unknown): Promise<unknown>;
  };
};

const TOOLTIP = 'columnlens-tooltip .panel';
/** Text of a part of the open tooltip; Playwright's CSS locators pierce open shadow roots. */
const part = (page: Page, selector: string) => page.locator(`${TOOLTIP} ${selector}`).textContent();

describe('the tooltip in Chromium', () => {
  const suite = chromiumSuite();
  let page: Page;

  /** No network here: a further-reading link's site answers from the test, titled "Further reading". */
  const serveFurtherReading = (url: string) =>
    suite.browser.context.route(url, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Further reading</title>' }),
    );

  /** Opens Nvidia's tooltip by pointer; its first related entry is the one the pack has. */
  const hoverNvidia = async () => {
    const nvidia = entry('nvidia');
    const firstRelated = nvidia.related!.map((id) => pack.entries.find((e) => e.id === id)).find(Boolean)!;
    await page.mouse.move(5, 700);
    await page.locator('#first mark[data-glossary-id="nvidia"]').hover();
    await page.locator(TOOLTIP).waitFor();
    return { nvidia, firstRelated };
  };

  beforeAll(async () => {
    page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/fixtures/ui-article.html`);
    await page.waitForSelector('#first mark[data-glossary-id="nvidia"]');
  });

  it('shows the entry on hover: name, other names, note, section and related entries', async () => {
    const nvidia = entry('nvidia');
    const mark = page.locator('#first mark[data-glossary-id="nvidia"]');
    await mark.hover();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    expect(await page.locator(TOOLTIP).count()).toBe(1);
    // Headless Chromium's language is en-US and the setting is "auto": the English name.
    expect(await part(page, '.term')).toBe(displayName(nvidia, 'en'));
    const names = await part(page, '.names .value');
    for (const name of ['輝達', '英偉達', '英伟达']) expect(names).toContain(name);
    // Headless Chromium's language is en-US and the setting is "auto": the English note.
    expect(await part(page, '.note')).toBe(englishNote(nvidia));
    // The section by its English title.
    const section = pack.source.sectionNames?.[nvidia.section!]?.en;
    expect(section).toBeTruthy();
    expect(await part(page, '.section .value')).toBe(section);
    const firstRelated = nvidia.related?.map(entry).find(Boolean);
    if (firstRelated) expect(await part(page, '.related .value')).toContain(displayName(firstRelated, 'en'));

    // The mark is described by the tooltip while it shows.
    const hostId = await page.locator('columnlens-tooltip').getAttribute('id');
    expect(await mark.getAttribute('aria-describedby')).toBe(hostId);

    // As Chromium's accessibility tree has it: the tooltip holds links, so it is a dialog named
    // by the entry's name, and the mark's description is the tooltip's text, note included.
    const cdp = await suite.browser.context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string }; description?: { value: string } }[];
    };
    await cdp.detach();
    const dialogs = nodes.filter((n) => n.role?.value === 'dialog').map((n) => n.name?.value);
    expect(dialogs).toEqual([displayName(nvidia, 'en')]);
    const marked = nodes.filter((n) => n.role?.value === 'mark' && n.description?.value);
    expect(marked).toHaveLength(1);
    expect(marked[0]!.description!.value).toContain(englishNote(nvidia));
  });

  it('is out of reach of the page’s CSS and above its sticky header', async () => {
    const style = await page.evaluate(() => {
      const host = document.querySelector('columnlens-tooltip')!;
      const panel = host.shadowRoot!.querySelector<HTMLElement>('.panel')!;
      const note = panel.querySelector('.note')!;
      const box = panel.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {
        hostDisplay: getComputedStyle(host).display,
        hostZ: getComputedStyle(host).zIndex,
        height: box.height,
        noteColor: getComputedStyle(note).color,
        noteSize: getComputedStyle(note).fontSize,
        topmost: top === host,
      };
    });
    expect(style.hostDisplay).toBe('block');
    expect(style.hostZ).toBe('2147483647');
    expect(style.height).toBeGreaterThan(20);
    expect(style.noteColor).not.toBe('rgb(200, 0, 0)');
    expect(style.noteSize).toBe('13px');
    expect(style.topmost).toBe(true);

    // A page written right to left does not mirror the panel (direction is inherited through
    // the host's `all: initial`); the note, in English, reads left to right as well.
    const directions = await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
      const panel = document.querySelector('columnlens-tooltip')!.shadowRoot!.querySelector('.panel')!;
      const found = [panel, panel.querySelector('.note')!].map((el) => getComputedStyle(el).direction);
      document.documentElement.removeAttribute('dir');
      return found;
    });
    expect(directions).toEqual(['ltr', 'ltr']);
  });

  it('opens a further-reading link in a new tab when the reader clicks it in the tooltip', async () => {
    const link = englishLinks('nvidia')[0];
    expect(link).toBeTruthy();
    await serveFurtherReading(link!.url);
    const anchor = page.locator(`${TOOLTIP} .links a`).first();
    expect(await anchor.textContent()).toBe(link!.title);
    const opened = suite.browser.context.waitForEvent('page');
    await anchor.click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(link!.url);
    expect(await tab.title()).toBe('Further reading');
    await tab.close();
    await suite.browser.context.unroute(link!.url);
    // The reader is still on the article, with the tooltip where it was.
    expect(page.url()).toContain('ui-article.html');
    expect(await page.locator(TOOLTIP).count()).toBe(1);
  });

  it('stays while the pointer is on it, closes after the pointer leaves, and restores the mark', async () => {
    const box = (await page.locator(TOOLTIP).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.waitForTimeout(800);
    expect(await page.locator(TOOLTIP).count()).toBe(1);
    await page.mouse.move(5, 700);
    await page.locator(TOOLTIP).waitFor({ state: 'detached' });
    expect(await page.locator('columnlens-tooltip').count()).toBe(0);
    expect(await page.locator('mark[aria-describedby]').count()).toBe(0);
  });

  it('moves between highlights with Alt+Shift+J / K, opening the tooltip on each, and closes on Esc', async () => {
    await page.mouse.move(5, 700);
    // No focus and no caret in the page (a click would leave one): J starts from the first name.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.getSelection()?.removeAllRanges();
    });
    const starts = await page.evaluate(() =>
      [...document.querySelectorAll('mark[data-columnlens-start]')].map((m) => m.getAttribute('data-glossary-id')),
    );
    expect(starts.length).toBeGreaterThan(2);
    const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-glossary-id') ?? null);

    await page.keyboard.press('Alt+Shift+KeyJ');
    expect(await focusedId()).toBe(starts[0]);
    expect(await part(page, '.term')).toBe(displayName(entry(starts[0]!), 'en'));
    await page.keyboard.press('Alt+Shift+KeyJ');
    expect(await focusedId()).toBe(starts[1]);
    expect(await part(page, '.term')).toBe(displayName(entry(starts[1]!), 'en'));
    await page.keyboard.press('Alt+Shift+KeyK');
    expect(await focusedId()).toBe(starts[0]);
    // From inside the tooltip (Tab took the reader there), J and K go on from its highlight:
    // the tooltip sits at the end of the page, and counting from there wrapped to the first.
    await page.keyboard.press('Alt+Shift+KeyJ');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.querySelector('columnlens-tooltip')?.shadowRoot?.activeElement)).toBe(
      true,
    );
    await page.keyboard.press('Alt+Shift+KeyJ');
    expect(await focusedId()).toBe(starts[2]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Alt+Shift+KeyK');
    expect(await focusedId()).toBe(starts[1]);
    await page.keyboard.press('Alt+Shift+KeyK');
    expect(await focusedId()).toBe(starts[0]);

    await page.keyboard.press('Escape');
    expect(await page.locator('columnlens-tooltip').count()).toBe(0);
    expect(await focusedId()).toBe(starts[0]);
    // Marks stay out of the tab order.
    expect(await page.locator('mark[data-glossary-id]:not([tabindex="-1"])').count()).toBe(0);
  });

  it('opens a related entry in the tooltip, by pointer and by keyboard, and comes back', async () => {
    const { nvidia, firstRelated } = await hoverNvidia();
    // By pointer: the related entry's note shows in place, under the way back.
    await page.locator(`${TOOLTIP} .related-entry`).first().click();
    expect(await part(page, '.term')).toBe(displayName(firstRelated, 'en'));
    expect(await part(page, '.note')).toBe(englishNote(firstRelated));
    expect(await part(page, '.back')).toBe(`← ${displayName(nvidia, 'en')}`);
    await page.waitForTimeout(600); // the pointer is on the tooltip: it stays
    await page.locator(`${TOOLTIP} .back`).click();
    expect(await part(page, '.term')).toBe(displayName(nvidia, 'en'));
    await page.mouse.move(5, 700);
    await page.locator('columnlens-tooltip').waitFor({ state: 'detached' });

    // By keyboard: Tab into the tooltip, Enter on the related entry, focus goes on from the way back.
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-glossary-id') ?? null);
    for (let i = 0; i < 20 && (await focusedId()) !== 'nvidia'; i++) await page.keyboard.press('Alt+Shift+KeyJ');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await part(page, '.term')).toBe(displayName(firstRelated, 'en'));
    const focusedInTooltip = () =>
      page.evaluate(() => document.querySelector('columnlens-tooltip')?.shadowRoot?.activeElement?.className ?? null);
    expect(await focusedInTooltip()).toBe('back');
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    expect(await part(page, '.term')).toBe(displayName(nvidia, 'en'));
    expect(await focusedInTooltip()).toBe('related-entry');
    await page.keyboard.press('Escape');
    expect(await page.locator('columnlens-tooltip').count()).toBe(0);
    expect(await focusedId()).toBe('nvidia');
  });

  it('rings the highlight that Alt+Shift+J and Esc focus, after the pointer was used in the tooltip', async () => {
    await hoverNvidia();
    // A click in the tooltip leaves focus where the browser draws no ring.
    await page.locator(`${TOOLTIP} .related-entry`).first().click();
    await page.mouse.move(5, 700);
    await page.locator('columnlens-tooltip').waitFor({ state: 'detached' });
    const focused = () =>
      page.evaluate(() => ({
        id: document.activeElement?.getAttribute('data-glossary-id') ?? null,
        ring: document.activeElement?.matches(':focus-visible') ?? false,
      }));
    await page.keyboard.press('Alt+Shift+KeyJ');
    expect(await focused()).toEqual({ id: expect.any(String), ring: true });
    const reached = (await focused()).id;
    // Into its tooltip by Tab, and out of it by Esc: each step ringed.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () =>
          document.querySelector('columnlens-tooltip')?.shadowRoot?.activeElement?.matches(':focus-visible') ?? null,
      ),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(await focused()).toEqual({ id: reached, ring: true });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('opens the editor at the entry it shows with “Edit in the glossary”, beside the page; the page’s script cannot', async () => {
    const { firstRelated } = await hoverNvidia();
    await page.locator(`${TOOLTIP} .related-entry`).first().click();
    expect(await part(page, '.term')).toBe(displayName(firstRelated, 'en'));
    expect(await part(page, '.edit-entry')).toBe('Edit in the glossary');

    // The page's own script reaches the open shadow root and clicks: nothing opens.
    const pagesBefore = suite.browser.context.pages().length;
    await page.evaluate(() =>
      document.querySelector('columnlens-tooltip')!.shadowRoot!.querySelector<HTMLElement>('.edit-entry')!.click(),
    );
    await page.waitForTimeout(1_000);
    expect(suite.browser.context.pages()).toHaveLength(pagesBefore);

    // The reader's click opens the editor at the entry shown (the related one, not the highlight's).
    const opened = suite.browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('options.html') });
    await page.locator(`${TOOLTIP} .edit-entry`).click();
    const editor = await opened;
    await editor.waitForSelector('#field-term');
    expect(await editor.textContent('#form-heading')).toBe(`Edit “${displayName(firstRelated, 'en')}”`);
    expect(await editor.inputValue('#field-term')).toBe(firstRelated.term);
    expect(await editor.getAttribute('[data-testid="entry-row"][aria-current="true"]', 'data-key')).toBe(
      `${pack.id}/${firstRelated.id}`,
    );
    // The request is consumed; the tab sits beside the article's, which it returns to when closed.
    expect(new URL(editor.url()).hash).toBe('');
    const placement = await editor.evaluate(async () => {
      const tab = (await chrome.tabs.getCurrent())!;
      const opener = await chrome.tabs.get(tab.openerTabId!);
      const summary = await chrome.tabs.sendMessage(opener.id!, { type: 'get-page-summary' });
      return { besideOpener: tab.index === opener.index + 1, openerUrl: (summary as { url: string }).url };
    });
    expect(placement).toEqual({ besideOpener: true, openerUrl: page.url() });
    await editor.close();
    await page.bringToFront();
    await page.mouse.move(5, 700);
    await page.locator('columnlens-tooltip').waitFor({ state: 'detached' });
  });

  it('on a touch screen: opens on a tap, shows a tapped related entry, and closes on a tap elsewhere', async () => {
    const nvidia = entry('nvidia');
    const firstRelated = entry(nvidia.related!.find((id) => pack.entries.some((e) => e.id === id))!);
    await page.mouse.move(5, 700);
    await withTouchScreen(suite.browser.context, page, async (tap) => {
      await tap(middleOf(await page.locator('#first mark[data-glossary-id="nvidia"]').boundingBox()));
      await page.locator(TOOLTIP).waitFor();
      expect(await part(page, '.term')).toBe(displayName(nvidia, 'en'));
      await tap(middleOf(await page.locator(`${TOOLTIP} .related-entry`).first().boundingBox()));
      await page.waitForTimeout(800); // past the grace period: nothing holds it but the tap
      expect(await part(page, '.term')).toBe(displayName(firstRelated, 'en'));
      await tap({ x: 5, y: 695 });
      await page.locator('columnlens-tooltip').waitFor({ state: 'detached', timeout: 1_000 });
      expect(await page.locator('mark[aria-describedby]').count()).toBe(0);
    });
  });

  it('on a touch screen: a first tap on a name in a link shows its note there, a second follows the link', async () => {
    const story = suite.server.setPage('tap-story', '<!doctype html><title>Story</title><p>The story.</p>');
    const front = suite.server.setPage(
      'tap-front-page',
      `<!doctype html><meta charset="utf-8"><title>Front page</title><h2><a href="${story}">輝達發布新晶片</a></h2>`,
    );
    const reader = await suite.browser.context.newPage();
    try {
      await reader.goto(front);
      const name = reader.locator('a mark[data-glossary-id="nvidia"]');
      await name.waitFor();
      await withTouchScreen(suite.browser.context, reader, async (tap) => {
        await tap(middleOf(await name.boundingBox()));
        await reader.locator(TOOLTIP).waitFor();
        expect(await part(reader, '.term')).toBe(displayName(entry('nvidia'), 'en'));
        await reader.waitForTimeout(800); // a navigation would have begun by now
        expect(reader.url()).toBe(front);

        await Promise.all([reader.waitForURL(story), tap(middleOf(await name.boundingBox()))]);
      });
    } finally {
      await reader.close();
    }
  });

  it('reaches the further-reading links with Tab from a highlight reached by keyboard, then goes on in the page', async () => {
    const link = englishLinks('nvidia').at(-1);
    expect(link).toBeTruthy();
    await serveFurtherReading(link!.url);
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-glossary-id') ?? null);
    for (let i = 0; i < 20 && (await focusedId()) !== 'nvidia'; i++) await page.keyboard.press('Alt+Shift+KeyJ');
    expect(await focusedId()).toBe('nvidia');
    const inTooltip = () =>
      page.evaluate(() => {
        const active = document.querySelector('columnlens-tooltip')?.shadowRoot?.activeElement;
        return active ? { text: active.textContent, outline: getComputedStyle(active).outlineStyle } : null;
      });

    // Tab goes through the related entries (they open in the tooltip), then the links.
    const related = await page.locator(`${TOOLTIP} .related-entry`).count();
    expect(related).toBeGreaterThan(0);
    for (let i = 0; i <= related; i++) await page.keyboard.press('Tab');
    const focused = await inTooltip();
    expect(focused?.text).toBe(englishLinks('nvidia')[0]!.title);
    expect(focused?.outline).toBe('solid'); // a visible focus ring
    await page.waitForTimeout(600); // past the grace period: focus holds the tooltip open
    expect(await page.locator(TOOLTIP).count()).toBe(1);

    // Tab along to the last link; Enter opens it in a new tab.
    for (let i = 1; i < englishLinks('nvidia').length; i++) await page.keyboard.press('Tab');
    const opened = suite.browser.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(link!.url);
    await tab.close();
    await suite.browser.context.unroute(link!.url);

    // After the links, "Edit in the glossary"; past it, Tab goes on from the highlight: to
    // the search field after it in the page.
    await page.bringToFront();
    expect((await inTooltip())?.text).toBe(link!.title);
    await page.keyboard.press('Tab');
    expect((await inTooltip())?.text).toBe('Edit in the glossary');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.locator('columnlens-tooltip').waitFor({ state: 'detached' });
    expect(await page.locator('mark[aria-describedby]').count()).toBe(0);
  });

  it('is never a stop of the browser’s own Tab: from a name with nothing to focus after it, Tab past its links leaves the page', async () => {
    const last = await suite.browser.context.newPage();
    await last.goto(
      suite.server.setPage(
        'nothing-after',
        `<!doctype html><meta charset="utf-8"><p><a href="#before">Before</a></p><p>Talking about Nvidia here.</p><p>The end.</p>`,
      ),
    );
    await last.locator('mark[data-glossary-id="nvidia"]').waitFor();
    await last.keyboard.press('Alt+Shift+KeyJ');
    await expect
      .poll(() => last.evaluate(() => document.activeElement?.getAttribute('data-glossary-id')))
      .toBe('nvidia');
    const inTooltip = () =>
      last.evaluate(() => document.querySelector('columnlens-tooltip')?.shadowRoot?.activeElement?.textContent ?? null);
    const links = await last.locator(`${TOOLTIP} :is(a[href], button)`).count();
    expect(links).toBeGreaterThan(1);
    for (let i = 0; i < links; i++) {
      await last.keyboard.press('Tab');
      expect(await inTooltip()).not.toBeNull();
    }
    // Past the last link, from the mark: nothing in the page after it, and not the tooltip again.
    await last.keyboard.press('Tab');
    expect(await inTooltip()).toBeNull();
    await last.locator('columnlens-tooltip').waitFor({ state: 'detached' });
    await last.close();
  });

  it('puts out the names past the twelfth with Enter on "+N", and Tab goes on from them to the related entries', async () => {
    // The bureau has more names than the tooltip lists at first, in English and Chinese.
    const bis = entry('bis');
    const names = otherNames({ ...bis, aliases: bis.aliases ?? [] }, displayName(bis, 'en'), 'en');
    expect(names.length).toBeGreaterThan(MAX_NAMES);
    const reader = await suite.browser.context.newPage();
    await reader.goto(
      suite.server.setPage(
        'many-names',
        `<!doctype html><meta charset="utf-8"><p>The Bureau of Industry and Security wrote the rules.</p>`,
      ),
    );
    await reader.locator('mark[data-glossary-id="bis"]').waitFor();
    await reader.keyboard.press('Alt+Shift+KeyJ');
    await expect
      .poll(() => reader.evaluate(() => document.activeElement?.getAttribute('data-glossary-id')))
      .toBe('bis');
    const inTooltip = () =>
      reader.evaluate(() => {
        const active = document.querySelector('columnlens-tooltip')?.shadowRoot?.activeElement;
        return active ? { className: active.className, text: active.textContent } : null;
      });
    const shown = () => reader.locator(`${TOOLTIP} .names .name`).allTextContents();
    expect(await shown()).toEqual(names.slice(0, MAX_NAMES));

    await reader.keyboard.press('Tab');
    expect(await inTooltip()).toEqual({ className: 'names-more', text: `+${names.length - MAX_NAMES}` });
    await reader.keyboard.press('Enter');
    expect(await shown()).toEqual(names);
    // Focus stays in the tooltip, on the first name put out; Tab goes on to the related entries.
    expect(await inTooltip()).toEqual({ className: 'name', text: names[MAX_NAMES] });
    await reader.keyboard.press('Tab');
    expect((await inTooltip())?.className).toBe('related-entry');
    await reader.keyboard.press('Escape');
    await reader.locator('columnlens-tooltip').waitFor({ state: 'detached' });
    await reader.close();
  });

  it('walks with Alt+Shift+J every occurrence of a long page in order, far below the drawn screen and in shadow trees', async () => {
    // 400 paragraphs, a name in every 20th, one more inside a declarative shadow root halfway.
    const names = [
      ['輝達', 'nvidia'],
      ['Tencent', 'tencent'],
      ['月之暗面', 'moonshot-ai'],
      ['阿里巴巴', 'alibaba'],
    ] as const;
    const expected: [string, string][] = [];
    const paragraphs: string[] = [];
    for (let i = 0; i < 400; i++) {
      const name = i % 20 === 5 ? names[((i / 20) % names.length) | 0]! : undefined;
      if (name) expected.push([`p${i}`, name[1]]);
      paragraphs.push(`<p id="p${i}">Paragraph ${i}: ${name?.[0] ?? 'the market'} weighed the news for today.</p>`);
      if (i === 200) {
        expected.push(['widget', 'nvidia']);
        paragraphs.push('<div id="widget"><template shadowrootmode="open"><p>In a widget: Nvidia</p></template></div>');
      }
    }
    const long = await suite.browser.context.newPage();
    await long.goto(
      suite.server.setPage('ui-long', `<!doctype html><meta charset="utf-8"><body>${paragraphs.join('')}`),
    );
    await long.waitForSelector('#p5 mark[data-glossary-id]');
    // Only about a screen ahead is drawn: the end of the page has no marks yet.
    expect(await long.locator('#p385 mark').count()).toBe(0);
    const focused = () =>
      long.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const place = el?.closest('[id]')?.id ?? (el?.getRootNode() as ShadowRoot).host?.id;
        return [place, el?.getAttribute('data-glossary-id')] as [string, string];
      });
    const visited: [string, string][] = [];
    for (let i = 0; i < expected.length + 1; i++) {
      await long.keyboard.press('Alt+Shift+KeyJ');
      visited.push(await focused());
    }
    expect(visited).toEqual([...expected, expected[0]!]);
    // Backwards from the first occurrence: round to the last one, at the bottom of the page.
    await long.keyboard.press('Alt+Shift+KeyK');
    expect(await focused()).toEqual(expected[expected.length - 1]);
    expect(await part(long, '.term')).toBe(displayName(entry(expected[expected.length - 1]![1]), 'en'));
    await long.close();
  });

  it('leaves the shortcut to the reader while typing in a field', async () => {
    await page.locator('#search').focus();
    await page.keyboard.press('Alt+Shift+KeyJ');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    expect(await page.locator('columnlens-tooltip').count()).toBe(0);
  });

  it('closes with its highlight when highlights are switched off, leaving no trace', async () => {
    const fresh = await suite.browser.context.newPage();
    await fresh.goto(`${suite.server.origin}/fixtures/ui-article.html?switch-off`);
    await fresh.waitForSelector('#first mark[data-glossary-id="nvidia"]');
    const original = await fresh.evaluate(() =>
      document.getElementById('first')!.innerHTML.replace(/<\/?mark[^>]*>/g, ''),
    );
    await fresh.locator('#first mark[data-glossary-id="nvidia"]').focus();
    await fresh.locator(TOOLTIP).waitFor({ state: 'visible' });
    const settings = { enabled: false, disabledSites: [], density: 'all', hiddenCategories: [], language: 'auto' };
    await suite.browser.serviceWorker.evaluate((value) => chrome.storage.sync.set({ settings: value }), settings);
    await fresh.waitForFunction(() => document.querySelectorAll('mark, columnlens-tooltip').length === 0);
    expect(await fresh.evaluate(() => document.getElementById('first')!.innerHTML)).toBe(original);
    await suite.browser.serviceWorker.evaluate((value) => chrome.storage.sync.set({ settings: value }), {
      ...settings,
      enabled: true,
    });
    await fresh.waitForSelector('#first mark[data-glossary-id="nvidia"]');
    await fresh.close();
  });

  it('links a Simplified Chinese reader to Chinese Wikipedia in their script, not to the English article', async () => {
    const setLanguage = (language: string) =>
      suite.browser.serviceWorker.evaluate(async (value) => {
        const current = (await chrome.storage.sync.get('settings')).settings;
        await chrome.storage.sync.set({ settings: { ...(current as object), language: value } });
      }, language);
    await setLanguage('zh-Hans');
    const reader = await suite.browser.context.newPage();
    try {
      await reader.goto(`${suite.server.origin}/fixtures/ui-article.html?zh-Hans`);
      await reader.locator('#first mark[data-glossary-id="nvidia"]').hover();
      await reader.locator(TOOLTIP).waitFor({ state: 'visible' });
      expect(await part(reader, '.term')).toBe('英伟达');
      const anchors = reader.locator(`${TOOLTIP} .links a`);
      const shown = await anchors.evaluateAll((all) =>
        all.map((a) => [a.textContent, (a as HTMLAnchorElement).href, (a as HTMLAnchorElement).hreflang]),
      );
      const chinese = entry('nvidia').links!.find((l) => l.lang === 'zh-Hans')!;
      expect(shown).toEqual([['维基百科', new URL(chinese.url).href, 'zh-Hans']]);
      expect(new URL(chinese.url).host).toBe('zh.wikipedia.org');
      await serveFurtherReading(new URL(chinese.url).href);
      const opened = suite.browser.context.waitForEvent('page');
      await anchors.first().click();
      const tab = await opened;
      await tab.waitForLoadState();
      expect(tab.url()).toBe(new URL(chinese.url).href);
      await tab.close();
      await suite.browser.context.unroute(new URL(chinese.url).href);
    } finally {
      await reader.close();
      await setLanguage('auto');
    }
  });

  it('shows a note containing HTML as text', async () => {
    const hostile = '<img src=x onerror="window.__columnlensPwned=1"><b>not bold</b>';
    const added = {
      id: 'zyxwv-labs',
      term: 'Zyxwv Labs',
      aliases: [],
      category: 'company',
      context: { en: hostile },
      section: '<script>window.__columnlensPwned=2</script>',
    };
    await suite.browser.serviceWorker.evaluate(async ([layer]) => chrome.storage.local.set({ userGlossary: layer }), [
      { overlays: [{ packId: pack.id, enabled: true, added: [added], edits: [], removed: [] }], userPacks: [] },
    ] as const);
    const other = await suite.browser.context.newPage();
    other.on('dialog', (dialog) => void dialog.dismiss());
    await other.goto(
      suite.server.setPage('ui-hostile-note', '<!doctype html><meta charset="utf-8"><p>Zyxwv Labs builds models.</p>'),
    );
    const mark = other.locator('mark[data-glossary-id="zyxwv-labs"]');
    await mark.waitFor({ timeout: 20_000 });
    await mark.hover();
    await other.locator(TOOLTIP).waitFor({ state: 'visible' });
    expect(await part(other, '.note')).toBe(hostile);
    expect(await part(other, '.section .value')).toBe(added.section);
    const created = await other.evaluate(() => {
      const shadow = document.querySelector('columnlens-tooltip')!.shadowRoot!;
      return {
        elements: shadow.querySelectorAll('img, b, script').length,
        pwned: (window as { __columnlensPwned?: number }).__columnlensPwned ?? null,
      };
    });
    expect(created).toEqual({ elements: 0, pwned: null });
    await other.close();
  });

  it('moves into the fullscreen element, so it stays visible there', async () => {
    const stagePage = await suite.browser.context.newPage();
    await stagePage.goto(`${suite.server.origin}/fixtures/ui-fullscreen.html`);
    await stagePage.waitForSelector('#stage mark[data-glossary-id]');
    await stagePage.click('#go');
    await stagePage.waitForFunction(() => document.fullscreenElement?.id === 'stage');
    await stagePage.locator('#stage mark[data-glossary-id]').first().focus();
    await stagePage.locator(TOOLTIP).waitFor({ state: 'visible' });
    const parent = await stagePage.evaluate(
      () => document.querySelector('columnlens-tooltip')?.parentElement?.id ?? null,
    );
    expect(parent).toBe('stage');
    await stagePage.close();
  });

  it('shows above a modal dialog and a popover, its buttons in reach, when the highlight is in one', async () => {
    const page = await suite.browser.context.newPage();
    try {
      await page.setViewportSize({ width: 900, height: 700 });
      await page.goto(
        suite.server.setPage(
          'top-layer',
          `<!doctype html><meta charset="utf-8"><body>
          <dialog id="d"><p>Inside the dialog: Nvidia and its rivals.</p></dialog>
          <div id="p" popover="manual"><p>In a popover: Nvidia again.</p></div></body>`,
        ),
      );
      // The tooltip's panel is what the pointer would hit at the panel's own centre.
      const onTop = () =>
        page.evaluate(() => {
          const host = document.querySelector('columnlens-tooltip')!;
          const box = host.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
          return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === host;
        });
      for (const [open, close, selector] of [
        ['document.getElementById("d").showModal()', 'document.getElementById("d").close()', '#d mark'],
        ['document.getElementById("p").showPopover()', 'document.getElementById("p").hidePopover()', '#p mark'],
      ] as const) {
        await page.evaluate(open);
        const mark = page.locator(`${selector}[data-glossary-id="nvidia"]`).first();
        await mark.waitFor();
        await mark.hover();
        await page.locator(TOOLTIP).waitFor({ state: 'visible' });
        expect(await onTop()).toBe(true);
        // A related entry's button is pressed by the pointer: the tooltip shows that entry.
        const related = page.locator(`${TOOLTIP} .related-entry`).first();
        const name = (await related.textContent())!.trim();
        await related.click();
        await expect.poll(() => page.locator(`${TOOLTIP} .term`).first().textContent()).toBe(name);
        await page.mouse.move(5, 695);
        await page.evaluate(close);
      }
    } finally {
      await page.close();
    }
  });
});

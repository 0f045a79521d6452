/**
 * Highlights never change how the page is laid out. Text that a flex or grid container lays
 * out as one anonymous item (a headline link with an icon, a breadcrumb bar, a grid cell's own
 * text) is painted, not marked: a mark there would be an item of its own and tear the text
 * into columns or cells. Every box is measured with highlights on and again once they are
 * switched off. In real Chromium with the built extension.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { marksIn, noMarks, settledMarks, writeSettings } from './highlight-helpers';
import { chromiumSuite } from './harness/suite';

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Layout</title>
<body style="font: 16px/1.5 sans-serif; margin: 16px">
<div style="width: 320px">
  <a id="headline" href="#" style="display: flex; align-items: center; gap: 8px">
    <svg width="16" height="16" aria-hidden="true"></svg>Analysts say Nvidia will keep selling the H20 in China despite new rules</a>
  <nav id="crumbs" style="display: flex; gap: 4px">Home › Tech › Baidu and Tencent cut prices</nav>
  <p id="grid" style="display: grid">OpenAI and Anthropic raise more money</p>
  <p id="apart" style="display: flex; justify-content: space-between">輝達說它將繼續在中國出售晶片</p>
  <div style="display: flex"><span id="contents" style="display: contents">Tencent opens its model</span></div>
  <p id="plain">Nvidia in a plain paragraph is marked as ever.</p>
  <p><span id="unboxed" style="display: contents">Baidu, in an element without a box of its own</span></p>
  <style>
    /* A page's own look for <mark>: none of it may reach a highlight. */
    mark { display: block; float: left; position: relative; top: 9px; vertical-align: super; padding: 6px;
      border: 3px solid; box-shadow: 0 0 9px; letter-spacing: 4px; text-transform: uppercase;
      /* A blog's marker-pen look: it would dress the names as the site's own and move line breaks. */
      background-image: linear-gradient(transparent 60%, yellow 60%); white-space: nowrap; outline: 2px dashed red;
      filter: blur(1px); mix-blend-mode: multiply; text-emphasis: dot; -webkit-text-stroke: 1px red; }
    /* A site's search hits, more specific than any rule of ours; an accessible mark's announcements. */
    div > p#styled mark { display: none; margin: 0 9px; padding: 2px 6px; font-weight: bold; pointer-events: none; }
    mark::before { content: "[highlight start] "; }
    mark::after { content: " [highlight end]"; }
  </style>
  <p id="styled">The page styles its marks, and OpenAI stays in line.</p>
</div>`;

/** Flex and grid containers with names in their own text. */
const ITEM_BOXES = ['#headline', '#crumbs', '#grid', '#apart'];

/** The box of every element the page lays out, from the body down: any move shows. */
function layout(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .filter((el) => !el.closest('columnlens-tooltip, mark.columnlens-mark'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName}#${el.id} ${r.x},${r.y} ${r.width}x${r.height}`;
      })
      .join('\n'),
  );
}

/** `parent id:text` of every painted range of ours, sorted. */
function painted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('columnlens-')) continue;
      for (const r of highlight)
        out.push(
          `${(r.startContainer.parentElement as Element).id}:${(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)}`,
        );
    }
    return out.sort();
  });
}

describe('highlights and the page’s layout', () => {
  const suite = chromiumSuite();
  let page: Page;
  let withHighlights: string;

  beforeAll(async () => {
    await writeSettings(suite.browser.serviceWorker, { enabled: true });
    page = await suite.browser.context.newPage();
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(suite.server.setPage('layout', PAGE));
    await settledMarks(page, 1);
    // Painted in the same frames as the marks; waited for all the same.
    for (let tries = 0; tries < 100 && (await painted(page)).length < 9; tries++) await page.waitForTimeout(100);
    withHighlights = await layout(page);
  });

  it('paints the names in a flex or grid container’s own text, and marks the others', async () => {
    for (const box of ITEM_BOXES) expect(await marksIn(page, box), box).toEqual([]);
    expect(await marksIn(page, '#contents')).toEqual([]);
    expect(await marksIn(page, '#plain')).toEqual([['nvidia', 'Nvidia']]);
    expect(await marksIn(page, '#styled')).toEqual([['openai', 'OpenAI']]);
    // Text in an element without a box of its own is laid out by its parent: marked in a
    // paragraph, painted in a flex row.
    expect(await marksIn(page, '#unboxed')).toEqual([['baidu', 'Baidu']]);
    expect(await painted(page)).toEqual([
      'apart:晶片',
      'apart:輝達',
      'contents:Tencent',
      'crumbs:Baidu',
      'crumbs:Tencent',
      'grid:Anthropic',
      'grid:OpenAI',
      'headline:H20',
      'headline:Nvidia',
    ]);
  });

  it('opens the tooltip of a painted name under the pointer', async () => {
    const at = await page.evaluate(() => {
      const link = document.getElementById('headline')!;
      const text = [...link.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes('Nvidia')) as Text;
      const range = document.createRange();
      const start = text.data.indexOf('Nvidia');
      range.setStart(text, start);
      range.setEnd(text, start + 'Nvidia'.length);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await page.mouse.move(at.x - 30, at.y + 60);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await page.locator('columnlens-tooltip .panel').waitFor({ state: 'visible' });
    expect(await page.locator('columnlens-tooltip .panel .term').textContent()).toBe('Nvidia');
    await page.mouse.move(5, 590);
    await page.locator('columnlens-tooltip').waitFor({ state: 'detached' });
  });

  it('moves with Alt+Shift+J from a painted name to the next, and on to a marked one', async () => {
    await page.mouse.click(700, 580);
    const term = () => page.locator('columnlens-tooltip .panel .term').textContent();
    const at = () =>
      page.evaluate(() => {
        const focused = document.activeElement?.closest('mark');
        if (focused) return `mark:${focused.textContent}`;
        const selection = document.getSelection()!;
        return `${selection.anchorNode?.parentElement?.id}:${String(selection)}`;
      });
    await page.keyboard.press('Alt+Shift+KeyJ');
    expect([await at(), await term()]).toEqual(['headline:Nvidia', 'Nvidia']);
    await page.keyboard.press('Alt+Shift+KeyJ');
    expect(await at()).toBe('headline:H20');
    // Past the painted Baidu, Tencent, OpenAI, Anthropic, 輝達, 晶片 and Tencent to the first mark.
    for (let i = 0; i < 8; i++) await page.keyboard.press('Alt+Shift+KeyJ');
    expect([await at(), await term()]).toEqual(['mark:Nvidia', 'Nvidia']);
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.getSelection()!.removeAllRanges());
  });

  it('keeps a name in line, seen and under the pointer, whatever the page’s rules for <mark>', async () => {
    const text = 'The page styles its marks, and OpenAI stays in line.';
    expect(await page.locator('#styled').innerText()).toBe(text);
    const styled = await page.evaluate(() => {
      const mark = document.querySelector('#styled mark')!;
      const style = getComputedStyle(mark);
      return [style.display, style.fontWeight, style.marginLeft, style.paddingLeft, style.pointerEvents]
        .concat(['::before', '::after'].map((pseudo) => getComputedStyle(mark, pseudo).content))
        .concat([style.backgroundImage, style.whiteSpace, style.outlineStyle, style.filter, style.mixBlendMode])
        .concat([style.textEmphasisStyle, style.webkitTextStrokeWidth]);
    });
    expect(styled).toEqual(
      ['inline', '400', '0px', '0px', 'auto', 'none', 'none']
        .concat(['none', 'normal', 'none', 'none', 'normal'])
        .concat(['none', '0px']),
    );
    await page.hover('#styled mark');
    expect(await page.locator('columnlens-tooltip .panel .term').textContent()).toBe('OpenAI');
    await page.mouse.move(5, 590);
    await page.locator('columnlens-tooltip').waitFor({ state: 'detached' });
  });

  it('lays every box out as the page does without highlights', async () => {
    await writeSettings(suite.browser.serviceWorker, { enabled: false });
    await noMarks(page);
    await expect.poll(() => painted(page)).toEqual([]);
    expect(withHighlights).toBe(await layout(page));
    await writeSettings(suite.browser.serviceWorker, { enabled: true });
  });
});

/**
 * Where the tooltip opens, in real Chromium: always wholly inside the window and clear of the
 * highlight it describes, also where there is room neither below nor above the highlight (a
 * short window, a name standing in vertical text, as Traditional Chinese pages set it) and
 * where no side has room for all of it (a phone's window: it is squeezed, and scrolls).
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSuite } from './harness/suite';

const TOOLTIP = 'columnlens-tooltip .panel';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The page: three paragraphs set as `style` sets them, Nvidia's name in the middle one;
 * `pageCss` is any other rule of the page's.
 */
const article = (style: string, pageCss = '') => `<!doctype html>
<html lang="zh-Hant"><meta charset="utf-8"><title>Placement</title>
<style>body { margin: 24px; font: 20px/1.8 sans-serif } article { ${style} } ${pageCss}</style>
<article>
  <p>各家廠商重新安排供應鏈，市場的反應比預期更加劇烈。</p>
  <p>美國收緊出口管制之後，輝達為中國市場推出降規版晶片，華為的昇騰則被視為替代方案。</p>
  <p>雲端業者的價格戰，讓模型的調用價格一再下探，新創公司的處境更加艱難。</p>
</article></html>`;

describe('where the tooltip opens in Chromium', () => {
  const suite = chromiumSuite();
  let page: Page;

  beforeAll(async () => {
    page = await suite.browser.context.newPage();
  });
  afterEach(async () => {
    await page.mouse.move(1, 1);
  });

  /** Opens the page in a window of `size`, hovers Nvidia's name there, and measures both boxes. */
  async function hoverNvidiaIn(name: string, style: string, size: { width: number; height: number }, pageCss = '') {
    await page.setViewportSize(size);
    await page.goto(suite.server.setPage(name, article(style, pageCss)));
    const mark = page.locator('mark[data-glossary-id="nvidia"]');
    await mark.hover();
    await page.locator(TOOLTIP).waitFor();
    // Floating UI places it in a frame after it opens; wait until it stops moving.
    let tooltip = (await page.locator(TOOLTIP).boundingBox())!;
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(50);
      const now = (await page.locator(TOOLTIP).boundingBox())!;
      if (now.x === tooltip.x && now.y === tooltip.y) break;
      tooltip = now;
    }
    const heading = (await page.locator(`${TOOLTIP} .head .term`).boundingBox())!;
    return { tooltip, heading, mark: (await mark.boundingBox())! };
  }

  const expectInside = (box: Box, size: { width: number; height: number }) => {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
  };

  it.each([
    { where: 'standing in vertical text', style: 'writing-mode: vertical-rl; height: 460px', width: 900, height: 520 },
    { where: 'in the middle of a short window', style: 'width: 420px', width: 1000, height: 340 },
  ])('opens beside a name $where, where there is room neither above nor below it', async (place) => {
    const size = { width: place.width, height: place.height };
    const { tooltip, heading, mark } = await hoverNvidiaIn(place.where.replace(/\W+/g, '-'), place.style, size);
    // The scenario itself: Chinese glyphs drawn as boxes of another size (no Chinese font
    // installed, see README) put the name where the tooltip would fit above it.
    const scenario = 'no room above or below the name; is a Chinese font installed (fonts-wqy-microhei)?';
    expect(mark.y - tooltip.height, scenario).toBeLessThan(0);
    expect(mark.y + mark.height + tooltip.height, scenario).toBeGreaterThan(size.height);
    expectInside(tooltip, size);
    expectInside(heading, size);
    expect(overlaps(tooltip, mark)).toBe(false);
  });

  it('stays wholly inside a phone-sized window and clear of the name, where no side has room for all of it', async () => {
    const size = { width: 360, height: 420 };
    const { tooltip, heading, mark } = await hoverNvidiaIn('phone', '', size);
    // Too tall for either side: it takes the roomier one and scrolls there, its heading first.
    const fullHeight = await page.locator(TOOLTIP).evaluate((panel) => panel.scrollHeight);
    expect(Math.max(mark.y, size.height - mark.y - mark.height)).toBeLessThan(fullHeight);
    expectInside(tooltip, size);
    expectInside(heading, size);
    expect(overlaps(tooltip, mark)).toBe(false);
    expect(tooltip.height).toBeGreaterThanOrEqual(120);
  });

  it('keeps the reader’s place in a squeezed tooltip as the page moves under it', async () => {
    const size = { width: 360, height: 420 };
    await page.setViewportSize(size);
    await page.goto(suite.server.setPage('phone-scroll', article('') + '<div style="height: 600px"></div>'));
    await page.locator('mark[data-glossary-id="nvidia"]').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+KeyJ'); // opened from the keyboard: it stays open
    const panel = page.locator(TOOLTIP);
    await panel.waitFor();
    await page.waitForTimeout(100);
    await panel.evaluate((p) => (p.scrollTop = 40));
    await page.evaluate(() => scrollBy(0, 10));
    await page.waitForTimeout(200);
    expect(await panel.evaluate((p) => p.scrollTop)).toBe(40);
  });

  it('keeps a wheel turned at the end of a squeezed tooltip’s note in the tooltip, not scrolling the page', async () => {
    const size = { width: 360, height: 420 };
    await page.setViewportSize(size);
    await page.goto(suite.server.setPage('phone-wheel', article('') + '<div style="height: 1600px"></div>'));
    await page.locator('mark[data-glossary-id="nvidia"]').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+KeyJ');
    const panel = page.locator(TOOLTIP);
    await panel.waitFor();
    await page.waitForTimeout(200);
    const box = (await panel.boundingBox())!;
    const pageAt = await page.evaluate(() => scrollY);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // Wheel turns apart, as a reader's are: each a gesture of its own, which the page would take
    // once the note is at its end.
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(200);
    }
    const note = await panel.evaluate((p) => ({ end: p.scrollHeight - p.clientHeight, at: Math.round(p.scrollTop) }));
    expect(note.end).toBeGreaterThan(0); // the scenario: a note that scrolls
    expect(note.at).toBeGreaterThanOrEqual(note.end - 1);
    expect(await page.evaluate(() => scrollY)).toBe(pageAt);
    await page.keyboard.press('Escape');
  });

  it.each(['10px', '62.5%', '100px'])(
    'is as large on a page whose root font size is %s as on any other (its sizes are its own)',
    async (rootSize) => {
      const size = { width: 1000, height: 800 };
      const plain = (await hoverNvidiaIn('root-plain', 'width: 420px', size)).tooltip;
      await page.mouse.move(1, 1);
      await page.locator(TOOLTIP).waitFor({ state: 'detached' });
      const sized = `html { font-size: ${rootSize} }`;
      const { tooltip } = await hoverNvidiaIn(`root-${rootSize}`, 'width: 420px', size, sized);
      expect({ width: tooltip.width, height: tooltip.height }).toEqual({ width: plain.width, height: plain.height });
    },
  );

  it('opens below a name near the window’s right edge, moved left to fit, not beside it', async () => {
    const size = { width: 1000, height: 800 };
    const { tooltip, mark } = await hoverNvidiaIn('right-edge', 'margin-left: 640px; width: 320px', size);
    expect(mark.x + tooltip.width).toBeGreaterThan(size.width); // no room to start at the name
    expect(tooltip.y).toBeGreaterThanOrEqual(mark.y + mark.height);
    expectInside(tooltip, size);
  });

  it('goes with its highlight when the page scrolls it away, staying open', async () => {
    const filler = '<p>一般的新聞內容，沒有任何詞庫裡的名稱，只是讓頁面變長的文字。</p>'.repeat(30);
    await page.setViewportSize({ width: 1000, height: 600 });
    await page.goto(suite.server.setPage('long', article('width: 420px') + filler));
    await page.locator('mark[data-glossary-id="nvidia"]').waitFor();
    // Opened from the keyboard, the tooltip stays open however the pointer moves.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+KeyJ');
    await page.locator(TOOLTIP).waitFor();
    await page.evaluate(() => scrollBy(0, 900));
    await page.waitForTimeout(300);
    const mark = (await page.locator('mark[data-glossary-id="nvidia"]').boundingBox())!;
    const tooltip = (await page.locator(TOOLTIP).boundingBox())!;
    expect(mark.y + mark.height).toBeLessThan(0);
    // Not left behind at the window's top edge: it is as far off the window as its mark.
    expect(tooltip.y).toBeLessThanOrEqual(mark.y + mark.height + 8);
  });

  it('hides with its highlight when a scrolling box scrolls it out of sight, and comes back with it', async () => {
    const filler = '<p>一般的新聞內容，沒有任何詞庫裡的名稱，只是讓方框變長的文字。</p>'.repeat(12);
    await page.setViewportSize({ width: 1000, height: 600 });
    // A live blog's pane, below a headline, in an open shadow root as a web component has it.
    await page.goto(
      suite.server.setPage(
        'scroll-box',
        `<!doctype html><meta charset="utf-8"><body style="margin: 24px; font: 20px/1.8 sans-serif">
        <h1>Live</h1><live-pane></live-pane>
        <script>customElements.define('live-pane', class extends HTMLElement { constructor() { super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<div id="pane" style="height: 200px; overflow: auto">' +
            '<p>美國收緊出口管制之後，輝達推出降規版晶片。</p>${filler}</div>'; } });</script>`,
      ),
    );
    await page.locator('mark[data-glossary-id="nvidia"]').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+KeyJ'); // opened from the keyboard: it stays open
    const panel = page.locator(TOOLTIP);
    await panel.waitFor();
    const scrollPane = (top: number) =>
      page.evaluate(
        (y) => (document.querySelector('live-pane')!.shadowRoot!.getElementById('pane')!.scrollTop = y),
        top,
      );
    const shown = () => panel.evaluate((p) => getComputedStyle(p).visibility);
    await expect.poll(shown).toBe('visible');
    await scrollPane(400);
    await expect.poll(shown).toBe('hidden');
    expect(await page.locator('columnlens-tooltip').count()).toBe(1); // still open
    await scrollPane(0);
    await expect.poll(shown).toBe('visible');
    await page.keyboard.press('Escape');
  });

  it('puts keyboard focus back on the name when its scrolling box hides the tooltip the focus was in', async () => {
    const filler = '<p>一般的新聞內容，沒有任何詞庫裡的名稱，只是讓方框變長的文字。</p>'.repeat(12);
    await page.setViewportSize({ width: 1000, height: 600 });
    await page.goto(
      suite.server.setPage(
        'scroll-box-focus',
        `<!doctype html><meta charset="utf-8"><body style="margin: 24px; font: 20px/1.8 sans-serif">
        <h1>Live</h1><div id="pane" style="height: 200px; overflow: auto">
        <p>美國收緊出口管制之後，輝達推出降規版晶片。</p>${filler}</div>`,
      ),
    );
    const mark = page.locator('mark[data-glossary-id="nvidia"]');
    await mark.focus();
    const panel = page.locator(TOOLTIP);
    await panel.waitFor();
    await page.keyboard.press('Tab'); // into the tooltip's links
    const focusInTooltip = () => page.evaluate(() => document.activeElement?.localName === 'columnlens-tooltip');
    await expect.poll(focusInTooltip).toBe(true);
    const shown = () => panel.evaluate((p) => getComputedStyle(p).visibility);
    const markFocused = () =>
      page.evaluate(() => document.activeElement?.matches('mark[data-glossary-id="nvidia"]') ?? false);
    await page.evaluate(() => (document.getElementById('pane')!.scrollTop = 400));
    await expect.poll(shown).toBe('hidden');
    // Focus was on a link now hidden: it goes back to the name, not to the page's top.
    await expect.poll(markFocused).toBe(true);
    await page.evaluate(() => (document.getElementById('pane')!.scrollTop = 0));
    await expect.poll(shown).toBe('visible');
    await page.keyboard.press('Tab'); // and into the tooltip again
    await expect.poll(focusInTooltip).toBe(true);
    await page.keyboard.press('Escape');
  });

  it.each([1.5, 0.8])('opens right below the name on a page zoomed by CSS (html { zoom: %s })', async (zoom) => {
    const size = { width: 1000, height: 800 };
    const { tooltip, mark } = await hoverNvidiaIn(`zoom-${zoom}`, 'width: 420px', size, `html { zoom: ${zoom} }`);
    // Zoomed with the page, but placed in the window's pixels: its 6 px gap below the name,
    // not its distance from the window's corner scaled by the zoom.
    expect(tooltip.y - (mark.y + mark.height)).toBeGreaterThanOrEqual(0);
    expect(tooltip.y - (mark.y + mark.height)).toBeLessThan(12);
    expect(Math.abs(tooltip.x - mark.x)).toBeLessThan(2);
    expectInside(tooltip, size);
  });

  it.each([
    { height: 600, css: 'html { zoom: 1.5 }' },
    { height: 520, css: 'html { zoom: 1.5 }' },
    { height: 440, css: 'html { zoom: 1.25 }' },
  ])('stays wholly inside a $height px window and clear of the name on a page zoomed by CSS ($css)', async (place) => {
    // Measured in its own unzoomed pixels, the tooltip was judged to fit below a name it then
    // ran past the window's bottom from, or was moved back over the name.
    const size = { width: 1000, height: place.height };
    const { tooltip, heading, mark } = await hoverNvidiaIn(`zoom-${place.height}`, 'width: 200px', size, place.css);
    expectInside(tooltip, size);
    expectInside(heading, size);
    expect(overlaps(tooltip, mark)).toBe(false);
  });

  it.each([
    ['scale(1.2); transform-origin: 0 0', 0],
    ['scale(1.2); transform-origin: 0 0', 40],
    ['translate(30px, 10px)', 0],
  ])(
    'opens right below the name on a page that transforms its root (html { transform: %s }, scrolled %s px)',
    async (transform, scroll) => {
      const size = { width: 1000, height: 800 };
      await page.setViewportSize(size);
      await page.goto(
        suite.server.setPage(
          `transform-${scroll}-${transform.length}`,
          article('width: 420px', `html { transform: ${transform} } body { min-height: 2000px }`),
        ),
      );
      await page.evaluate((y) => scrollTo(0, y), scroll);
      const mark = page.locator('mark[data-glossary-id="nvidia"]');
      await mark.hover();
      await page.locator(TOOLTIP).waitFor();
      await page.waitForTimeout(300); // Floating UI places it in a frame after it opens
      const name = (await mark.boundingBox())!;
      const tooltip = (await page.locator(TOOLTIP).boundingBox())!;
      // A transformed root is the containing block of fixed boxes in the page: a tooltip among
      // them opened 42 px below the scaled name, or 6 px over it once scrolled, and 10 px low
      // on the translated page. In the top layer it is not one of them.
      expect(tooltip.y - (name.y + name.height)).toBeGreaterThanOrEqual(0);
      expect(tooltip.y - (name.y + name.height)).toBeLessThan(12);
      expect(Math.abs(tooltip.x - name.x)).toBeLessThan(4);
      expectInside(tooltip, size);
    },
  );

  it('still opens below a name where there is room, as it always has', async () => {
    const size = { width: 1000, height: 800 };
    const { tooltip, mark } = await hoverNvidiaIn('roomy', 'width: 420px', size);
    expect(tooltip.y).toBeGreaterThanOrEqual(mark.y + mark.height);
    expect(Math.abs(tooltip.x - mark.x)).toBeLessThan(2); // aligned with the name's start
    expectInside(tooltip, size);
  });
  it('stays on its side of the name when a related entry shorter or taller than it opens in it', async () => {
    const spacer = 'article { margin-top: 480px; width: 420px }';
    const box = async () => (await page.locator(TOOLTIP).boundingBox())!;
    const settled = async () => {
      let last = await box();
      for (let i = 0; i < 20; i++) {
        await page.waitForTimeout(50);
        const now = await box();
        if (now.y === last.y && now.height === last.height) return now;
        last = now;
      }
      return last;
    };
    // In a tall window: Nvidia's tooltip, and that of its first related entry, a shorter one.
    const roomy = await hoverNvidiaIn('side-measure', '', { width: 1000, height: 1600 }, spacer);
    await page.locator(`${TOOLTIP} .related-entry`).first().click();
    const related = await settled();
    const scenario = 'the first related entry’s tooltip is shorter than Nvidia’s';
    expect(roomy.tooltip.height - related.height, scenario).toBeGreaterThan(12);
    await page.mouse.move(1, 1);
    await page.locator('columnlens-tooltip').waitFor({ state: 'detached' });
    // A window whose room below the name holds the related entry's tooltip but not Nvidia's.
    const below = (roomy.tooltip.height + related.height) / 2;
    const size = { width: 1000, height: Math.round(roomy.mark.y + roomy.mark.height + 6 + 8 + below) };
    const { tooltip, mark } = await hoverNvidiaIn('side-kept', '', size, spacer);
    const above = (b: Box) => b.y + b.height <= mark.y;
    expect(above(tooltip)).toBe(true);
    await page.locator(`${TOOLTIP} .related-entry`).first().click();
    expect(above(await settled())).toBe(true);
    await page.locator(`${TOOLTIP} .back`).click();
    const back = await settled();
    expect(above(back)).toBe(true);
    expectInside(back, size);
  });

  it('goes back below the name from beside it once the window has room there', async () => {
    const { tooltip, mark } = await hoverNvidiaIn('beside-then-below', 'width: 420px', { width: 1000, height: 340 });
    expect(tooltip.x).toBeGreaterThanOrEqual(mark.x + mark.width);
    await page.setViewportSize({ width: 1000, height: 800 });
    await expect
      .poll(async () => (await page.locator(TOOLTIP).boundingBox())!.y >= mark.y + mark.height, { timeout: 3_000 })
      .toBe(true);
  });

  it('shows the whole of a long note, its links included, where the window has room for it', async () => {
    // The entry with the longest tooltip in English (its note, and many names in other scripts).
    const size = { width: 1280, height: 800 };
    await page.setViewportSize(size);
    const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Long note</title>
<body style="margin: 24px; font: 18px/1.6 sans-serif"><p>The Bureau of Industry and Security tightened the rules.</p></body></html>`;
    await page.goto(suite.server.setPage('long-note', html));
    await page.locator('mark[data-glossary-id="bis"]').hover();
    const panel = page.locator(TOOLTIP);
    await panel.waitFor();
    await expect.poll(() => panel.evaluate((el) => el.querySelectorAll('a, button').length)).toBeGreaterThan(0);
    const { scrollHeight, clientHeight } = await panel.evaluate((el) => ({
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
    }));
    // Taller than the tooltip's old cap, 352 px, and not cut to it.
    expect(scrollHeight).toBeGreaterThan(352);
    expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
    expectInside((await panel.boundingBox())!, size);
  });
});

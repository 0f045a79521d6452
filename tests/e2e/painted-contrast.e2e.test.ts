/**
 * Painted highlights' underlines as Chromium paints them, read off the screen: on a dark part
 * of a page they keep 3:1 against the background, as marks do. Where the page sets its colours
 * on an element inside the body (a dark-themed wrapper, a dark bar), Chromium painted
 * `currentColor` in a `::highlight()` rule as black (1.9:1 on #1e1e1e), while `getComputedStyle`
 * reports the text's colour (mark-contrast.e2e.test.ts reads that): only pixels tell.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contrast, hexColour, luminanceOf, type Rgba } from './harness/colour';
import { chromiumSuite } from './harness/suite';

/** A page a framework hydrates (so it is painted), a wrapper's text in `text` on `background`. */
const pageHtml = (background: string, text: string) => `<!doctype html><html><head><meta charset="utf-8">
<title>Contrast</title></head><body style="margin: 24px; font: 32px/2 sans-serif"><div style="background: ${background}; color: ${text}">
<div id="__next"><p>Nvidia 的新晶片</p><nav id="bar" style="display: flex; gap: 8px; background: ${background}; color: ${text}">Nvidia 的新晶片 <span>›</span></nav></div>
</div></body></html>`;

/**
 * The most contrasting colour that runs along a whole row under "Nvidia" (the underline; the
 * tint behind the name runs along rows too, but barely differs from the page), from a
 * screenshot decoded in the page.
 */
async function underlineColour(page: Page, selector: string): Promise<Rgba> {
  const box = await page.evaluate((selector) => {
    const range = document.createRange();
    range.setStart(document.querySelector(selector)!.firstChild!, 0);
    range.setEnd(document.querySelector(selector)!.firstChild!, 'Nvidia'.length);
    const r = range.getBoundingClientRect();
    return {
      x: Math.ceil(r.x) + 2,
      y: Math.floor(r.y),
      width: Math.floor(r.width) - 4,
      height: Math.ceil(r.height) + 12,
    };
  }, selector);
  const png = (await page.screenshot({ clip: box })).toString('base64');
  return page
    .evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const rows: [number, number, number, number][] = [];
      for (let y = 0; y < image.height; y++) {
        const pixels = context.getImageData(0, y, image.width, 1).data;
        const [r, g, b] = [pixels[0]!, pixels[1]!, pixels[2]!];
        let same = 0;
        for (let x = 0; x < image.width; x++) {
          const i = x * 4;
          if (Math.abs(pixels[i]! - r) + Math.abs(pixels[i + 1]! - g) + Math.abs(pixels[i + 2]! - b) < 12) same++;
        }
        if (same >= image.width * 0.9) rows.push([r, g, b, 1]);
      }
      return rows as never;
    }, png)
    .then((rows: Rgba[]) => {
      const background = rows[0]!;
      return rows.reduce(
        (best, row) => (contrast(row, background) > contrast(best, background) ? row : best),
        background,
      );
    });
}

describe('painted underlines on the screen in Chromium', () => {
  const suite = chromiumSuite();

  it.each([
    ['a dark page', '#1e1e1e', '#e6e6e6'],
    ['a black page', '#000000', '#cccccc'],
    ['a light page', '#ffffff', '#222222'],
  ])('keeps 3:1 against %s', async (_, background, text) => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.setPage(`painted-contrast-${background.slice(1)}`, pageHtml(background, text)));
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('columnlens-company')));
    expect(await page.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);
    // Light text goes to the `-light` highlights a frame after it is painted; then a frame to paint.
    if (luminanceOf(text) > 0.45) await page.waitForFunction(() => CSS.highlights.has('columnlens-company-light'));
    await page.waitForTimeout(200);
    // In a paragraph, and in a flex container's own text (painted on any page: item-text.ts).
    for (const where of ['p', '#bar']) {
      const underline = await underlineColour(page, where);
      const ratio = contrast(underline, hexColour(background));
      expect(ratio, `${where}: underline ${underline.join()}`).toBeGreaterThanOrEqual(3);
    }
    await page.close();
  });

  it('keeps 3:1 when the page switches its theme, by a class or with the system, and back', async () => {
    // Colours set on a wrapper, as a site's dark-mode switch or a page following the system does.
    const page = await suite.browser.context.newPage();
    await page.goto(
      suite.server.setPage(
        'painted-theme',
        `<!doctype html><html><head><meta charset="utf-8"><title>Theme</title><style>
        .wrap { background: #ffffff; color: #222222 }
        html.dark .wrap { background: #1e1e1e; color: #e6e6e6 }
        @media (prefers-color-scheme: dark) { html:not(.dark) .wrap { background: #000000; color: #cccccc } }
        </style></head><body style="margin: 24px; font: 32px/2 sans-serif"><div class="wrap">
        <div id="__next"><p>Nvidia 的新晶片</p></div></div></body></html>`,
      ),
    );
    await page.waitForFunction(() => (CSS.highlights.get('columnlens-company')?.size ?? 0) > 0);
    const lightPainted = () => page.evaluate(() => CSS.highlights.get('columnlens-company-light')?.size ?? 0);
    const underlineAgainst = async (background: string) => {
      await page.waitForTimeout(200); // a frame to paint
      const underline = await underlineColour(page, 'p');
      const ratio = contrast(underline, hexColour(background));
      expect(ratio, `on ${background}: underline ${underline.join()}`).toBeGreaterThanOrEqual(3);
    };
    await page.waitForTimeout(200); // sorted after the frame: dark text stays where it is
    expect(await lightPainted()).toBe(0);
    await underlineAgainst('#ffffff');
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await expect.poll(lightPainted).toBe(1);
    await underlineAgainst('#1e1e1e');
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await expect.poll(lightPainted).toBe(0);
    await underlineAgainst('#ffffff');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(lightPainted).toBe(1);
    await underlineAgainst('#000000');
    await page.close();
  });

  it('keeps 3:1 when the theme is switched on a wrapper inside the body, or on the host of a shadow tree', async () => {
    // An app that themes its own root, and a web component themed by a class on its host.
    const page = await suite.browser.context.newPage();
    await page.goto(
      suite.server.setPage(
        'painted-wrapper-theme',
        `<!doctype html><html><head><meta charset="utf-8"><title>Wrapper theme</title><style>
        .app { background: #ffffff; color: #222222 }
        .app.dark { background: #1e1e1e; color: #e6e6e6 }
        </style></head><body style="margin: 24px; font: 32px/2 sans-serif"><div id="__next"><div class="app">
        <main><p id="in-app">Nvidia 的新晶片</p></main></div><news-card></news-card></div>
        <script>
        customElements.define('news-card', class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).innerHTML =
              '<style>:host { display: block; background: #ffffff; color: #222222 }' +
              ':host(.dark) { background: #1e1e1e; color: #e6e6e6 }</style><p>英伟达的芯片</p>';
          }
        });
        </script></body></html>`,
      ),
    );
    const painted = (name: string) => page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
    await expect.poll(() => painted('columnlens-company'), { timeout: 10_000 }).toBe(2);
    await page.waitForTimeout(200); // sorted after the frame: dark text stays where it is
    expect(await painted('columnlens-company-light')).toBe(0);
    await page.evaluate(() => document.querySelector('.app')!.classList.add('dark'));
    await expect.poll(() => painted('columnlens-company-light')).toBe(1);
    await page.waitForTimeout(200); // a frame to paint
    const underline = await underlineColour(page, '#in-app');
    expect(contrast(underline, hexColour('#1e1e1e')), `underline ${underline.join()}`).toBeGreaterThanOrEqual(3);
    await page.evaluate(() => document.querySelector('news-card')!.classList.add('dark'));
    await expect.poll(() => painted('columnlens-company-light')).toBe(2);
    await page.evaluate(() => document.querySelector('.app')!.classList.remove('dark'));
    await expect.poll(() => painted('columnlens-company-light')).toBe(1);
    await page.close();
  });
});

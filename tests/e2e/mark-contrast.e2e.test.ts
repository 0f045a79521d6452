/**
 * Highlights stay readable on the page they are drawn on, whatever the system's colour
 * scheme: a light news page read with the system in dark mode, a dark page read with it in
 * light mode. Each category's underline must keep 3:1 against the page's background (WCAG's
 * bar for non-text graphics), for marks and for painted highlights alike, read from the
 * browser's computed colours. On paper, where no tooltip can open, they are not drawn.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/glossary/categories';
import { setEngineChoice } from '../bench/lib/extension-settings';
import { settledMarks } from './highlight-helpers';
import { contrast, hexColour, luminanceOf, parseColour } from './harness/colour';
import { chromiumSuite } from './harness/suite';

/** The first entry of each category the bundled glossary uses, by its term. */
const bundled = JSON.parse(readFileSync(new URL('../../glossary/ai-rush-china.json', import.meta.url), 'utf8')) as {
  entries: { term: string; category: string }[];
};
const samples = new Map<string, string>();
for (const entry of bundled.entries) if (!samples.has(entry.category)) samples.set(entry.category, entry.term);

const PAGES = [
  { name: 'light', background: '#ffffff', text: '#1f2328' },
  { name: 'grey-text', background: '#ffffff', text: '#666666' },
  { name: 'sepia', background: '#f4ecd8', text: '#5b4636' },
  { name: 'dark', background: '#0d1117', text: '#e6edf3' },
  { name: 'navy', background: '#1b2838', text: '#c7d5e0' },
] as const;

const rgbOf = (css: string) => parseColour(css).slice(0, 3).map(Math.round);

function pageHtml(background: string, text: string): string {
  const names = [...samples.values()].join('，');
  return `<!doctype html><meta charset="utf-8"><style>body{background:${background};color:${text}}</style><p id="p">${names}。</p>`;
}

/** Per category: the underline and background colours of its first mark. */
function markColours(page: Page): Promise<Record<string, [string, string]>> {
  return page.evaluate(() => {
    const out: Record<string, [string, string]> = {};
    for (const mark of document.querySelectorAll<HTMLElement>('mark[data-glossary-id]')) {
      const style = getComputedStyle(mark);
      out[mark.dataset.category!] ??= [style.textDecorationColor, style.backgroundColor];
    }
    return out;
  });
}

/**
 * Per category: the underline colour its painted highlight gives the paragraph's text, from the
 * highlight the page's text is painted with (`-light` for light text, painted-contrast.e2e.test.ts).
 */
function paintedColours(page: Page, categories: string[], suffix: string): Promise<Record<string, string>> {
  return page.evaluate(
    ({ names, suffix }) => {
      const p = document.getElementById('p')!;
      return Object.fromEntries(
        names.map((c) => [c, getComputedStyle(p, `::highlight(columnlens-${c}${suffix})`).textDecorationColor]),
      );
    },
    { names: categories, suffix },
  );
}

/** '-light' when the page's names are painted as light text, else ''. */
const paintedSuffix = (page: Page) =>
  page.evaluate(() => ([...CSS.highlights.keys()].some((k) => k.endsWith('-light')) ? '-light' : ''));

describe('highlight colours against the page', () => {
  const suite = chromiumSuite();
  const categories = [...samples.keys()];

  /**
   * Loads `page` again drawn by the highlight engine (the engine is chosen as a page starts),
   * runs `read`, and leaves the choice to the page size again for the loads after it. The
   * painted rules exist only then: the document adopts them while something is painted.
   */
  async function whilePainted<T>(page: Page, read: () => Promise<T>): Promise<T> {
    await setEngineChoice(suite.browser.serviceWorker, 'highlight');
    try {
      await page.reload();
      await page.waitForFunction(
        () =>
          [...CSS.highlights.keys()].some((k) => k.startsWith('columnlens-company')) &&
          document.adoptedStyleSheets.length > 0,
      );
      return await read();
    } finally {
      await setEngineChoice(suite.browser.serviceWorker, 'auto');
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps every category's underline at 3:1 on light and dark pages, system in ${scheme} mode`, async () => {
      const failures: string[] = [];
      const check = (what: string, underline: string, background: string) => {
        expect(parseColour(underline)[3], `${what}: an opaque underline`).toBe(1);
        const ratio = contrast(parseColour(underline), hexColour(background));
        if (ratio < 3) failures.push(`${what}: ${underline} is ${ratio.toFixed(2)}:1`);
      };
      for (const { name, background, text } of PAGES) {
        const page = await suite.browser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(suite.server.setPage(`contrast-${name}`, pageHtml(background, text)));
        await settledMarks(page, categories.length);
        const marks = await markColours(page);
        expect(Object.keys(marks).sort()).toEqual([...categories].sort());
        for (const [category, [underline, tint]] of Object.entries(marks)) {
          check(`${name} page, ${category}`, underline, background);
          // A faint tint behind the name, not an opaque block over the page.
          const alpha = parseColour(tint)[3];
          expect(alpha, `${name} page, ${category} tint ${tint}`).toBeGreaterThan(0.05);
          expect(alpha, `${name} page, ${category} tint ${tint}`).toBeLessThan(0.3);
        }
        // Drawn with marks, the page has none of the painted rules (they would cost every
        // element's style): the highlight pseudo-element has no underline.
        const unpainted = await page.evaluate(
          () => getComputedStyle(document.getElementById('p')!, '::highlight(columnlens-company)').textDecorationLine,
        );
        expect(unpainted, `${name} page, drawn with marks`).toBe('none');
        // Painted highlights (pages too large for marks) take the same colours. Their style
        // can be read for a category with no range painted, so every category is checked, and
        // "other" for a category the stylesheet does not know.
        // Light text is moved to the `-light` highlights a frame after it is painted.
        const suffix = luminanceOf(text) > 0.45 ? '-light' : '';
        const painted = await whilePainted(page, async () => {
          await expect.poll(() => paintedSuffix(page), { message: `${name} page` }).toBe(suffix);
          return paintedColours(page, [...CATEGORIES, 'other'], suffix);
        });
        for (const [category, underline] of Object.entries(painted)) {
          check(`${name} page, painted ${category}${suffix}`, underline, background);
          // Mixed with the text's colour as marks are; light text's with white (the same
          // where the text is white).
          const mark = marks[category];
          if (mark && !suffix) expect(rgbOf(underline), category).toEqual(rgbOf(mark[0]));
        }
        await page.close();
      }
      expect(failures).toEqual([]);
    });
  }

  it('prints the page as it is without highlights: no tint, no underline', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.setPage('contrast-print', pageHtml('#ffffff', '#1f2328')));
    await settledMarks(page, categories.length);
    const looks = (drawn: 'marks' | 'painted') =>
      page.evaluate(
        ([names, which]) => {
          const p = document.getElementById('p')!;
          const seen =
            which === 'marks'
              ? [...document.querySelectorAll<HTMLElement>('mark[data-glossary-id]')].map((m) => getComputedStyle(m))
              : names.map((c) => getComputedStyle(p, `::highlight(columnlens-${c})`));
          return [...new Set(seen.map((st) => `${st.backgroundColor} ${st.textDecorationLine}`))];
        },
        [[...CATEGORIES, 'other'], drawn] as const,
      );
    // Marks first, then painted highlights (whose rules the page has only while painting).
    for (const drawn of ['marks', 'painted'] as const) {
      const check = async () => {
        const onScreen = await looks(drawn);
        expect(onScreen.length, drawn).toBeGreaterThan(0);
        expect(
          onScreen.every((look) => look.endsWith(' underline')),
          drawn,
        ).toBe(true);
        await page.emulateMedia({ media: 'print' });
        expect(await looks(drawn), drawn).toEqual(['rgba(0, 0, 0, 0) none']);
        await page.emulateMedia({ media: 'screen' });
        expect(await looks(drawn), drawn).toEqual(onScreen);
      };
      if (drawn === 'marks') await check();
      else await whilePainted(page, check);
    }
    await page.close();
  });
});

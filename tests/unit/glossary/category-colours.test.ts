import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/glossary/categories';
import { ACCENT_SHARE, accentOf, CATEGORY_ACCENTS, OTHER_ACCENT } from '../../../src/glossary/category-colours';
import { TOOLTIP_STYLES } from '../../../src/tooltip/tooltip-styles';

// The highlights' stylesheets are plain CSS and cannot import the palette: they must write out the same values.
const marksCss = readFileSync(new URL('../../../entrypoints/content/marks.css', import.meta.url), 'utf8');
const paintedCss = readFileSync(new URL('../../../entrypoints/content/painted.css', import.meta.url), 'utf8');
const categoryLookCss = readFileSync(new URL('../../../src/ui/category-look.css', import.meta.url), 'utf8');

/** The declarations of the rule for `selector` in `css` (the first such rule outside @media). */
function ruleOf(css: string, selector: string): string {
  const at = css.indexOf(`\n${selector} {`);
  expect(at, selector).toBeGreaterThanOrEqual(0);
  return css.slice(at, css.indexOf('}', at));
}

describe('the category palette', () => {
  it('gives every category an accent of its own, and an unknown one the neutral accent', () => {
    expect(new Set(Object.values(CATEGORY_ACCENTS)).size).toBe(CATEGORIES.length);
    expect(Object.values(CATEGORY_ACCENTS)).not.toContain(OTHER_ACCENT);
    expect(accentOf('company')).toBe(CATEGORY_ACCENTS.company);
    expect(accentOf('a-pack-own-category')).toBe(OTHER_ACCENT);
  });

  it('is the one the highlights’ stylesheets write out, for marks and for painted highlights', () => {
    for (const category of CATEGORIES) {
      const accent = CATEGORY_ACCENTS[category];
      expect(ruleOf(marksCss, `mark.columnlens-mark[data-category='${category}']`)).toContain(
        `--columnlens-accent: ${accent};`,
      );
      expect(ruleOf(paintedCss, `::highlight(columnlens-${category})`)).toContain(
        `color-mix(in srgb, ${accent} ${ACCENT_SHARE}, currentColor)`,
      );
      // Light text (a dark page): mixed with white, as Chromium may paint currentColor as black.
      expect(ruleOf(paintedCss, `::highlight(columnlens-${category}-light)`)).toContain(
        `text-decoration: underline 0.1em color-mix(in srgb, ${accent} ${ACCENT_SHARE}, #fff)`,
      );
    }
    expect(ruleOf(marksCss, 'mark.columnlens-mark[data-glossary-id]')).toContain(
      `--columnlens-accent: ${OTHER_ACCENT};`,
    );
    expect(ruleOf(marksCss, 'mark.columnlens-mark[data-glossary-id]')).toContain(
      `color-mix(in srgb, var(--columnlens-accent) ${ACCENT_SHARE}, currentColor)`,
    );
    expect(ruleOf(paintedCss, '::highlight(columnlens-other)')).toContain(`${OTHER_ACCENT} ${ACCENT_SHARE}`);
  });

  it('leaves painted highlights out of the sheet the manifest puts on every page', () => {
    // Chromium resolves every ::highlight rule for every element of a page that has one.
    expect(marksCss).not.toContain('::highlight');
    expect(paintedCss).not.toMatch(/mark\.columnlens-mark/);
  });

  it('is the one the tooltip, the popup and the editor draw with, mixed the same way', () => {
    for (const category of CATEGORIES) {
      expect(TOOLTIP_STYLES).toContain(
        `.panel[data-category="${category}"] { --cl-accent: ${CATEGORY_ACCENTS[category]}; }`,
      );
    }
    expect(TOOLTIP_STYLES).toContain(`color-mix(in srgb, var(--cl-accent) ${ACCENT_SHARE}, currentColor)`);
    expect(categoryLookCss).toContain(
      `color-mix(in srgb, var(--category-accent, ${OTHER_ACCENT}) ${ACCENT_SHARE}, currentColor)`,
    );
  });
});

/**
 * Each category's accent: the colour of its highlights' underline on the page, of the tooltip's
 * edge, and of the category's name in the popup, so a reader can tell from the popup what a
 * colour on the page means. GitHub Primer hues: distinct, and readable as text on white.
 *
 * Where they are drawn, accents are mixed with the colour of the text they go with
 * (`inkOf`), which keeps them readable on light and dark backgrounds alike. The highlights'
 * stylesheets (entrypoints/content/marks.css and painted.css) write the same values out, as
 * CSS cannot import them; a unit test keeps them in step.
 */
import type { Category } from './categories';

export const CATEGORY_ACCENTS: Readonly<Record<Category, string>> = {
  company: '#0969da',
  organization: '#8250df',
  person: '#bf3989',
  product: '#1a7f37',
  technology: '#0a7ea4',
  policy: '#cf222e',
  concept: '#9a6700',
  publication: '#6e7781',
  event: '#bc4c00',
};

/** The accent of a category the palette does not know (a pack may name its own). */
export const OTHER_ACCENT = '#57606a';

/** The accent of `category`. */
export function accentOf(category: string): string {
  return (CATEGORY_ACCENTS as Readonly<Record<string, string>>)[category] ?? OTHER_ACCENT;
}

/** How much of the accent the ink keeps; the rest is the text's own colour. */
export const ACCENT_SHARE = '70%';

/** CSS for the drawn colour of `accent`: mixed with `currentColor`, the colour of the text it goes with. */
export function inkOf(accent: string): string {
  return `color-mix(in srgb, ${accent} ${ACCENT_SHARE}, currentColor)`;
}

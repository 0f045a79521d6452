/**
 * Which of a category's two painted highlights a name gets: its own, or `<name>-light` for text
 * set in a light colour (highlight-engine.ts, `highlightName`). The text's colour is read after
 * the next rendered frame, when the page's style is computed: read at once, it made the browser
 * compute the style of a page that had just changed inside our task (425 ms on a log appended
 * as 30,000 spans). It is read once per element, and again when the page may have switched its
 * theme (theme-watch.ts), both ways: a name painted for dark text that the page turns light
 * would keep an underline mixed with its old colour.
 */
import { afterNextFrame } from './after-frame';
import { isWithinAny } from './dom-rules';
import { watchThemeChanges, type ThemeScope, type ThemeWatch } from './theme-watch';

/** Relative luminance above which text counts as light: #b4b4b4 and lighter, not a grey caption. */
const LIGHT_TEXT_LUMINANCE = 0.45;
/** The registry name's ending for light text. */
const LIGHT_SUFFIX = '-light';
/** Painted text nodes, spread over the page, whose colour tells whether a theme changed. */
const THEME_SAMPLE = 64;

/** The relative luminance of a computed `rgb()`/`rgba()` colour; undefined for any other form. */
export function luminanceOf(colour: string): number | undefined {
  const parts = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(colour);
  if (!parts) return undefined;
  const [r, g, b] = parts.slice(1, 4).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A painted name, as the sorter sees it. */
export interface ColourSorted {
  node: Text;
  /** Its registry name: the category's, with `LIGHT_SUFFIX` on light text. */
  layer: string;
  gone?: boolean;
}

export interface TextColourSorter<T extends ColourSorted> {
  /** `item` was just painted under its category's own name: sorted after the next frame. */
  painted(item: T): void;
  /** Nothing is painted any more: stops watching the page's theme. */
  stop(): void;
}

/**
 * Sorts what the engine paints, `byNode` (its painted names by text node); `move` puts an item
 * under another registry name.
 */
export function createTextColourSorter<T extends ColourSorted>(
  doc: Document,
  win: Window & typeof globalThis,
  byNode: ReadonlyMap<Text, readonly T[]>,
  move: (item: T, layer: string) => void,
): TextColourSorter<T> {
  /** Whether an element's text is set in a light colour, by element painted in. */
  let lightText = new WeakMap<Element, boolean>();
  /** Painted since the last look at their text's colour. */
  let unsorted: T[] = [];
  let theme: ThemeWatch | undefined;

  const readLight = (element: Element) =>
    (luminanceOf(win.getComputedStyle(element).color) ?? 0) > LIGHT_TEXT_LUMINANCE;

  function isLight(element: Element | null): boolean {
    if (!element) return false;
    let light = lightText.get(element);
    if (light === undefined) lightText.set(element, (light = readLight(element)));
    return light;
  }

  function sortNew(): void {
    const batch = unsorted;
    unsorted = [];
    for (const item of batch) if (!item.gone && isLight(item.node.parentElement)) move(item, item.layer + LIGHT_SUFFIX);
  }

  /**
   * The page may have switched its theme (`scope`: where, see ThemeScope). A sample of the
   * elements painted in there is read first, so that a class set for another reason (a header
   * that shrinks on scrolling) costs a few reads; if any changed, everything painted is sorted
   * again.
   */
  function themeChanged(scope: ThemeScope): void {
    const inScope = scope ? [...byNode.keys()].filter((node) => isWithinAny(node, scope)) : [...byNode.keys()];
    const stride = Math.ceil(inScope.length / THEME_SAMPLE);
    let changed = false;
    const fresh = new WeakMap<Element, boolean>();
    for (let index = 0; index < inScope.length; index += stride) {
      const element = inScope[index]!.parentElement;
      const known = element && lightText.get(element);
      // Not sorted yet (or no element): its sorting reads the colour anyway.
      if (!element || known === undefined) continue;
      const light = readLight(element);
      fresh.set(element, light);
      if (light !== known) {
        changed = true;
        break;
      }
    }
    if (!changed) return;
    lightText = fresh;
    for (const list of byNode.values()) {
      for (const item of list) {
        if (item.gone) continue;
        const own = item.layer.endsWith(LIGHT_SUFFIX) ? item.layer.slice(0, -LIGHT_SUFFIX.length) : item.layer;
        const layer = isLight(item.node.parentElement) ? own + LIGHT_SUFFIX : own;
        if (layer !== item.layer) move(item, layer);
      }
    }
  }

  return {
    painted(item) {
      theme ??= watchThemeChanges(doc, win, themeChanged);
      theme.follow(item.node);
      if (unsorted.push(item) === 1) afterNextFrame(win, sortNew);
    },
    stop() {
      theme?.stop();
      theme = undefined;
    },
  };
}

/**
 * Our style sheets where the manifest's CSS does not reach, or should not be all the time:
 * one constructed stylesheet adopted by each tree that needs it (no `<style>` element is
 * added to the page), and taken away again when highlights are switched off.
 *
 * - Open shadow roots: the manifest CSS styles the document only; marks inside a shadow tree
 *   get the same rules this way.
 * - The document, and a shadow root, for painted highlights: their `::highlight()` rules are
 *   adopted only while the highlight engine paints in that tree. Present all the time, they
 *   cost every page: Chromium resolves each rule's highlight style for every element on every
 *   style recalculation (a 76k-element page loaded 0.3–0.6 s later with them in the manifest
 *   CSS, unused).
 */

export interface AdoptedStyles {
  /**
   * Makes sure `root` has our sheet: adds it the first time, and again if the page has since
   * assigned the tree's `adoptedStyleSheets` wholesale (a framework that owns that list drops
   * ours with it, and no observer reports it). Cheap to call again for a tree that has it.
   */
  adopt(root: Document | ShadowRoot): void;
  /** Removes our sheet from every tree that got it. */
  release(): void;
}

/** Creates the adopter; does nothing where constructed stylesheets are unsupported. */
export function createAdoptedStyles(win: Window & typeof globalThis, css: string | undefined): AdoptedStyles {
  let sheet: CSSStyleSheet | undefined;
  const roots = new Set<Document | ShadowRoot>();
  return {
    adopt(root) {
      if (!css || !('adoptedStyleSheets' in root)) return;
      try {
        if (roots.has(root) && root.adoptedStyleSheets.includes(sheet!)) return;
        if (!sheet) {
          sheet = new win.CSSStyleSheet();
          sheet.replaceSync(css);
        }
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        roots.add(root);
      } catch {
        // Older engines: marks in this tree keep the browser's default <mark> look.
      }
    },
    release() {
      for (const root of roots) {
        try {
          root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // The tree is gone or frozen; nothing of ours is left to take back.
        }
      }
      roots.clear();
    },
  };
}

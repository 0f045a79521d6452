/**
 * Highlight styles inside open shadow roots. The content-script CSS in the manifest styles
 * the document only; marks inside a shadow tree get the same rules through one constructed
 * stylesheet adopted by each tree we draw into (no `<style>` element is added to the page),
 * and taken away again when highlights are switched off.
 */

export interface ShadowStyles {
  adopt(root: ShadowRoot): void;
  /** Removes our sheet from every tree that got it. */
  release(): void;
}

/** Creates the adopter; does nothing where constructed stylesheets are unsupported. */
export function createShadowStyles(win: Window & typeof globalThis, css: string | undefined): ShadowStyles {
  let sheet: CSSStyleSheet | undefined;
  const roots = new Set<ShadowRoot>();
  return {
    adopt(root) {
      if (!css || roots.has(root) || !('adoptedStyleSheets' in root)) return;
      try {
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

/**
 * A stand-in for the CSS Custom Highlight API, which jsdom lacks: `Highlight` is a set of
 * ranges and `CSS.highlights` a map of names, as in browsers (where both are setlike and
 * maplike). Enough to see what the highlight engine registers; nothing is painted.
 */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

type Writable = { Highlight?: unknown; CSS?: unknown };

/** Installs the fake on `win`; returns its registry and the function that removes it. */
export function installFakeHighlights(win: Window) {
  const w = win as unknown as Writable;
  const saved = { Highlight: w.Highlight, CSS: w.CSS };
  const registry = new Map<string, Set<AbstractRange>>();
  w.Highlight = FakeHighlight;
  w.CSS = { highlights: registry };
  return {
    registry,
    uninstall() {
      w.Highlight = saved.Highlight;
      w.CSS = saved.CSS;
    },
  };
}

/** The text of every range per registered name, in the order they were added. */
export function paintedText(registry: Map<string, Set<AbstractRange>>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, ranges] of registry) {
    result[name] = [...ranges].map((r) => {
      if (r.startContainer === r.endContainer) return (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
      return '?';
    });
  }
  return result;
}

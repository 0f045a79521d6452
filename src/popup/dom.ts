/** A tiny element builder for the popup. Text goes in as text nodes, never as HTML. */

type Attributes = Record<string, string | boolean | undefined>;

/**
 * Creates `<tag>` with attributes (true → present, false/undefined → absent) and children
 * (strings become text nodes).
 */
export function h(
  doc: Document,
  tag: string,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElement {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  el.append(...children);
  return el;
}

/** Sets an element's text only when it differs: unchanged words are not rewritten under a screen reader. */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

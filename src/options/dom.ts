/**
 * A small element builder for the editor. Text always goes in as text nodes (glossary text
 * is data: a note containing markup shows as those characters), attributes by setAttribute.
 */
export type Child = Node | string | number | null | undefined | false;
export type Attributes = Record<string, string | number | boolean | null | undefined>;

/** Creates `<tag>` in `doc` with attributes (false/null/undefined are left out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : parent.ownerDocument!.createTextNode(String(child)));
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.textContent = '';
  append(parent, ...children);
}

/** Sets a form control's error state: `aria-invalid`, and the message in its described-by element. */
export function setFieldError(control: HTMLElement, errorElement: HTMLElement, message: string | undefined): void {
  errorElement.textContent = message ?? '';
  errorElement.hidden = !message;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

/**
 * Focuses `target` if the keyboard lost its place: the button it pressed went away and focus
 * fell to the page's top. Focus the reader moved elsewhere meanwhile stays there.
 */
export function focusIfLost(doc: Document, target: HTMLElement | null | undefined): void {
  if (!doc.activeElement || doc.activeElement === doc.body) target?.focus();
}

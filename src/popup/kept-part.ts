/**
 * A part of the popup rebuilt only when what it shows changes. The popup renders after every
 * page report, and a live page reports again and again: a control rebuilt under the reader's
 * hand loses the click it was given (pressed on the old switch, released on the new one) and
 * closes the drop-down it had open.
 */
export interface KeptPart {
  /** The part as last built (a placeholder, in no document, before the first `show`). */
  readonly element: HTMLElement;
  /**
   * Builds the part with `build` and puts it in place of the last one, unless `key` (what the
   * part shows, as a string) is the last one's.
   */
  show(key: string, build: () => HTMLElement): void;
}

export function keptPart(doc: Document): KeptPart {
  let element: HTMLElement = doc.createElement('div');
  let shown: string | undefined;
  return {
    get element() {
      return element;
    },
    show(key, build) {
      if (key === shown) return;
      const next = build();
      element.replaceWith(next);
      element = next;
      shown = key;
    },
  };
}

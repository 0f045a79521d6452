/**
 * Focus that a key the reader pressed moves (Alt+Shift+J / K, Esc, Tab) is drawn with the
 * browser's focus ring even where the pointer was used before. A script's `focus()` gets
 * `:focus-visible` only when the element that had focus had it too, so after a click in the
 * tooltip the highlight that Alt+Shift+J reached showed no ring, and the reader lost their
 * place. `focusVisible` asks for the ring (Firefox 104, Chromium); a browser without it
 * ignores the option and keeps its own rule.
 */
export function focusByKeyboard(element: HTMLElement, preventScroll = false): void {
  element.focus({ preventScroll, focusVisible: true } as FocusOptions);
}

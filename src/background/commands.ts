/**
 * The extension's keyboard commands, named once for the manifest (wxt.config.ts), the
 * background that acts on them and the popup that shows their keys.
 */

/** Switches highlights on or off in every tab, as the popup's first switch does. */
export const TOGGLE_HIGHLIGHTS_COMMAND = 'toggle-highlights';

/**
 * Its key unless the reader chose another (chrome://extensions/shortcuts, or about:addons in
 * Firefox). H for highlights, beside the J and K that move between them; Alt+Shift+H is free in
 * Chrome, Firefox and the major screen readers.
 */
export const TOGGLE_HIGHLIGHTS_KEY = 'Alt+Shift+H';

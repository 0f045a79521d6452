/**
 * The extension's keyboard commands, named once for the manifest (wxt.config.ts), the
 * background that acts on them and the popup that shows their keys.
 */

/** Switches highlights on or off in every tab, as the popup's first switch does. */
export const TOGGLE_HIGHLIGHTS_COMMAND = 'toggle-highlights';

/**
 * Its key unless the reader chose another (chrome://extensions/shortcuts, or about:addons in
 * Firefox). H for highlights, beside the J and K that move between them; Alt+Shift+H is free in
 * Chrome and the major screen readers.
 */
export const TOGGLE_HIGHLIGHTS_KEY = 'Alt+Shift+H';

/**
 * Firefox's keys. On Windows and Linux, Alt with Shift and a letter there is taken by the
 * menu bar when the letter is one of its menus' (H is Help's, in English and Chinese alike;
 * the command never fired with the page focused) and by the page's own access keys (Alt+Shift
 * is Firefox's access-key modifier): Ctrl+Alt is neither. On macOS, Ctrl would be Command and
 * Command+Option+H hides the other apps, while menus have no Alt letters: Alt+Shift+H there.
 */
export const FIREFOX_TOGGLE_HIGHLIGHTS_KEYS = { default: 'Ctrl+Alt+H', mac: 'Alt+Shift+H' } as const;

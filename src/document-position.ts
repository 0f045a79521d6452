/**
 * `Node.DOCUMENT_POSITION_PRECEDING` and `_FOLLOWING`, the bits of `compareDocumentPosition`,
 * without the global `Node`: DOM code takes its document as a parameter (a frame's, jsdom's in
 * tests), whose realm's `Node` the module's global need not be.
 */
export const PRECEDING = 2;
export const FOLLOWING = 4;

/**
 * What the editor is asked to show, written by the background and read by the editor: one
 * place for both ends. A new editor gets it in its URL, an open one in a message
 * (`src/background/editor-opener.ts`).
 *
 * - `options.html#add=<text>`: the context menu's "Add to the glossary", a new entry prefilled
 *   with the selected text.
 * - `options.html#edit=<id>`: the tooltip's "Edit in the glossary", the entry opened in the form.
 *
 * The request travels in the fragment, which never leaves the browser.
 */
import { LIMITS, slugSchema } from './glossary/schema';

/** Longer selections are not names; the editor's term field has the same limit. */
const MAX_PREFILL = LIMITS.nameLength;

/** A new entry prefilled with selected text, or an entry of the glossary. */
export type EditorRequest = { add: string } | { edit: string };

/** The editor path that carries `request`. */
export function editorPathFor(request: EditorRequest): string {
  return 'add' in request ? editorPathForSelection(request.add) : editorPathForEntry(request.edit);
}

/** The request a location hash carries, checked as `prefillFromHash` and `entryIdFromHash` do. */
export function requestFromHash(hash: string): EditorRequest | undefined {
  const add = prefillFromHash(hash);
  if (add) return { add };
  const edit = entryIdFromHash(hash);
  return edit ? { edit } : undefined;
}

/** The editor's page, with no request. */
export const EDITOR_PATH = '/options.html';

/** The editor path that opens a new entry prefilled with `text`. */
export function editorPathForSelection(text: string): string {
  const term = text.replace(/\s+/g, ' ').trim().slice(0, MAX_PREFILL);
  return `${EDITOR_PATH}#add=${encodeURIComponent(term)}`;
}

/** The editor path that opens the entry `id` in the form. */
export function editorPathForEntry(id: string): string {
  return `${EDITOR_PATH}#edit=${encodeURIComponent(id)}`;
}

/** The fragment's value after `#<key>=`, decoded; undefined if it is another fragment or malformed. */
function fragmentValue(hash: string, key: string): string | undefined {
  const prefix = `#${key}=`;
  if (!hash.startsWith(prefix)) return undefined;
  try {
    return decodeURIComponent(hash.slice(prefix.length));
  } catch {
    return undefined;
  }
}

/** The term to prefill, from a location hash like `#add=%E8%BC%9D%E9%81%94`; undefined if none. */
export function prefillFromHash(hash: string): string | undefined {
  const text = fragmentValue(hash, 'add');
  if (text === undefined) return undefined;
  // Control characters never belong in a name; they become spaces like line breaks do.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const controlOrSpace = /[\u0000-\u001f\u007f\s]+/g;
  const term = text.replace(controlOrSpace, ' ').trim().slice(0, MAX_PREFILL);
  return term || undefined;
}

/** The entry id to open, from a location hash like `#edit=nvidia`; undefined unless it is a valid id. */
export function entryIdFromHash(hash: string): string | undefined {
  const id = fragmentValue(hash, 'edit');
  return id !== undefined && slugSchema.safeParse(id).success ? id : undefined;
}

/**
 * A request that came in a message, checked and cleaned as one in a URL would be: the same
 * text is prefilled and the same ids are opened either way.
 */
export function checkedRequest(request: EditorRequest): EditorRequest | undefined {
  const path = editorPathFor(request);
  return requestFromHash(path.slice(path.indexOf('#')));
}

/**
 * Opens the glossary editor at what the reader asked for: an entry ("Edit in the glossary" in a
 * tooltip) or a new entry prefilled with selected text (the context menu). The content script
 * cannot open an extension page itself (the editor is not exposed to web pages), so it asks the
 * background.
 *
 * An editor already open is used again, brought to the front, as the popup's "Open the
 * glossary editor" does (`runtime.openOptionsPage`): a reader who edits one entry after another
 * gets one editor, not a tab for each, one in the reader's own window first. An editor whose
 * form holds changes not yet saved is left alone, and the request opens a new tab instead, so
 * no half-written entry is lost.
 */
import { browser, type Browser } from 'wxt/browser';
import { checkedRequest, editorPathFor, type EditorRequest } from '../editor-url';
import { parseEditorTab, parseMessage, type Message } from '../messages';

/** Sends a message to the extension's open pages; undefined where none answered. */
const askEditors = (message: Message): Promise<unknown> => browser.runtime.sendMessage(message).catch(() => undefined);

/**
 * Shows `request` in an open editor that is free, and brings it to the front; false if none
 * took it. One in the reader's window (`windowId`) comes first: the reader stays where they
 * read, rather than being taken to another window that happens to hold an editor.
 */
async function showInOpenEditor(request: EditorRequest, windowId?: number): Promise<boolean> {
  // Two steps, because every open editor hears a message, but only the first answer returns:
  // the first free one names its tab, and only the editor in that tab acts on the request.
  const free =
    (windowId !== undefined && parseEditorTab(await askEditors({ type: 'editor-free', windowId }))) ||
    parseEditorTab(await askEditors({ type: 'editor-free' }));
  if (!free) return false;
  if ((await askEditors({ type: 'editor-show', tabId: free.tabId, request })) !== true) return false;
  // Shown already; a window closed meanwhile only leaves it behind.
  await browser.tabs.update(free.tabId, { active: true }).catch(() => undefined);
  await browser.windows.update(free.windowId, { focused: true }).catch(() => undefined);
  return true;
}

/** Opens the editor at `request`, in an open editor if one is free, otherwise in a new tab beside `from`. */
export async function openEditorFor(request: EditorRequest, from?: Browser.tabs.Tab): Promise<void> {
  const checked = checkedRequest(request);
  if (!checked || (await showInOpenEditor(checked, from?.windowId))) return;
  const url = browser.runtime.getURL(editorPathFor(checked) as '/options.html');
  if (from?.id !== undefined) {
    try {
      // Beside the page, and back to it when the editor's tab is closed.
      await browser.tabs.create({ url, windowId: from.windowId, openerTabId: from.id, index: from.index + 1 });
      return;
    } catch {
      // Chromium opens the pages of an extension that spans incognito only in regular windows,
      // so from a private window the editor cannot sit beside the page ("Tab opener must be in
      // the same window"): it opens in the reader's regular window instead.
    }
  }
  await browser.tabs.create({ url });
}

/** Listens for the tooltips' requests to open the editor. */
export function startEditorOpener(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    const message = parseMessage(raw);
    if (message?.type !== 'open-editor') return undefined;
    // A failure (the window closed meanwhile) has no one to tell; the reader can press again.
    void openEditorFor({ edit: message.id }, sender.tab).catch(() => {});
    // No reply: returning nothing leaves other listeners free to answer their messages.
    return undefined;
  });
}

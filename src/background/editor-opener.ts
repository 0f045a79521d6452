/**
 * "Edit in the glossary" in a tooltip: the content script cannot open an extension page itself
 * (the editor is not exposed to web pages), so it asks the background, which opens the
 * editor at the entry in a tab beside the page the reader was on.
 */
import { browser, type Browser } from 'wxt/browser';
import { editorPathForEntry } from '../editor-url';
import { parseMessage } from '../messages';

/** What an `open-editor` message does (exported for tests). */
export async function openEditorAt(id: string, from: Browser.tabs.Tab | undefined): Promise<void> {
  const url = browser.runtime.getURL(editorPathForEntry(id) as '/options.html');
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
    void openEditorAt(message.id, sender.tab).catch(() => {});
    // No reply: returning nothing leaves other listeners free to answer their messages.
    return undefined;
  });
}

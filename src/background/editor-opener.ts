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
  await browser.tabs.create({
    url: browser.runtime.getURL(editorPathForEntry(id) as '/options.html'),
    // Beside the page, and back to it when the editor's tab is closed.
    ...(from?.id !== undefined && { openerTabId: from.id, index: from.index + 1 }),
  });
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

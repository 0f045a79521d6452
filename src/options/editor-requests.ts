/**
 * An open editor answers the background's requests to show an entry (`editor-opener.ts`), so a
 * reader who edits one entry after another from the pages they read keeps one editor. It
 * answers only while its form holds nothing unsaved; otherwise the background opens a new one.
 */
import { browser, type Browser } from 'wxt/browser';
import { checkedRequest } from '../editor-url';
import { parseMessage, type EditorTab } from '../messages';
import type { RunningEditor } from './editor-app';

/** Starts answering; returns what stops it. */
export function answerEditorRequests(editor: RunningEditor): () => void {
  // The tab's id never changes, so it is read once; its window can (a dragged tab), so that is
  // read when asked.
  let ownTabId: number | undefined;
  const ownTab = () => browser.tabs.getCurrent();
  void ownTab().then((tab) => (ownTabId = tab?.id));

  const listener = (raw: unknown): Promise<EditorTab | true | undefined> | undefined => {
    const message = parseMessage(raw);
    // Answers are given only where this editor takes the request: the background hears the
    // first answer of all the extension's pages, so a "no" from here could hide another's "yes".
    if (message?.type === 'editor-free') {
      if (ownTabId === undefined || editor.hasUnsavedChanges()) return undefined;
      const wanted = message.windowId;
      // Asked for one in the reader's window: an editor elsewhere stays silent, as a busy one does.
      return ownTab().then((tab) => (wanted === undefined || tab?.windowId === wanted ? tabOf(tab) : undefined));
    }
    if (message?.type === 'editor-show' && message.tabId === ownTabId && !editor.hasUnsavedChanges()) {
      const request = checkedRequest(message.request);
      if (!request) return undefined;
      editor.show(request);
      return Promise.resolve(true as const);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

function tabOf(tab: Browser.tabs.Tab | undefined): EditorTab | undefined {
  return tab?.id !== undefined && tab.windowId !== undefined ? { tabId: tab.id, windowId: tab.windowId } : undefined;
}

/**
 * "Add “%s” to the ColumnLens glossary" on selected text: opens the editor with a new
 * entry whose term is the selection (`editor-opener.ts`: an open editor if one is free, or a
 * new one whose URL fragment, `options.html#add=…`, carries the text; it never leaves the
 * browser).
 */
import { browser, type Browser } from 'wxt/browser';
import { openEditorFor } from './editor-opener';

export const ADD_SELECTION_MENU_ID = 'columnlens-add-selection';

/** What a click on the menu item does (exported for tests: native menus cannot be clicked headless). */
export async function handleMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId !== ADD_SELECTION_MENU_ID || !info.selectionText?.trim()) return;
  await openEditorFor({ add: info.selectionText }, tab);
}

/** Registers the menu item (menus persist, so only on install/update) and its click handler. */
export function startContextMenu(): void {
  browser.runtime.onInstalled.addListener(async () => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({
      id: ADD_SELECTION_MENU_ID,
      // Chrome and Firefox put the selection where the title says %s.
      title: browser.i18n.getMessage('editorContextMenuAdd'),
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void handleMenuClick(info, tab));
}

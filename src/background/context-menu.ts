/**
 * "Add “%s” to the ColumnLens glossary" on selected text: opens the editor with a new
 * entry whose term is the selection. The text travels in the editor URL's fragment
 * (`options.html#add=…`), which never leaves the browser.
 */
import { browser, type Browser } from 'wxt/browser';
import { editorPathForSelection } from '../editor-url';

export const ADD_SELECTION_MENU_ID = 'columnlens-add-selection';

/** What a click on the menu item does (exported for tests: native menus cannot be clicked headless). */
export async function handleMenuClick(info: Browser.contextMenus.OnClickData): Promise<void> {
  if (info.menuItemId !== ADD_SELECTION_MENU_ID || !info.selectionText?.trim()) return;
  await browser.tabs.create({
    url: browser.runtime.getURL(editorPathForSelection(info.selectionText) as '/options.html'),
  });
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
  browser.contextMenus.onClicked.addListener((info) => void handleMenuClick(info));
}

/**
 * "Add “%s” to the ColumnLens glossary" on selected text: opens the editor with a new
 * entry whose term is the selection (`editor-opener.ts`: an open editor if one is free, or a
 * new one whose URL fragment, `options.html#add=…`, carries the text; it never leaves the
 * browser).
 */
import { browser, type Browser } from 'wxt/browser';
import { parseSettings, readSettings, settingsItem } from '../settings/settings';
import { openEditorFor } from './editor-opener';
import { readerTranslator } from './reader-translator';

export const ADD_SELECTION_MENU_ID = 'columnlens-add-selection';

/** What a click on the menu item does (exported for tests: native menus cannot be clicked headless). */
export async function handleMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId !== ADD_SELECTION_MENU_ID || !info.selectionText?.trim()) return;
  await openEditorFor({ add: info.selectionText }, tab);
}

/**
 * The item's title in the reader's language (`browser.i18n` gives only the browser's: a reader
 * who chose 简体中文 in an English browser read the menu in English beside a popup and tooltips
 * in Chinese). Chrome and Firefox put the selection where the title says %s.
 */
const menuTitle = (settings: Parameters<typeof readerTranslator>[0]) =>
  readerTranslator(settings)('editorContextMenuAdd');

/**
 * Registers the menu item (menus persist, so only on install/update) and its click handler,
 * and names it again when the reader chooses another language.
 */
export function startContextMenu(): void {
  browser.runtime.onInstalled.addListener(async () => {
    const settings = await readSettings().catch(() => undefined);
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: ADD_SELECTION_MENU_ID, title: menuTitle(settings), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void handleMenuClick(info, tab));
  settingsItem.watch((value, old) => {
    const settings = parseSettings(value);
    if (old && parseSettings(old).language === settings.language) return;
    // Before the item exists (the install still under way) there is nothing to rename.
    browser.contextMenus.update(ADD_SELECTION_MENU_ID, { title: menuTitle(settings) }).catch(() => undefined);
  });
}

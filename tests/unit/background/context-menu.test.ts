/**
 * The context menu's "Add “%s” to the ColumnLens glossary" speaks the reader's language, the
 * one chosen in settings, as the popup and the tooltips do, not only the browser's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ADD_SELECTION_MENU_ID, startContextMenu } from '../../../src/background/context-menu';
import { DEFAULT_SETTINGS, settingsItem } from '../../../src/settings/settings';

/** The fake browser draws no menus: what was asked of it, by item id, stands in. */
function recordMenus(): Map<string, { title?: string; contexts?: string[] }> {
  const items = new Map<string, { title?: string; contexts?: string[] }>();
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => items.clear());
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((properties) => {
    items.set(String(properties.id), { title: properties.title, contexts: properties.contexts as string[] });
    return String(properties.id);
  });
  vi.spyOn(fakeBrowser.contextMenus, 'update').mockImplementation(async (id, properties) => {
    const item = items.get(String(id));
    if (!item) throw new Error(`no item ${String(id)}`);
    Object.assign(item, { title: properties.title });
  });
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  return items;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the context menu item', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('is titled in the language chosen in settings when installed, and again when it changes', async () => {
    const items = recordMenus();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'zh-Hans' });
    startContextMenu();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect(items.get(ADD_SELECTION_MENU_ID)).toEqual({ title: '将“%s”加入 ColumnLens 词库', contexts: ['selection'] });

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'zh-Hant' });
    await vi.waitFor(() => expect(items.get(ADD_SELECTION_MENU_ID)?.title).toBe('將「%s」加入 ColumnLens 詞庫'));
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en' });
    await vi.waitFor(() => expect(items.get(ADD_SELECTION_MENU_ID)?.title).toBe('Add “%s” to the ColumnLens glossary'));
  });

  it('is not renamed by a change of another setting', async () => {
    const items = recordMenus();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'zh-Hant' });
    startContextMenu();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    await settle();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'zh-Hant', enabled: false });
    await settle();
    expect(fakeBrowser.contextMenus.update).not.toHaveBeenCalled();
    expect(items.get(ADD_SELECTION_MENU_ID)?.title).toBe('將「%s」加入 ColumnLens 詞庫');
  });
});

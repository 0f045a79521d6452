import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMenuClick } from '../../../src/background/context-menu';
import { startEditorOpener } from '../../../src/background/editor-opener';

/** A message as a content script in tab 7 (the third tab of its window) sends it. */
const fromTab = (message: unknown) =>
  fakeBrowser.runtime.onMessage.trigger(
    message,
    { tab: { id: 7, index: 2, windowId: 3 } as Browser.tabs.Tab, frameId: 0 },
    () => {},
  );

/**
 * The extension's open pages as the background reaches them: `answer` gives each message's
 * first answer, as `runtime.sendMessage` resolves it (undefined where none answered).
 */
function openPages(answer: (message: { type: string }) => unknown) {
  const sent: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push(message);
    return answer(message as { type: string });
  });
  return sent;
}

/** No extension page is open: Chromium refuses the message. */
const noPages = () =>
  vi
    .spyOn(fakeBrowser.runtime, 'sendMessage')
    .mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));

describe('"Edit in the glossary" from a tooltip', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    startEditorOpener();
  });
  afterEach(() => vi.restoreAllMocks());

  it('opens the editor at the entry, in a tab beside the page, and answers nothing', async () => {
    noPages();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const replies = await fromTab({ type: 'open-editor', id: 'nvidia-h20' });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]).toEqual({
      url: fakeBrowser.runtime.getURL('/options.html#edit=nvidia-h20'),
      windowId: 3,
      openerTabId: 7,
      index: 3,
    });
    // Other listeners (the badge's, the glossary's) stay free to answer their own messages.
    expect(replies).toEqual([undefined]);
  });

  it('opens it in a tab of its own when the request came from no tab', async () => {
    noPages();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'open-editor', id: 'gpu' }, {}, () => {});
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]).toEqual({ url: fakeBrowser.runtime.getURL('/options.html#edit=gpu') });
  });

  it('opens it in a tab of its own where it cannot open beside the page (a private window in Chromium)', async () => {
    noPages();
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (properties) => {
      // What Chromium answers for a page in an incognito window: the editor's tab would be in a regular one.
      if (properties.openerTabId !== undefined)
        throw new Error('Tab opener must be in the same window as the updated tab.');
      return { id: 9, index: 0 } as Browser.tabs.Tab;
    });
    await fromTab({ type: 'open-editor', id: 'nvidia' });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(create.mock.calls[1]![0]).toEqual({ url: fakeBrowser.runtime.getURL('/options.html#edit=nvidia') });
  });

  it('shows the entry in an open editor that is free, brings its tab and window to the front, and opens no tab', async () => {
    const sent = openPages((message) =>
      message.type === 'editor-free' ? { tabId: 12, windowId: 4 } : message.type === 'editor-show' ? true : undefined,
    );
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const activate = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue(undefined);
    const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue(undefined);
    await fromTab({ type: 'open-editor', id: 'nvidia' });
    await vi.waitFor(() => expect(focus).toHaveBeenCalledWith(4, { focused: true }));
    expect(activate).toHaveBeenCalledWith(12, { active: true });
    expect(sent).toEqual([
      { type: 'editor-free', windowId: 3 },
      { type: 'editor-show', tabId: 12, request: { edit: 'nvidia' } },
    ]);
    expect(create).not.toHaveBeenCalled();
  });

  it('takes a free editor in the reader’s own window first, and one in another window only if none is free there', async () => {
    // Open editors: a free one in window 4, and in window 3 (the reader's) one that is free or not.
    for (const [ownFree, shown, window] of [
      [true, 15, 3],
      [false, 12, 4],
    ] as const) {
      vi.restoreAllMocks();
      const sent = openPages((message) => {
        const { type, windowId } = message as { type: string; windowId?: number };
        if (type === 'editor-show') return true;
        if (type !== 'editor-free') return undefined;
        if (windowId === 3) return ownFree ? { tabId: 15, windowId: 3 } : undefined;
        return ownFree ? { tabId: 15, windowId: 3 } : { tabId: 12, windowId: 4 };
      });
      vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue(undefined);
      const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue(undefined);
      await fromTab({ type: 'open-editor', id: 'nvidia' });
      await vi.waitFor(() => expect(focus).toHaveBeenCalledWith(window, { focused: true }));
      expect(sent).toEqual([
        { type: 'editor-free', windowId: 3 },
        ...(ownFree ? [] : [{ type: 'editor-free' }]),
        { type: 'editor-show', tabId: shown, request: { edit: 'nvidia' } },
      ]);
    }
  });

  it('opens a new tab when no open editor is free, or the free one does not show it', async () => {
    for (const answer of [
      // Every editor holds unsaved changes: none answers.
      () => undefined,
      // One was free, but the reader started typing before it was asked to show the entry.
      (message: { type: string }) => (message.type === 'editor-free' ? { tabId: 12, windowId: 4 } : undefined),
      // An answer that is not a tab.
      () => ({ tabId: 'twelve' }),
    ]) {
      vi.restoreAllMocks();
      openPages(answer);
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      const activate = vi.spyOn(fakeBrowser.tabs, 'update');
      await fromTab({ type: 'open-editor', id: 'nvidia' });
      await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
      expect(create.mock.calls[0]![0].url).toBe(fakeBrowser.runtime.getURL('/options.html#edit=nvidia'));
      expect(activate).not.toHaveBeenCalled();
    }
  });

  it('opens nothing for other or malformed messages', async () => {
    const sent = openPages(() => undefined);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fromTab({ type: 'reveal-entry', id: 'nvidia' });
    await fromTab({ type: 'open-editor' });
    await fromTab({ type: 'open-editor', id: 42 });
    await fromTab({ type: 'open-editor', id: 'x'.repeat(65) });
    await fromTab('open-editor');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(create).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });
});

describe('"Add to the glossary" from the context menu', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  const click = (selectionText: string | undefined, menuItemId = 'columnlens-add-selection') =>
    handleMenuClick(
      { menuItemId, selectionText, editable: false } as Browser.contextMenus.OnClickData,
      { id: 7, index: 2, windowId: 3 } as Browser.tabs.Tab,
    );

  it('shows the selection, cleaned as a name, in an open editor that is free', async () => {
    const sent = openPages((message) =>
      message.type === 'editor-free' ? { tabId: 12, windowId: 4 } : message.type === 'editor-show' ? true : undefined,
    );
    vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue(undefined);
    await click('  Zhipu\n\tQingyan  ');
    expect(sent.at(-1)).toEqual({ type: 'editor-show', tabId: 12, request: { add: 'Zhipu Qingyan' } });
  });

  it('otherwise opens the editor prefilled, beside the page', async () => {
    noPages();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await click('智譜');
    expect(create.mock.calls[0]![0]).toEqual({
      url: fakeBrowser.runtime.getURL(`/options.html#add=${encodeURIComponent('智譜')}`),
      windowId: 3,
      openerTabId: 7,
      index: 3,
    });
  });

  it('does nothing for a blank selection or another menu item', async () => {
    const sent = openPages(() => undefined);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await click('   ');
    await click(undefined);
    await click('Zhipu', 'another-item');
    expect(sent).toEqual([]);
    expect(create).not.toHaveBeenCalled();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEditorOpener } from '../../../src/background/editor-opener';

/** A message as a content script in tab 7 (the third tab of its window) sends it. */
const fromTab = (message: unknown) =>
  fakeBrowser.runtime.onMessage.trigger(
    message,
    { tab: { id: 7, index: 2, windowId: 3 } as Browser.tabs.Tab, frameId: 0 },
    () => {},
  );

describe('"Edit in the glossary" from a tooltip', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    startEditorOpener();
  });
  afterEach(() => vi.restoreAllMocks());

  it('opens the editor at the entry, in a tab beside the page, and answers nothing', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const replies = await fromTab({ type: 'open-editor', id: 'nvidia-h20' });
    expect(create).toHaveBeenCalledTimes(1);
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
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'open-editor', id: 'gpu' }, {}, () => {});
    expect(create.mock.calls[0]![0]).toEqual({ url: fakeBrowser.runtime.getURL('/options.html#edit=gpu') });
  });

  it('opens it in a tab of its own where it cannot open beside the page (a private window in Chromium)', async () => {
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

  it('opens nothing for other or malformed messages', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fromTab({ type: 'reveal-entry', id: 'nvidia' });
    await fromTab({ type: 'open-editor' });
    await fromTab({ type: 'open-editor', id: 42 });
    await fromTab({ type: 'open-editor', id: 'x'.repeat(65) });
    await fromTab('open-editor');
    expect(create).not.toHaveBeenCalled();
  });
});

/**
 * "Add “%s” to the ColumnLens glossary". A native context menu cannot be clicked in
 * headless Chromium, so the test checks that the item is registered, then fires the
 * menu's click event in the service worker (Chromium's `onClicked.dispatch`), which runs
 * the real listener: it must open the editor with a new entry named after the selection.
 */
import { describe, expect, it } from 'vitest';
import { openEditor } from './fixtures/editor-helpers';
import { chromiumSuite } from './harness/suite';

// The parts of the worker's global this test touches.
declare const chrome: {
  contextMenus: {
    update(id: string, props: object): Promise<void>;
    onClicked: { dispatch(info: object, tab?: object): void };
  };
};

describe('the context-menu item', () => {
  const suite = chromiumSuite();
  it('is registered on install', async () => {
    // onInstalled runs just after the worker starts; give it a moment rather than racing it.
    const probe = (id: string) =>
      suite.browser.serviceWorker.evaluate(
        (menuId) =>
          chrome.contextMenus.update(menuId, {}).then(
            () => 'exists',
            (e: Error) => e.message,
          ),
        id,
      );
    const deadline = Date.now() + 10_000;
    let ours = await probe('columnlens-add-selection');
    while (ours !== 'exists' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      ours = await probe('columnlens-add-selection');
    }
    expect(ours).toBe('exists');
    expect(await probe('no-such-item')).toContain('Cannot find menu item');
  });

  /** Fires the menu item's click on `selectionText` and returns the editor it opens, once its form shows. */
  const chooseAddOn = async (selectionText: string) => {
    const opened = suite.browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('options.html') });
    await suite.browser.serviceWorker.evaluate(
      (text) =>
        chrome.contextMenus.onClicked.dispatch(
          {
            menuItemId: 'columnlens-add-selection',
            selectionText: text,
            editable: false,
            pageUrl: 'https://example.com/',
          },
          { id: -1 },
        ),
      selectionText,
    );
    const editor = await opened;
    await editor.waitForSelector('#field-term');
    return editor;
  };

  it('opens the editor with a new entry named after the selection', async () => {
    const editor = await chooseAddOn('  Zhipu\nQingyan  ');
    expect(await editor.inputValue('#field-term')).toBe('Zhipu Qingyan');
    expect(await editor.textContent('#form-heading')).toBe('New entry');
    // The fragment is consumed, so a reload does not open a second new entry.
    expect(new URL(editor.url()).hash).toBe('');
    expect(await editor.textContent('[data-testid="status-message"]')).toContain('Zhipu Qingyan');
    // Closed: an editor left open and untouched would take the next request itself.
    await editor.close();
  });

  it('opens the entry a selected name already belongs to, rather than a new entry', async () => {
    const editor = await chooseAddOn('英伟达');
    expect(await editor.textContent('#form-heading')).toBe('Edit “Nvidia”');
    expect(await editor.inputValue('#field-term')).toBe('輝達');
    expect(await editor.textContent('[data-testid="status-message"]')).toContain('英伟达');
    expect(await editor.getAttribute('[data-testid="entry-row"][aria-current="true"]', 'data-key')).toMatch(
      /\/nvidia$/,
    );
    await editor.close();
  });

  it('prefills from the URL and treats the text as text', async () => {
    const hostile = '<script>alert(1)</script>';
    const editor = await openEditor(suite.browser, `#add=${encodeURIComponent(hostile)}`);
    expect(await editor.inputValue('#field-term')).toBe(hostile);
    expect(await editor.locator('script:not([type="module"])').count()).toBe(0);
  });
});

// @vitest-environment jsdom
/**
 * "Follow the browser" resolves from one source everywhere: the reader's first language for
 * pages. Firefox's interface language can differ from it (an English Firefox with Traditional
 * Chinese first for pages), and the tooltip followed one while the popup and editor followed
 * the other, naming Nvidia 輝達 in one and Nvidia in the other.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserLanguageTag } from '../../../src/i18n/browser-language';
import { readerLanguage } from '../../../src/options/ui-language';
import { browserPopupDependencies } from '../../../src/popup/browser-dependencies';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('the browser language for "follow the browser"', () => {
  it('is the first language for pages, not the interface language', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-TW');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    expect(browserLanguageTag()).toBe('zh-TW');
    // The editor and the popup resolve "auto" from it, as the content script does.
    expect(await readerLanguage()).toBe('zh-Hant');
    expect(browserPopupDependencies({} as Document, '').browserLanguage).toBe('zh-TW');
  });

  it('reads the navigator it is given', () => {
    expect(browserLanguageTag({ language: 'zh-CN' })).toBe('zh-CN');
  });
});

/**
 * The toolbar button's title where no page has set one (a new tab, chrome:// pages) is the
 * extension's name in the browser's language, as the manifest asks, not the popup document's
 * title that WXT would put there ("ColumnLens" alone).
 */
import { describe, expect, it } from 'vitest';
import { chromiumSuite } from './harness/suite';

declare const chrome: { action: { getTitle(details: object): Promise<string> } };

describe('the toolbar button’s default title', () => {
  // A Chromium whose interface is in Traditional Chinese.
  const suite = chromiumSuite({ args: ['--lang=zh-TW'] });

  it('is the name in the browser’s language', async () => {
    expect(await suite.browser.serviceWorker.evaluate(() => chrome.action.getTitle({}))).toBe('ColumnLens 專欄透鏡');
  });
});

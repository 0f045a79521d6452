/**
 * A page that arrives slowly, in parts: the content script reads it while it is parsed
 * (highlights appear with the text, before the page has finished loading), never reads text
 * the parser is still adding to (a name cut in two by the network is highlighted whole),
 * and leaves the page exactly as a load without highlights builds it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium';
import { startServer, type TestServer } from './harness/server';
import { marksIn, noMarks, settledMarks, writeSettings } from './highlight-helpers';

const PAUSE_MS = 2_000;
const paragraphs = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => `<p id="p${from + k}">第${from + k}段：輝達與月之暗面，Nvidia and Moonshot AI.</p>`).join('');
const PARTS = [
  `<!doctype html><html><head><meta charset="utf-8"><title>Streaming</title></head><body>${paragraphs(0, 10)}<p id="split">Analysts said 輝`,
  `達 and 英伟达 were named.</p>${paragraphs(10, 20)}`,
  `${paragraphs(20, 30)}</body></html>`,
];
const PER_PARAGRAPH: [string, string][] = [
  ['nvidia', '輝達'],
  ['moonshot-ai', '月之暗面'],
  ['nvidia', 'Nvidia'],
  ['moonshot-ai', 'Moonshot AI'],
];

describe('a page read while it streams in', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchWithExtension(), startServer()]);
    url = server.setStreamedPage('streaming', PARTS, PAUSE_MS);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Loads the page and waits for its last part. */
  async function load(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    return page;
  }

  it('highlights the parts that have arrived before the page has loaded, and a name cut in two whole', { timeout: 60_000 }, async () => {
    const page = await load();
    // Highlights in the first part while the rest is still on its way.
    const early = await page.waitForFunction(
      () =>
        document.querySelector('#p0 mark[data-glossary-id]') && {
          loading: document.readyState === 'loading',
          split: document.getElementById('split')?.textContent,
          splitMarks: document.querySelectorAll('#split mark').length,
        },
      null,
      { timeout: 2 * PAUSE_MS, polling: 50 },
    );
    const seen = (await early.jsonValue()) as { loading: boolean; split?: string; splitMarks: number };
    expect(seen.loading).toBe(true);
    // The last text the parser had was not read: its name's second half had not arrived.
    if (seen.split === 'Analysts said 輝') expect(seen.splitMarks).toBe(0);
    await page.waitForFunction(() => document.readyState === 'complete', null, { timeout: 4 * PAUSE_MS });
    await settledMarks(page, 30 * 4 + 2);
    expect(await marksIn(page, '#split')).toEqual([
      ['nvidia', '輝達'],
      ['nvidia', '英伟达'],
    ]);
    for (const i of [0, 9, 10, 19, 20, 29]) expect(await marksIn(page, `#p${i}`)).toEqual(PER_PARAGRAPH);
    expect(await marksIn(page)).toHaveLength(30 * 4 + 2);
    await page.close();
  });

  it('switched off, the page is as a load without highlights builds it', { timeout: 60_000 }, async () => {
    const page = await load();
    await page.waitForFunction(() => document.readyState === 'complete', null, { timeout: 4 * PAUSE_MS });
    await settledMarks(page, 30 * 4 + 2);
    await writeSettings(browser.serviceWorker, { enabled: false });
    await noMarks(page);
    const reference = await load();
    await reference.waitForFunction(() => document.readyState === 'complete', null, { timeout: 4 * PAUSE_MS });
    const pristine = await reference.evaluate(() => document.documentElement.outerHTML);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(pristine);
    expect(await reference.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);
    await writeSettings(browser.serviceWorker, { enabled: true });
    await page.close();
    await reference.close();
  });
});

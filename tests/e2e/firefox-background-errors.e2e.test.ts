/**
 * The Firefox sweep's view of the background's errors (tests/bench/lib/firefox-background-errors.ts),
 * with a copy of the Firefox build whose background also throws: once as it starts, and on
 * request from an add-on page (an uncaught exception and an unhandled rejection). The real
 * background is left as it is; the copy only adds to its end.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchBackgroundErrors, type BackgroundErrors } from '../bench/lib/firefox-background-errors';
import { FIREFOX_BUILD, launchFirefoxWithExtension, type FirefoxWithExtension } from './harness/firefox';
import { startServer, type TestServer } from './harness/server';

const THROWING_BACKGROUND = `
;setTimeout(() => { throw new Error('thrown as the background started'); });
browser.runtime.onMessage.addListener((message) => {
  if (message !== 'columnlens-test-throw') return;
  setTimeout(() => { throw new Error('thrown on request'); });
  Promise.reject(new Error('rejected on request'));
});
`;

// The WebExtension global of the add-on's pages, as far as this file uses it.
declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describe('background errors in Firefox', () => {
  let dir: string;
  let firefox: FirefoxWithExtension;
  let server: TestServer;
  let errors: BackgroundErrors;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'columnlens-throwing-'));
    cpSync(FIREFOX_BUILD, dir, { recursive: true });
    appendFileSync(join(dir, 'background.js'), THROWING_BACKGROUND);
    server = await startServer();
    firefox = await launchFirefoxWithExtension({ extensionPath: dir });
    errors = await watchBackgroundErrors(firefox.browser);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Takes errors until `count` have come (they arrive from another process), then a moment more. */
  async function takeAtLeast(count: number): Promise<string[]> {
    const taken: string[] = [];
    for (let tries = 0; taken.length < count && tries < 50; tries++) {
      taken.push(...(await errors.take()));
      if (taken.length < count) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    return [...taken, ...(await errors.take())];
  }

  it('sees what the background threw as it started, before the watch began', async () => {
    const taken = await takeAtLeast(1);
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatch(
      /^background error: .*thrown as the background started \(moz-extension:\/\/.*background\.js:\d+\)$/,
    );
  });

  it('sees uncaught exceptions and unhandled rejections, and each take empties the list', async () => {
    const page = await firefox.openExtensionPage('options.html');
    await page.evaluate(() => browser.runtime.sendMessage('columnlens-test-throw').catch(() => undefined));
    const taken = await takeAtLeast(2);
    expect(taken.map((error) => error.replace(/ \(.*\)$/, '')).sort()).toEqual([
      'background error: Error: rejected on request',
      'background error: Error: thrown on request',
    ]);
    expect(await errors.take()).toEqual([]);
    await page.close();
  });

  it('leaves out a page’s own errors, which are not the add-on’s', async () => {
    const url = server.setPage(
      'throws',
      '<!doctype html><p>Nvidia</p><script>setTimeout(() => { throw new Error("the page’s"); });</script>',
    );
    const page = await firefox.open(url);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await errors.take()).toEqual([]);
    await page.close();
  });
});

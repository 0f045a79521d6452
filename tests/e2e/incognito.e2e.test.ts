/**
 * ColumnLens in an incognito window of Chromium, where the reader allowed it to run: the page
 * is highlighted, and "Edit in the glossary" opens the editor at the entry. Chromium shows
 * the pages of an extension that spans incognito only in regular windows, so the editor
 * opens there, not beside the private page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayName } from '../../src/glossary/entry-names';
import { launchUnwatched, type UnwatchedChromium } from './harness/chromium-unwatched';
import { middleOfPart } from './harness/in-page';
import { pollUntil } from './harness/poll';
import { startServer, type TestServer } from './harness/server';

// The parts of the worker's global this file touches.
declare const chrome: {
  windows: { create(data: { incognito: boolean; url: string }): Promise<{ tabs?: { id?: number }[] }> };
  tabs: { query(query: object): Promise<{ incognito: boolean; url?: string }[]> };
};

const pack = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../glossary/ai-rush-china.json'), 'utf8')) as {
  entries: { id: string; term: string; names?: Record<string, string> }[];
};

describe('ColumnLens in an incognito window of Chromium', () => {
  // The reader's clicks must be the browser's own: the editor opens only for trusted ones.
  let browser: UnwatchedChromium;
  let server: TestServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchUnwatched(undefined, { allowIncognito: true }), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights the page, and “Edit in the glossary” opens the editor at the entry in a regular window', async () => {
    const article = `${server.origin}/fixtures/ui-article.html`;
    await browser.inWorker((url) => chrome.windows.create({ incognito: true, url }).then(() => true), article);
    const page = await pollUntil(
      async () => ((await browser.pageUrls()).includes(article) ? browser.attachPage((url) => url === article) : null),
      (found) => found !== null,
      { timeoutMs: 10_000 },
    );
    const nvidia = { css: '#first mark[data-glossary-id="nvidia"]', inTooltip: false };
    const mark = await pollUntil(
      () => page!.evaluate(middleOfPart, nvidia),
      (at) => at !== null,
      { timeoutMs: 10_000 },
    );
    expect(mark).not.toBeNull();

    await page!.moveMouse(mark!.x, mark!.y);
    const edit = await pollUntil(
      () => page!.evaluate(middleOfPart, { css: '.edit-entry', inTooltip: true }),
      (at) => at !== null,
    );
    expect(edit).not.toBeNull();
    await page!.moveMouse(edit!.x, edit!.y);
    await page!.click(edit!.x, edit!.y);

    // The editor, its #edit= fragment consumed, in a tab of a regular window.
    const editorUrl = await pollUntil(
      async () => (await browser.pageUrls()).find((url) => url.includes('/options.html')),
      (url) => url !== undefined && !url.includes('#'),
      { timeoutMs: 10_000 },
    );
    expect(editorUrl).toMatch(/^chrome-extension:\/\/[a-p]{32}\/options\.html$/);
    const tabs = await browser.inWorker(() => chrome.tabs.query({}), null);
    expect(tabs.filter((tab) => tab.url === editorUrl).map((tab) => tab.incognito)).toEqual([false]);
    const editor = await browser.attachPage((url) => url === editorUrl);
    const form = await pollUntil(
      () =>
        editor.evaluate(
          () => ({
            heading: document.querySelector('#form-heading')?.textContent ?? null,
            term: document.querySelector<HTMLInputElement>('#field-term')?.value ?? null,
          }),
          null,
        ),
      (shown) => shown.term !== null,
    );
    const entry = pack.entries.find((e) => e.id === 'nvidia')!;
    expect(form).toEqual({ heading: `Edit “${displayName(entry, 'en')}”`, term: entry.term });
  });
});

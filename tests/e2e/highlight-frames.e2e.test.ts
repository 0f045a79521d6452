/**
 * Open shadow roots and same-origin frames (a normal one, a srcdoc one and an about:blank one
 * filled by the page's script) are highlighted, styled, and restored when switched off. A frame
 * the reader cannot see (hidden, or far below the view) is read once it is shown near the view.
 */
import type { Frame, Page, Worker } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { marksIn, noMarks, settledMarks, writeSettings } from './highlight-helpers';
import { pollUntil } from './harness/poll';
import { chromiumSuite } from './harness/suite';

declare const chrome: {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: { query(query: object): Promise<{ id?: number }[]> };
};

/** The badge of the active tab once `wanted` holds (or the last one seen). */
const activeBadge = (worker: Worker, wanted: (text: string) => boolean) =>
  pollUntil(
    () =>
      worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return chrome.action.getBadgeText({ tabId: tab!.id! });
      }),
    wanted,
  );

describe('highlights in shadow roots and frames', () => {
  const suite = chromiumSuite();
  let page: Page;

  beforeAll(async () => {
    page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/fixtures/highlight-frames.html`);
    await settledMarks(page, 1);
  });

  async function frameById(id: string): Promise<Frame> {
    const handle = await page.$(`#${id}`);
    const f = await handle!.contentFrame();
    if (!f) throw new Error(`no frame #${id}`);
    return f;
  }

  it('highlights inside an open shadow root, with the highlight styles', async () => {
    const inShadow = await page.evaluate(() => {
      const root = document.getElementById('open-host')!.shadowRoot!;
      const marks = [...root.querySelectorAll('mark[data-glossary-id]')];
      return {
        marks: marks.map((m) => [m.getAttribute('data-glossary-id'), m.textContent]),
        underline: getComputedStyle(marks[0]!).textDecorationLine,
        sheets: root.adoptedStyleSheets.length,
        // Marks only: the painted highlights' rules would cost every element of the tree a
        // style per rule, and nothing is painted here.
        paintedRules: root.adoptedStyleSheets.some((sheet) =>
          [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight')),
        ),
      };
    });
    expect(inShadow).toEqual({
      marks: [
        ['nvidia', '英伟达'],
        ['moonshot-ai', 'Moonshot '],
        ['moonshot-ai', 'AI'],
      ],
      underline: 'underline',
      sheets: 1,
      paintedRules: false,
    });
    expect(await marksIn(page, '#top')).toEqual([['tencent', 'Tencent']]);
  });

  it('highlights same-origin frames: a normal one, srcdoc and about:blank filled by script', async () => {
    const child = await frameById('same-origin');
    expect(await settledMarks(child, 2)).toEqual([
      ['tencent', '騰訊'],
      ['nvidia', '輝達'],
    ]);
    expect(await settledMarks(await frameById('srcdoc'), 1)).toEqual([['moonshot-ai', 'Moonshot AI']]);
    expect(await settledMarks(await frameById('blank'), 1)).toEqual([['alibaba', '阿里巴巴']]);
  });

  it('restores shadow roots and frames when switched off, and brings them back', async () => {
    const shadowHtml = () => page.evaluate(() => document.getElementById('open-host')!.shadowRoot!.innerHTML);
    const blank = await frameById('blank');
    const highlightedShadow = await shadowHtml();
    await writeSettings(suite.browser.serviceWorker, { enabled: false });
    await noMarks(blank);
    await page.waitForFunction(() => !document.getElementById('open-host')!.shadowRoot!.querySelector('mark'));
    expect(await shadowHtml()).toBe('<p id="in-shadow">英伟达 in an open shadow root, with Moonshot <b>AI</b>.</p>');
    expect(await page.evaluate(() => document.getElementById('open-host')!.shadowRoot!.adoptedStyleSheets.length)).toBe(
      0,
    );
    expect(await blank.evaluate(() => document.body.innerHTML)).toBe(
      '<p id="in-blank">阿里巴巴 in an about:blank frame.</p>',
    );
    await writeSettings(suite.browser.serviceWorker, { enabled: true });
    await page.waitForFunction(
      () => document.getElementById('open-host')!.shadowRoot!.querySelectorAll('mark').length === 3,
    );
    expect(await shadowHtml()).toBe(highlightedShadow);
    expect(await settledMarks(blank, 1)).toEqual([['alibaba', '阿里巴巴']]);
  });

  it('reads a hidden frame once it is shown, and a frame far below once the reader nears it', async () => {
    const unseen = await suite.browser.context.newPage();
    await unseen.bringToFront();
    await unseen.goto(`${suite.server.origin}/fixtures/highlight-frames-unseen.html`);
    expect(await settledMarks(unseen, 1)).toEqual([['tencent', 'Tencent']]);
    const worker = suite.browser.serviceWorker;
    // Only the top document's entry: neither frame has been read (the hidden one names Nvidia).
    expect(await activeBadge(worker, (t) => t === '1')).toBe('1');
    await unseen.waitForTimeout(500);
    expect(await activeBadge(worker, () => true)).toBe('1');

    await unseen.evaluate(() => (document.getElementById('hidden')!.style.display = 'block'));
    const hidden = await (await unseen.$('#hidden'))!.contentFrame();
    expect(await settledMarks(hidden!, 2)).toEqual([
      ['tencent', '騰訊'],
      ['nvidia', '輝達'],
    ]);
    expect(await activeBadge(worker, (t) => t === '2')).toBe('2');

    await unseen.evaluate(() => document.getElementById('far')!.scrollIntoView());
    const far = await (await unseen.$('#far'))!.contentFrame();
    expect(await settledMarks(far!, 1)).toEqual([['moonshot-ai', 'Moonshot AI']]);
    expect(await activeBadge(worker, (t) => t === '3')).toBe('3');
    await unseen.close();
  });
});

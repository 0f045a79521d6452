/**
 * Pages that make a content script's life hard: a strict Content-Security-Policy, a page
 * world whose DOM methods throw and whose prototypes are frozen, and pages that undo the
 * extension's work. The extension must keep working or step aside quietly: no errors, no
 * loops, the page as it was when switched off. Everything is observed through the DevTools
 * protocol (tests/bench/lib/cdp-dom.ts), so page sabotage cannot fool the test either.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cdpSession, expectedInBlocks, readDom, type DomView } from '../bench/lib/cdp-dom';
import { watchExtensionErrors } from '../bench/lib/extension-errors';
import { setHighlightsEnabled } from '../bench/lib/extension-settings';
import { bundledMatcher } from '../bench/lib/glossary';
import { FIXTURES_DIR } from './harness/server';
import { chromiumSuite } from './harness/suite';

const matcher = bundledMatcher();
const fixture = (name: string) => readFileSync(join(FIXTURES_DIR, name), 'utf8');
const STRICT_CSP = "default-src 'none'; style-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

/** Polls the DOM (natively) until `done` holds, or fails with the last view. */
async function waitForDom(cdp: CDPSession, done: (view: DomView) => boolean, timeoutMs = 15_000): Promise<DomView> {
  const started = Date.now();
  for (;;) {
    const view = await readDom(cdp);
    if (done(view)) return view;
    if (Date.now() - started > timeoutMs) throw new Error(`DOM never reached the wanted state; ${view.marks} marks`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the DOM has not changed for `quietMs`. */
async function waitForQuiet(cdp: CDPSession, quietMs = 1_000): Promise<DomView> {
  let last = await readDom(cdp);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const view = await readDom(cdp);
    if (view.bodyHTML !== last.bodyHTML) since = Date.now();
    last = view;
  }
  return last;
}

describe('hostile pages in Chromium', () => {
  const suite = chromiumSuite();
  let page: Page;
  let errors: string[];
  /** A fresh tab whose extension errors are collected. */
  async function open(url: string, beforeLoad?: (p: Page) => Promise<unknown>): Promise<CDPSession> {
    page = await suite.browser.context.newPage();
    errors = [];
    watchExtensionErrors(page, errors, suite.browser.extensionId);
    await beforeLoad?.(page);
    await page.goto(url, { waitUntil: 'load' });
    return cdpSession(page);
  }
  afterEach(async () => {
    await setHighlightsEnabled(suite.browser.serviceWorker, true);
    await page?.close();
  });

  it('works under a strict Content-Security-Policy: highlights, their styles and the tooltip', async () => {
    const url = suite.server.setPage('hostile-csp', fixture('hostile-article.html'), {
      'content-security-policy': STRICT_CSP,
    });
    const cdp = await open(url, (p) =>
      // Registered through the protocol, so the page's own CSP does not stop it.
      p.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __violations: string[] }).__violations = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      }),
    );
    const expected = await expectedInBlocks(cdp, ['h1', 'p'], matcher);
    expect(expected.map((h) => h.id)).toContain('nvidia');
    const view = await waitForDom(cdp, (v) => v.highlights.length >= expected.length);
    // Exactly the prose: nothing in the textarea, input, contenteditable, SVG or button.
    expect(view.highlights).toEqual(expected);

    const styled = await page.evaluate(() => {
      const props = ['backgroundColor', 'color', 'textDecorationLine', 'borderRadius', 'cursor'] as const;
      const style = (el: Element) => props.map((p) => getComputedStyle(el)[p]).join('|');
      return {
        ours: style(document.querySelector('mark[data-glossary-id]')!),
        plain: style(document.getElementById('control')!),
      };
    });
    expect(styled.ours).not.toBe(styled.plain);

    await page.hover('mark[data-glossary-id="nvidia"]');
    const panel = await page.waitForFunction(() => {
      const host = document.querySelector('columnlens-tooltip');
      const tip = host?.shadowRoot?.querySelector('.panel');
      return tip && tip.textContent && { text: tip.textContent, position: getComputedStyle(tip).position };
    });
    const tip = (await panel.jsonValue()) as { text: string; position: string };
    expect(tip.text.length).toBeGreaterThan(0);
    // The shadow root's stylesheet applied despite `style-src 'none'`.
    expect(tip.position).toBe('fixed');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("posts nothing to the page's message listeners", async () => {
    // A page's `message` handlers are its code: WXT's "script started" notice by postMessage
    // reached them on every page (and was about a third of the script's first task).
    const url = suite.server.setPage('hostile-messages', fixture('hostile-article.html'));
    const cdp = await open(url, (p) =>
      p.addInitScript(() => {
        const heard: string[] = [];
        (window as unknown as { __heard: string[] }).__heard = heard;
        window.addEventListener('message', (e) => heard.push(JSON.stringify(e.data)));
      }),
    );
    const expected = await expectedInBlocks(cdp, ['h1', 'p'], matcher);
    await waitForDom(cdp, (v) => v.highlights.length >= expected.length);
    // The page can still talk to itself: its own message arrives, so the listener works.
    await page.evaluate(() => window.postMessage('from the page', '*'));
    await page.waitForFunction(() => (window as unknown as { __heard: string[] }).__heard.length > 0);
    expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([
      JSON.stringify('from the page'),
    ]);
    expect(errors).toEqual([]);
  });

  it('is untouched by a page that freezes Node.prototype and redefines HTMLElement and MutationObserver', async () => {
    await setHighlightsEnabled(suite.browser.serviceWorker, false);
    const cdp = await open(`${suite.server.origin}/fixtures/hostile-prototypes.html`);
    const before = await waitForQuiet(cdp);
    expect(before.marks).toBe(0);
    const expected = await expectedInBlocks(cdp, ['h1', 'p'], matcher);
    expect(expected.length).toBeGreaterThan(3);

    await setHighlightsEnabled(suite.browser.serviceWorker, true);
    const on = await waitForDom(cdp, (v) => v.highlights.length >= expected.length);
    expect(on.highlights).toEqual(expected);
    await page.hover('mark[data-glossary-id]');
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    await expect
      .poll(
        async () =>
          (
            (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'columnlens-tooltip' })) as {
              nodeId: number;
            }
          ).nodeId,
      )
      .toBeGreaterThan(0);

    await setHighlightsEnabled(suite.browser.serviceWorker, false);
    const off = await waitForDom(cdp, (v) => v.marks === 0);
    expect(off.bodyHTML).toBe(before.bodyHTML);
    await setHighlightsEnabled(suite.browser.serviceWorker, true);
    expect((await waitForDom(cdp, (v) => v.highlights.length >= expected.length)).highlights).toEqual(expected);
    // The content script never called one of the page's sabotaged functions.
    expect(await page.evaluate('window.__sabotage')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('steps aside when the page unwraps every highlight it makes: no fight, no loop, no lost or doubled text', async () => {
    await setHighlightsEnabled(suite.browser.serviceWorker, false);
    const cdp = await open(`${suite.server.origin}/fixtures/hostile-unwrap.html`);
    const original = (await waitForQuiet(cdp)).bodyText;
    const expected = await expectedInBlocks(cdp, ['h1', 'p'], matcher);
    expect(expected.length).toBeGreaterThan(3);
    await setHighlightsEnabled(suite.browser.serviceWorker, true);
    // The page removes marks as soon as they appear; wait until it has seen the first ones.
    await expect.poll(() => page.evaluate('window.__unwrapped'), { timeout: 15_000 }).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const settled = Number(await page.evaluate('window.__unwrapped'));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // Three more seconds without a single new mark: the extension stopped re-adding them.
    expect(Number(await page.evaluate('window.__unwrapped'))).toBe(settled);
    // A bounded number of attempts: a few rounds of the page's names, never an endless fight.
    expect(settled).toBeLessThanOrEqual(expected.length * 25);
    const view = await readDom(cdp);
    expect(view.marks).toBe(0);
    // Unwrapping keeps the text, so the page reads exactly as it was served.
    expect(view.bodyText).toBe(original);
    expect(errors).toEqual([]);
  });

  it('follows a page that re-renders its text, and leaves alone what the page deleted', async () => {
    const cdp = await open(`${suite.server.origin}/fixtures/hostile-rerender.html`);
    const expected = await expectedInBlocks(cdp, ['h1', 'p'], matcher);
    await waitForDom(cdp, (v) => v.highlights.length >= expected.length);

    await page.evaluate('window.rerender()');
    // The re-rendered text is highlighted again, once.
    const again = await waitForDom(cdp, (v) => v.highlights.length >= expected.length);
    expect(again.highlights).toEqual(expected);
    expect((await waitForQuiet(cdp)).highlights).toEqual(expected);

    expect(await page.evaluate('window.deleteFirstMark()')).toBe(true);
    const edited = await waitForQuiet(cdp);
    await setHighlightsEnabled(suite.browser.serviceWorker, false);
    const off = await waitForDom(cdp, (v) => v.marks === 0);
    // Switching off unwraps what is left; the page's deletion stands.
    expect(off.bodyText).toBe(edited.bodyText);
    const occurrences = (text: string, name: string) => text.split(name).length - 1;
    expect(occurrences(off.bodyText, expected[0]!.text)).toBe(occurrences(again.bodyText, expected[0]!.text) - 1);
    expect(errors).toEqual([]);
  });
});

/**
 * What the reader copies or drags from a highlighted page, in real Chromium: the clipboard
 * holds the page's text and structure without our marks, and a paste or a drop into an editor
 * shows no highlight. A copy that holds no highlight is left to the browser.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { settledMarks } from './highlight-helpers';
import { chromiumSuite } from './harness/suite';

const PAGE = `<!doctype html><meta charset="utf-8"><body style="font: 18px serif">
<p id="quote">The shares of <a href="/companies/nvidia">Nvidia</a> and 騰訊 went on sale.</p>
<p id="plain">A sentence that names nobody.</p>
<p id="hiding">Baidu reported.<span style="display: none">Share Like</span> <span hidden>Advertisement</span>Shares rose.</p>
<div id="editor" contenteditable="true" style="min-height: 2em; border: 1px solid"></div>
<news-card id="card"><template shadowrootmode="open"><p id="inner">Shares of <a href="/companies/nvidia">Nvidia</a> sold out.</p></template></news-card>
</body>`;

/** Selects the contents of element `id` and copies them with the keyboard. */
async function copy(page: Page, id: string): Promise<{ html: string; text: string }> {
  await page.evaluate((elementId) => {
    document.getSelection()!.selectAllChildren(document.getElementById(elementId)!);
  }, id);
  await page.keyboard.press('Control+C');
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type: string) => (item!.types.includes(type) ? (await item!.getType(type)).text() : '');
    return { html: await read('text/html'), text: await read('text/plain') };
  });
}

describe('copying highlighted text', () => {
  const suite = chromiumSuite();
  let page: Page;

  beforeAll(async () => {
    const url = suite.server.setPage('copy', PAGE);
    await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.server.origin,
    });
    page = await suite.browser.context.newPage();
    await page.goto(url);
    expect(await settledMarks(page, 3)).toEqual([
      ['nvidia', 'Nvidia'],
      ['tencent', '騰訊'],
      ['baidu', 'Baidu'],
    ]);
  });

  it('puts the text and its link on the clipboard, without our marks', async () => {
    const { html, text } = await copy(page, 'quote');
    expect(text).toBe('The shares of Nvidia and 騰訊 went on sale.');
    expect(html).not.toMatch(/mark|columnlens|glossary/i);
    expect(html).toContain(`<a href="${suite.server.origin}/companies/nvidia">Nvidia</a>`);
    // The highlights stay on the page.
    expect(await page.locator('#quote mark').count()).toBe(2);
  });

  it('pastes into an editor as plain page text: no highlight comes with it', async () => {
    await copy(page, 'quote');
    await page.locator('#editor').click();
    await page.keyboard.press('Control+V');
    await page.waitForFunction(() => document.getElementById('editor')!.textContent!.includes('went on sale'));
    const pasted = await page.evaluate(() => {
      const editor = document.getElementById('editor')!;
      const styled = [...editor.querySelectorAll<HTMLElement>('*')].filter(
        (el) => getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)',
      );
      return { marks: editor.querySelectorAll('mark').length, styled: styled.length, text: editor.textContent };
    });
    expect(pasted).toEqual({ marks: 0, styled: 0, text: 'The shares of Nvidia and 騰訊 went on sale.' });
  });

  it('pastes only what the page shows: text it does not display stays out, as without highlights', async () => {
    const { html, text } = await copy(page, 'hiding');
    expect(text).toBe('Baidu reported. Shares rose.');
    expect(html).not.toMatch(/Share Like|Advertisement/);
    await page.evaluate(() => document.getElementById('editor')!.replaceChildren());
    await page.locator('#editor').click();
    await page.keyboard.press('Control+V');
    await page.waitForFunction(() => document.getElementById('editor')!.textContent!.includes('rose'));
    expect(await page.locator('#editor').textContent()).toBe('Baidu reported. Shares rose.');
  });

  it('drags a highlighted selection into an editor without the highlights', async () => {
    await page.evaluate(() => {
      document.getElementById('editor')!.replaceChildren();
      document.getSelection()!.selectAllChildren(document.getElementById('quote')!);
    });
    // The drag starts on the selected text, before the link, and drops in the editor.
    const quote = (await page.locator('#quote').boundingBox())!;
    const editor = (await page.locator('#editor').boundingBox())!;
    await page.mouse.move(quote.x + 10, quote.y + quote.height / 2);
    await page.mouse.down();
    await page.mouse.move(quote.x + 40, quote.y + quote.height / 2 + 5, { steps: 5 });
    await page.mouse.move(editor.x + 20, editor.y + editor.height / 2, { steps: 10 });
    await page.mouse.up();
    await page.waitForFunction(() => document.getElementById('editor')!.textContent!.includes('went on sale'));
    const dropped = await page.evaluate(() => {
      const el = document.getElementById('editor')!;
      return { marks: el.querySelectorAll('mark').length, links: el.querySelectorAll('a[href]').length };
    });
    expect(dropped).toEqual({ marks: 0, links: 1 });
    expect(await page.locator('#quote mark').count()).toBe(2);
  });

  it('copies from inside an open shadow root (a web component’s text) without our marks', async () => {
    const inner = () => page.locator('#card').locator('#inner');
    await inner().locator('mark[data-glossary-id="nvidia"]').waitFor();
    await page.evaluate(() => {
      const p = document.getElementById('card')!.shadowRoot!.getElementById('inner')!;
      document.getSelection()!.setBaseAndExtent(p, 0, p, p.childNodes.length);
    });
    await page.keyboard.press('Control+C');
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item!.getType('text/html')).text();
    });
    expect(html).not.toMatch(/mark|columnlens|glossary/i);
    expect(html).toContain(`<a href="${suite.server.origin}/companies/nvidia">Nvidia</a>`);
    expect(await inner().locator('mark').count()).toBe(1);
  });

  it('leaves a copy without highlights to the browser', async () => {
    const { html, text } = await copy(page, 'plain');
    expect(text).toBe('A sentence that names nobody.');
    // Chromium's own copy writes the text's computed style inline; ours never adds a style.
    expect(html).toContain('style="');
  });
});

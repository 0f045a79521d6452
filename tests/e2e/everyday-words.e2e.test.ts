/**
 * Everyday words (the bundled pack's `generic` names: chips, talent, 人才) in Chromium: plain
 * on a page that names nothing else of the glossary, highlighted, above it too, once the page
 * names something by another name; and the editor's "Everyday words" field deciding which.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { markIdsFor, openEditor, openEntry, waitForMark } from './fixtures/editor-helpers';
import { chromiumSuite } from './harness/suite';

const RECIPE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Weekend recipes</title>
<h1>Weekend recipes</h1>
<p>Cut the potatoes into thick chips, then fry.</p>
<p>The kitchen hires young talent. 我們誠聘各類人才。</p>
<div id="more"></div>`;

/** Every highlight's entry and text, in the page's order. */
const marks = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('mark[data-glossary-id]')].map(
      (m) => `${m.getAttribute('data-glossary-id')}:${m.textContent}`,
    ),
  );

describe('everyday words in Chromium', () => {
  const suite = chromiumSuite();

  it('stay plain on a page about something else, and are highlighted once it names the column’s subject', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.setPage('everyday-recipe', RECIPE));
    // Time enough for the first read and drawing (well under 300 ms on the generated page).
    await page.waitForTimeout(1_500);
    expect(await marks(page)).toEqual([]);
    await page.evaluate(() => {
      document.getElementById('more')!.innerHTML = '<p>Nvidia makes chips of another kind.</p>';
    });
    await waitForMark(page, 'Nvidia');
    await waitForMark(page, '人才');
    expect(await marks(page)).toEqual([
      'ai-chips:chips',
      'talent:talent',
      'talent:人才',
      'nvidia:Nvidia',
      'ai-chips:chips',
    ]);
    await page.close();
  });

  it('stay plain where the page names the column’s subject only in text it hides or in its menus', async () => {
    const page = await suite.browser.context.newPage();
    // As on every Sina article: 腾讯QQ in the closed share menu, and a hidden "latest" list; as
    // on GeeksforGeeks, its courses in the site's menu; a sidebar's trending list.
    const hidden = RECIPE.replace('<h1>', '<header><nav><a>Generative AI &amp; ChatGPT</a></nav></header><h1>').replace(
      '<div id="more"></div>',
      '<div style="display:none"><a>分享到腾讯QQ</a></div><ul style="visibility:hidden"><li>ChatGPT news</li></ul><details><summary>More</summary><p>Nvidia</p></details><aside><p>Trending: Baidu</p></aside><div id="more"></div>',
    );
    const everyday = async () => (await marks(page)).filter((m) => /^(ai-chips|talent):/.test(m));
    await page.goto(suite.server.setPage('everyday-hidden', hidden));
    // The hidden names are marked where they stand (shown if the page shows them), no more.
    await waitForMark(page, 'ChatGPT');
    await page.waitForTimeout(1_000);
    expect(await everyday()).toEqual([]);
    // The reader opens the "More" section: its Nvidia, shown now, opens the page to them.
    await page.click('summary');
    await waitForMark(page, '人才');
    expect(await everyday()).toEqual(['ai-chips:chips', 'talent:talent', 'talent:人才']);
    await page.close();
  });

  it('are chosen in the editor: a name taken out of them is highlighted on its own, on the page already open', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(
      suite.server.setPage('everyday-job', '<!doctype html><meta charset="utf-8"><p>我們誠聘各類人才。</p>'),
    );
    await page.waitForTimeout(1_500);
    expect(await markIdsFor(page, '人才')).toEqual([]);
    const editor = await openEditor(suite.browser);
    await openEntry(editor, '人才');
    // The bundled entry's everyday words: its Name (人才) and the English "talent".
    expect((await editor.inputValue('#field-generic')).split('\n').sort()).toEqual(['talent', '人才']);
    await editor.fill('#field-generic', 'talent');
    await editor.click('[data-testid="entry-save"]');
    await waitForMark(page, '人才');
    expect(await markIdsFor(page, '人才')).toEqual(['talent']);
    await editor.close();
    await page.close();
  });
});

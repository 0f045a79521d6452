// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Highlighter } from '../../../src/content/highlighter';
import type { RuntimeEntry } from '../../../src/glossary-store/runtime-entry';
import { marks, settle, sleep, start, stubCheckVisibility, viewOf } from './harness';

/** Chips and talent are everyday words here; Nvidia and "AI chip" are not. */
const ENTRIES: RuntimeEntry[] = [
  {
    id: 'nvidia',
    term: 'Nvidia',
    aliases: ['英偉達'],
    category: 'company',
    context: 'A chip maker.',
    packId: 't',
  },
  {
    id: 'ai-chips',
    term: '晶片',
    names: { en: 'Chip' },
    aliases: [{ text: '晶片', generic: true }, { text: 'chip', generic: true }, 'AI chip'],
    category: 'technology',
    context: 'What the column is about.',
    packId: 't',
  },
  {
    id: 'talent',
    term: '人才',
    aliases: [{ text: '人才', generic: true }],
    category: 'concept',
    context: 'People.',
    packId: 't',
  },
];

let highlighter: Highlighter | undefined;
afterEach(() => {
  highlighter?.stop();
  highlighter = undefined;
});

describe('everyday words (generic aliases)', () => {
  it('are neither highlighted nor counted on a page that names nothing else of the glossary', async () => {
    const html =
      '<h1>Weekend recipes</h1><p>Fish and chips: cut thick chips.</p><p>誠聘各類人才，本店薯片與晶片無關。</p>';
    ({ highlighter } = await start({ html, view: viewOf(ENTRIES) }));
    expect(marks()).toEqual([]);
    expect(highlighter.summary()).toEqual({});
    expect(document.body.innerHTML).toBe(html);
  });

  it('are highlighted, before and after it, once the page names an entry by another name', async () => {
    const html = '<h1>Chips and talent</h1><p>人才 and chips.</p><div><p>Nvidia sells chips.</p></div><p>晶片</p>';
    ({ highlighter } = await start({ html, view: viewOf(ENTRIES) }));
    expect(marks()).toEqual([
      ['ai-chips', 'Chips'],
      ['talent', '人才'],
      ['ai-chips', 'chips'],
      ['nvidia', 'Nvidia'],
      ['ai-chips', 'chips'],
      ['ai-chips', '晶片'],
    ]);
    expect(highlighter.summary()).toEqual({ nvidia: 1, 'ai-chips': 4, talent: 1 });
  });

  describe('with text the page hides', () => {
    // jsdom draws nothing: hidden is what Chromium's checkVisibility says for these pages.
    let unstub: () => void;
    beforeEach(() => {
      unstub = stubCheckVisibility();
    });
    afterEach(() => unstub());

    it('stay plain where the page names something else only in text it hides, and follow a name shown', async () => {
      const html =
        '<div style="display:none"><a>Nvidia</a></div><p>Fish and chips.</p><ul hidden><li>英偉達</li></ul><div id="feed"></div>';
      ({ highlighter } = await start({ html, view: viewOf(ENTRIES) }));
      // The hidden names are marked where they stand; the everyday word is not.
      expect(marks()).toEqual([
        ['nvidia', 'Nvidia'],
        ['nvidia', '英偉達'],
      ]);
      document.getElementById('feed')!.innerHTML = '<p>Nvidia news</p>';
      await settle(highlighter);
      expect(marks()).toEqual([
        ['nvidia', 'Nvidia'],
        ['ai-chips', 'chips'],
        ['nvidia', '英偉達'],
        ['nvidia', 'Nvidia'],
      ]);
    });

    it('are highlighted once the reader shows a hidden name ("Read more"), after their click', async () => {
      const html = '<p>Chips sold out.</p><div id="more" hidden><p>Nvidia said chips would follow.</p></div>';
      ({ highlighter } = await start({ html, view: viewOf(ENTRIES) }));
      expect(marks()).toEqual([['nvidia', 'Nvidia']]);
      // The reader opens the section; nothing is looked at again until their click has had
      // time to draw it (and the page's own first look comes a second after the read).
      document.getElementById('more')!.hidden = false;
      await settle(highlighter, 300);
      expect(marks()).toEqual([['nvidia', 'Nvidia']]);
      document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await settle(highlighter, 550);
      expect(marks()).toEqual([
        ['ai-chips', 'Chips'],
        ['nvidia', 'Nvidia'],
        ['ai-chips', 'chips'],
      ]);
      expect(highlighter.summary()).toEqual({ nvidia: 1, 'ai-chips': 2 });
    });

    it('are highlighted once the page itself shows a hidden name, with no click', async () => {
      // A story the page's script shows once it has run, or a page laid out late.
      const html = '<p>Chips sold out.</p><div id="more" hidden><p>Nvidia said chips would follow.</p></div>';
      ({ highlighter } = await start({ html, view: viewOf(ENTRIES) }));
      document.getElementById('more')!.hidden = false;
      await settle(highlighter, 1_300);
      expect(marks()).toEqual([
        ['ai-chips', 'Chips'],
        ['nvidia', 'Nvidia'],
        ['ai-chips', 'chips'],
      ]);
    });

    it('look again after the reader’s last click, past a hidden menu of names', async () => {
      const click = () => document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      // A hidden menu, not marked as one, naming Nvidia seventy times before the story's "Read more".
      const menu = `<div style="display:none">${'<a>Nvidia</a>'.repeat(70)}</div>`;
      const html = `${menu}<p>Chips sold out.</p><div id="more" hidden><p>Nvidia said chips would follow.</p></div>`;
      ({ highlighter } = await start({ html, view: viewOf(ENTRIES) }));
      // A Tab, then the Enter that opens the section, which the page shows a moment later.
      click();
      await sleep(300);
      click();
      await sleep(150);
      document.getElementById('more')!.hidden = false;
      await settle(highlighter, 800);
      expect(highlighter.summary()).toEqual({ nvidia: 71, 'ai-chips': 2 });
    });
  });

  it('stay plain where the page names something else only in its menus and sidebars', async () => {
    const html =
      '<header><nav><a>Nvidia</a></nav></header><p>An algorithm for chips.</p><aside><p>英偉達</p></aside><div id="feed"></div>';
    ({ highlighter } = await start({ html, view: viewOf(ENTRIES) }));
    expect(marks()).toEqual([
      ['nvidia', 'Nvidia'],
      ['nvidia', '英偉達'],
    ]);
    document.getElementById('feed')!.innerHTML = '<article><header><h1>Nvidia news</h1></header></article>';
    await settle(highlighter);
    expect(marks().filter(([id]) => id === 'ai-chips')).toEqual([['ai-chips', 'chips']]);
  });

  it('count as soon as a name that is not one stands in the same block, whatever its place', async () => {
    ({ highlighter } = await start({ html: '<p>Chips, talent: an AI chip.</p>', view: viewOf(ENTRIES) }));
    expect(marks()).toEqual([
      ['ai-chips', 'Chips'],
      ['ai-chips', 'AI chip'],
    ]);
  });

  it('wait for a name the page adds later, and are drawn then', async () => {
    ({ highlighter } = await start({ html: '<p>Chips and 人才.</p><div id="feed"></div>', view: viewOf(ENTRIES) }));
    expect(marks()).toEqual([]);
    document.getElementById('feed')!.innerHTML = '<p>英偉達 news</p>';
    await settle(highlighter);
    expect(marks()).toEqual([
      ['ai-chips', 'Chips'],
      ['talent', '人才'],
      ['nvidia', '英偉達'],
    ]);
    expect(highlighter.summary()).toEqual({ nvidia: 1, 'ai-chips': 1, talent: 1 });
  });

  it('are not read again where the page has made their text editable meanwhile', async () => {
    const html = '<div id="editor"><p>Fish and chips.</p></div><div id="feed"></div>';
    ({ highlighter } = await start({ html, view: viewOf(ENTRIES) }));
    document.getElementById('editor')!.setAttribute('contenteditable', 'true');
    await settle(highlighter);
    document.getElementById('feed')!.innerHTML = '<p>Nvidia news</p>';
    await settle(highlighter);
    expect(marks()).toEqual([['nvidia', 'Nvidia']]);
    expect(document.getElementById('editor')!.innerHTML).toBe('<p>Fish and chips.</p>');
  });

  it('with one highlight per name, give it to the first everyday word, above the name that opened the page', async () => {
    const html = '<p>Chips first.</p><p>Nvidia, chips again.</p>';
    ({ highlighter } = await start({
      html,
      view: viewOf(ENTRIES),
      filters: { density: 'first', hiddenCategories: new Set() },
    }));
    expect(marks()).toEqual([
      ['ai-chips', 'Chips'],
      ['nvidia', 'Nvidia'],
    ]);
    await highlighter.switchOff();
    expect(document.body.innerHTML).toBe(html);
  });
});

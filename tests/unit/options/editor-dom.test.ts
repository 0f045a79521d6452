// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { CATEGORIES } from '../../../src/glossary/categories';
import { accentOf } from '../../../src/glossary/category-colours';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { categoryLabel, translator } from '../../../src/i18n';
import { createEntryForm } from '../../../src/options/entry-form';
import { createEntryList, PAGE_SIZE } from '../../../src/options/entry-list';
import { buildListItems } from '../../../src/options/entry-search';
import { entry, pack } from '../glossary-store/fixtures';

const t = translator('en');
const hostile = '<img src=x onerror="globalThis.ran=true">';

function setup() {
  document.body.replaceChildren();
  const calls = { save: vi.fn(), delete: vi.fn(), reset: vi.fn(), close: vi.fn() };
  const form = createEntryForm({
    doc: document,
    language: 'en',
    t,
    onSave: calls.save,
    onDelete: calls.delete,
    onReset: calls.reset,
    onClose: calls.close,
  });
  document.body.append(form.element);
  return { form, calls };
}

const choice = { id: 'p', title: 'Pack P', sections: ['第一節'] };

describe('the entry form', () => {
  it('heads an empty form as one, not with the page’s own title again', () => {
    const { form } = setup();
    expect(document.getElementById('form-heading')?.textContent).toBe(t('editorFormEmptyHeading'));
    expect(t('editorFormEmptyHeading')).not.toBe(t('editorTitle'));
    form.open({ pack: choice, packChoices: [choice] });
    form.close();
    expect(document.getElementById('form-heading')?.textContent).toBe(t('editorFormEmptyHeading'));
  });

  it('shows markup in glossary text as characters, never as elements', () => {
    const { form } = setup();
    form.open({
      pack: choice,
      entry: entry('x', { term: hostile, context: { en: hostile } }),
      state: 'original',
      packChoices: [choice],
    });
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect((document.getElementById('field-term') as HTMLInputElement).value).toBe(hostile);
    expect((document.getElementById('field-notes-en') as HTMLTextAreaElement).value).toBe(hostile);
    expect(document.getElementById('form-heading')?.textContent).toBe(`Edit “${hostile}”`);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  it('labels every control and wires errors to aria-invalid and aria-describedby', () => {
    const { form } = setup();
    form.open({ pack: choice, packChoices: [choice] });
    for (const control of document.querySelectorAll('input, textarea, select')) {
      expect(document.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
    }
    // Every hint describes the fields it is about: a group's, each field of the group.
    const described = (id: string) =>
      [...document.querySelectorAll('form [aria-describedby]')]
        .filter((c) => c.getAttribute('aria-describedby')!.split(' ').includes(id))
        .map((c) => c.id);
    for (const hint of document.querySelectorAll('form p.hint'))
      expect(described(hint.id), hint.textContent!).not.toEqual([]);
    expect(described('notes-hint')).toEqual(['field-notes-zh-Hant', 'field-notes-zh-Hans', 'field-notes-en']);
    form.showErrors([{ field: 'term', key: 'editorErrorTermEmpty', subs: [] }]);
    const term = document.getElementById('field-term')!;
    expect(term.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById('field-term-error')!;
    expect(term.getAttribute('aria-describedby')?.split(' ')).toContain('field-term-error');
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe('Enter a name.');
    expect(document.activeElement).toBe(term);
    form.showErrors([]);
    expect(term.hasAttribute('aria-invalid')).toBe(false);
    expect(error.hidden).toBe(true);
  });

  it('puts focus on the first field to correct in the form’s order, whatever order the checks found them in', () => {
    const { form } = setup();
    form.open({ pack: choice, packChoices: [choice] });
    // The checks find an alias too short before they find the name already taken, above it.
    form.showErrors([
      { field: 'links', key: 'editorErrorLink', subs: ['nowhere'] },
      { field: 'aliases', key: 'editorErrorNameShort', subs: ['x'] },
      { field: 'term', key: 'editorErrorAliasTaken', subs: ['英伟达', 'Nvidia'] },
    ]);
    expect(document.activeElement).toBe(document.getElementById('field-term'));
    form.showErrors([
      { field: 'links', key: 'editorErrorLink', subs: ['nowhere'] },
      { field: 'notes.en', key: 'editorErrorNoteMissing', subs: [] },
    ]);
    expect(document.activeElement).toBe(document.getElementById('field-notes-en'));
  });

  it('reports what the reader typed, one alias per line', () => {
    const { form, calls } = setup();
    form.open({ pack: choice, packChoices: [choice], prefillTerm: 'Zhipu' });
    (document.getElementById('field-aliases') as HTMLTextAreaElement).value = '智譜\n智谱';
    (document.getElementById('field-section') as HTMLSelectElement).value = '第一節';
    document.querySelector('form')!.requestSubmit();
    expect(calls.save).toHaveBeenCalledWith(
      expect.objectContaining({ term: 'Zhipu', aliases: '智譜\n智谱', section: '第一節', packId: 'p' }),
    );
  });

  it('shows an entry’s display names in fields tagged with their language, and reports edits', () => {
    const { form, calls } = setup();
    const nvidia = entry('nvidia', { term: '輝達', names: { 'zh-Hans': '英伟达' }, aliases: ['Nvidia'] });
    form.open({ pack: choice, entry: nvidia, state: 'original', packChoices: [choice] });
    const field = (l: string) => document.getElementById(`field-names-${l}`) as HTMLInputElement;
    expect([field('zh-Hant').value, field('zh-Hans').value, field('en').value]).toEqual(['', '英伟达', '']);
    expect([field('zh-Hant').lang, field('zh-Hans').lang, field('en').lang]).toEqual(['zh-Hant', 'zh-Hans', 'en']);
    field('en').value = 'Nvidia';
    document.querySelector('form')!.requestSubmit();
    expect(calls.save).toHaveBeenCalledWith(
      expect.objectContaining({ names: { 'zh-Hant': '', 'zh-Hans': '英伟达', en: 'Nvidia' } }),
    );
  });

  it('shows a deleted entry read-only, with Restore', () => {
    const { form, calls } = setup();
    form.open({ pack: choice, entry: entry('gone'), state: 'deleted', packChoices: [choice] });
    expect(document.querySelector('fieldset.entry-fields')?.hasAttribute('disabled')).toBe(true);
    expect(document.querySelector('[data-testid="entry-save"]')).toBeNull();
    const restore = document.querySelector<HTMLButtonElement>('[data-testid="entry-reset"]')!;
    expect(restore.textContent).toBe('Restore');
    restore.click();
    expect(calls.reset).toHaveBeenCalledOnce();
  });
});

describe('the entry list', () => {
  it('names each entry as a reader of the editor’s language knows it, the pack’s term among its other names', () => {
    const named = entry('nvidia', {
      term: '輝達',
      names: { en: 'Nvidia', 'zh-Hans': '英伟达' },
      aliases: ['英偉達', 'NVIDIA'],
    });
    const plain = entry('tsmc', { term: '台積電', aliases: [] });
    const layer = { overlays: [], userPacks: [] };
    const items = buildListItems(mergeGlossary(sourcePacks([pack('p', [named, plain])], layer), layer));
    const rows = (language: 'en' | 'zh-Hans' | 'zh-Hant') => {
      document.body.replaceChildren();
      const list = createEntryList({ doc: document, language, t, onOpen: () => {}, onNew: () => {} });
      document.body.append(list.element);
      list.update(items, [{ id: 'p', title: 'P' }]);
      return [...document.querySelectorAll('[data-testid="entry-row"]')].map((row) => [
        row.querySelector('.entry-name')?.textContent,
        row.querySelector('.entry-aliases')?.textContent ?? null,
      ]);
    };
    expect(rows('en')).toEqual([
      ['Nvidia', '輝達 · 英偉達 · NVIDIA'],
      ['台積電', null],
    ]);
    expect(rows('zh-Hans')[0]).toEqual(['英伟达', '輝達 · 英偉達 · NVIDIA']);
    expect(rows('zh-Hant')[0]).toEqual(['輝達', '英偉達 · NVIDIA']);
  });

  it('tags each name in the list with its language where it is not the editor’s, as the tooltip does', () => {
    const named = entry('nvidia', {
      term: '輝達',
      names: { en: 'Nvidia', 'zh-Hans': '英伟达' },
      aliases: ['英偉達', 'NVIDIA', '百度'],
    });
    const layer = { overlays: [], userPacks: [] };
    const items = buildListItems(mergeGlossary(sourcePacks([pack('p', [named])], layer), layer));
    // jsdom's navigator.language is en-US, so no region is added to the Chinese tags.
    const tagged = (language: 'en' | 'zh-Hans' | 'zh-Hant') => {
      document.body.replaceChildren();
      const list = createEntryList({ doc: document, language, t, onOpen: () => {}, onNew: () => {} });
      document.body.append(list.element);
      list.update(items, [{ id: 'p', title: 'P' }]);
      const row = document.querySelector('[data-testid="entry-row"]')!;
      return [row.querySelector('.entry-name')!, ...row.querySelectorAll('.entry-aliases > span')].map((el) => [
        el.textContent,
        el.getAttribute('lang'),
      ]);
    };
    expect(tagged('en')).toEqual([
      ['Nvidia', null],
      ['輝達', 'zh-Hant'],
      ['英偉達', 'zh-Hant'],
      ['NVIDIA', null],
      ['百度', 'zh-Hans'],
    ]);
    expect(tagged('zh-Hans')).toEqual([
      ['英伟达', null],
      ['輝達', 'zh-Hant'],
      ['英偉達', 'zh-Hant'],
      ['NVIDIA', null],
      ['百度', null],
    ]);
    // In the editor's own language a name inherits the page's `lang`, as in the tooltip.
    expect(tagged('zh-Hant')).toEqual([
      ['輝達', null],
      ['英偉達', null],
      ['NVIDIA', null],
      ['百度', null],
    ]);
  });

  it('lets a name in a right-to-left script read right to left, in the list and in every text field', () => {
    const hebrew = entry('hebrew', { term: 'שלום עולם 2024!', aliases: ['עולם'] });
    const layer = { overlays: [], userPacks: [] };
    const items = buildListItems(mergeGlossary(sourcePacks([pack('p', [hebrew])], layer), layer));
    const list = createEntryList({ doc: document, language: 'en', t, onOpen: () => {}, onNew: () => {} });
    const { form } = setup();
    document.body.append(list.element);
    list.update(items, [{ id: 'p', title: 'P' }]);
    const row = document.querySelector('[data-testid="entry-row"]')!;
    expect(row.querySelector<HTMLElement>('.entry-name')!.dir).toBe('auto');
    expect(row.querySelector<HTMLElement>('.entry-aliases')!.dir).toBe('auto');
    expect(document.querySelector<HTMLInputElement>('[data-testid="entry-search"]')!.dir).toBe('auto');
    form.open({ pack: choice, entry: hebrew, state: 'original', packChoices: [choice] });
    const fields = [...document.querySelectorAll<HTMLInputElement>('input[type="text"], textarea')];
    expect(fields.length).toBeGreaterThan(5);
    for (const field of fields) expect(field.dir, field.id).toBe('auto');
  });

  it('keeps focus on a row’s entry when the list is drawn anew, or on the row in its place', () => {
    const layer = { overlays: [], userPacks: [] };
    const itemsOf = (entries: ReturnType<typeof entry>[]) =>
      buildListItems(mergeGlossary(sourcePacks([pack('p', entries)], layer), layer));
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => entry(id, { term: `Entry ${id.toUpperCase()}` }));
    document.body.replaceChildren();
    const list = createEntryList({ doc: document, language: 'en', t, onOpen: () => {}, onNew: () => {} });
    document.body.append(list.element);
    const packs = [{ id: 'p', title: 'P' }];
    list.update(itemsOf([a!, b!, c!, d!]), packs);
    const row = (name: string) =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="entry-row"]')].find(
        (r) => r.querySelector('.entry-name')?.textContent === name,
      );
    row('Entry C')!.focus();
    // Another tab renamed B, which now sorts after C: focus follows C, drawn anew.
    list.update(itemsOf([a!, { ...b!, term: 'Entry Z' }, c!, d!]), packs);
    expect(document.activeElement).toBe(row('Entry C'));
    // Another tab deleted C: focus goes to the row now in its place.
    const position = [...document.querySelectorAll('[data-testid="entry-row"]')].indexOf(document.activeElement!);
    list.update(itemsOf([a!, { ...b!, term: 'Entry Z' }, d!]), packs);
    expect([...document.querySelectorAll('[data-testid="entry-row"]')].indexOf(document.activeElement!)).toBe(position);
    expect(document.activeElement!.classList.contains('entry-row')).toBe(true);
    // Every entry gone: focus goes to the search, not to the page's top.
    list.update(itemsOf([]), packs);
    expect(document.activeElement).toBe(document.querySelector('[data-testid="entry-search"]'));
  });

  it('names each row’s category in its highlights’ colour, as the popup does', () => {
    const entries = CATEGORIES.map((category) => entry(`e-${category}`, { term: category, category }));
    const layer = { overlays: [], userPacks: [] };
    const items = buildListItems(mergeGlossary(sourcePacks([pack('p', entries)], layer), layer));
    document.body.replaceChildren();
    const list = createEntryList({ doc: document, language: 'zh-Hant', t, onOpen: () => {}, onNew: () => {} });
    document.body.append(list.element);
    list.update(items, [{ id: 'p', title: 'P' }]);
    const shown = [...document.querySelectorAll<HTMLElement>('[data-testid="entry-row"] .category-look')].map((el) => [
      el.textContent,
      el.style.getPropertyValue('--category-accent'),
    ]);
    expect(shown.sort()).toEqual(
      CATEGORIES.map((category) => [categoryLabel('zh-Hant', category), accentOf(category)]).sort(),
    );
  });

  it('draws the category choice as that category’s highlights, and again as another is picked', () => {
    const { form } = setup();
    form.open({
      pack: choice,
      entry: entry('x', { term: 'Nvidia', category: 'company' }),
      state: 'original',
      packChoices: [choice],
    });
    const select = document.querySelector<HTMLSelectElement>('[data-testid="field-category"]')!;
    const accent = () => select.style.getPropertyValue('--category-accent');
    expect(select.classList.contains('category-look')).toBe(true);
    expect(accent()).toBe(accentOf('company'));
    select.value = 'person';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(accent()).toBe(accentOf('person'));
    expect(accentOf('person')).not.toBe(accentOf('company'));
  });

  it('draws one page of rows at a time and pages through 10,000 entries', () => {
    document.body.replaceChildren();
    const big = pack(
      'big',
      Array.from({ length: 10_000 }, (_, i) => entry(`e${i}`, { term: `Name ${i}` })),
    );
    const layer = { overlays: [], userPacks: [] };
    const items = buildListItems(mergeGlossary(sourcePacks([big], layer), layer));
    const opened: string[] = [];
    const list = createEntryList({
      doc: document,
      language: 'en',
      t,
      onOpen: (i) => opened.push(i.entry.id),
      onNew: () => {},
    });
    document.body.append(list.element);
    list.update(items, [{ id: 'big', title: 'Big' }]);
    expect(document.querySelectorAll('[data-testid="entry-row"]')).toHaveLength(PAGE_SIZE);
    expect(document.querySelector('[data-testid="entry-count"]')?.textContent).toBe('Entries 1–50 of 10,000');
    document.querySelector<HTMLButtonElement>('[data-testid="page-next"]')!.click();
    expect(document.querySelector('[data-testid="entry-count"]')?.textContent).toBe('Entries 51–100 of 10,000');
    document.querySelector<HTMLButtonElement>('[data-testid="entry-row"]')!.click();
    expect(opened).toEqual(['e50']);
    const search = document.querySelector<HTMLInputElement>('[data-testid="entry-search"]')!;
    search.value = 'name 9999';
    search.dispatchEvent(new Event('input'));
    expect([...document.querySelectorAll('[data-testid="entry-row"] .entry-name')].map((e) => e.textContent)).toEqual([
      'Name 9999',
    ]);
    // An entry asked for from a page ("Edit in the glossary") that the search hides: the
    // filters give way and its row is shown, on its page of the list.
    const key = items.find((i) => i.entry.id === 'e4321')!.key;
    const scrolled: string[] = [];
    // jsdom lays nothing out: the row scrolled into view is noted instead.
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this.dataset.key ?? '');
    };
    list.reveal(key);
    expect(scrolled).toEqual([key]);
    expect(search.value).toBe('');
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="entry-row"]')];
    expect(rows.some((row) => row.dataset.key === key)).toBe(true);
    expect(document.querySelector('[data-testid="entry-count"]')?.textContent).toBe('Entries 4,301–4,350 of 10,000');
    delete (HTMLElement.prototype as { scrollIntoView?: unknown }).scrollIntoView;
  });
});

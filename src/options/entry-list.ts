/**
 * The entry list: search, filters, counts and a paged list (one page of rows in the DOM
 * at a time, so 10,000 entries stay as quick as 60). Rows are buttons: reachable with Tab,
 * opened with Enter or Space, announced with their name, category and state.
 */
import { CATEGORIES } from '../glossary/categories';
import { displayName } from '../glossary/entry-names';
import { nameLangIn } from '../glossary/name-lang-in';
import { categoryLabel, type MessageKey, type ReaderLanguage, type Translator } from '../i18n';
import { paintAsCategory } from '../ui/category-look';
import { h, replaceChildren } from './dom';
import { filterItems, type ListFilter, type ListItem } from './entry-search';

export const PAGE_SIZE = 50;

export interface EntryListOptions {
  doc: Document;
  language: ReaderLanguage;
  t: Translator;
  onOpen(item: ListItem): void;
  onNew(): void;
}

export interface EntryList {
  element: HTMLElement;
  /** New data: the items and the packs (for the pack filter). Keeps filter and page. */
  update(items: readonly ListItem[], packs: readonly { id: string; title: string }[]): void;
  /** Marks the row of the open entry. */
  setSelected(key: string | undefined): void;
  /**
   * Turns to the page that holds `key`'s row (the filters giving way if they hide it) and,
   * with `scroll`, scrolls the row into view.
   */
  reveal(key: string, scroll?: boolean): void;
}

const STATE_BADGES: Partial<Record<ListItem['state'], MessageKey>> = {
  edited: 'editorBadgeEdited',
  added: 'editorBadgeAdded',
  deleted: 'editorBadgeDeleted',
};

/** Builds the list; call `update` to fill it. */
export function createEntryList({ doc, language, t, onOpen, onNew }: EntryListOptions): EntryList {
  const filter: ListFilter = { query: '', category: '', state: 'all', packId: '' };
  let items: readonly ListItem[] = [];
  let packs: readonly { id: string; title: string }[] = [];
  let page = 0;
  let selected: string | undefined;

  const search = h(doc, 'input', {
    type: 'search',
    dir: 'auto',
    id: 'entry-search',
    'data-testid': 'entry-search',
    autocomplete: 'off',
  });
  const category = h(doc, 'select', { id: 'entry-category', 'data-testid': 'entry-category' });
  const state = h(
    doc,
    'select',
    { id: 'entry-state', 'data-testid': 'entry-state' },
    ...(['all', 'edited', 'added', 'deleted'] as const).map((s) =>
      h(
        doc,
        'option',
        { value: s },
        t(
          (
            {
              all: 'editorStateAll',
              edited: 'editorStateEdited',
              added: 'editorStateAdded',
              deleted: 'editorStateDeleted',
            } as const
          )[s],
        ),
      ),
    ),
  );
  const pack = h(doc, 'select', { id: 'entry-pack', 'data-testid': 'entry-pack' });
  const newButton = h(
    doc,
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'entry-new' },
    t('editorNewEntry'),
  );
  const status = h(doc, 'p', { class: 'list-status', role: 'status', 'data-testid': 'entry-count' });
  const list = h(doc, 'ul', { class: 'entry-rows', 'data-testid': 'entry-list', 'aria-labelledby': 'entries-heading' });
  const previous = h(doc, 'button', { type: 'button', 'data-testid': 'page-previous' }, t('editorPagePrevious'));
  const next = h(doc, 'button', { type: 'button', 'data-testid': 'page-next' }, t('editorPageNext'));
  const pageLabel = h(doc, 'span', { class: 'page-label' });

  const field = (id: string, label: MessageKey, control: HTMLElement) =>
    h(doc, 'div', { class: 'filter' }, h(doc, 'label', { for: id }, t(label)), control);

  const element = h(
    doc,
    'section',
    { class: 'entries', 'aria-labelledby': 'entries-heading' },
    h(
      doc,
      'div',
      { class: 'section-head' },
      h(doc, 'h2', { id: 'entries-heading' }, t('editorEntriesHeading')),
      newButton,
    ),
    h(
      doc,
      'div',
      { class: 'filters' },
      field('entry-search', 'editorSearchLabel', search),
      field('entry-category', 'editorCategoryFilter', category),
      field('entry-state', 'editorStateFilter', state),
      field('entry-pack', 'editorPackFilter', pack),
    ),
    status,
    list,
    h(doc, 'nav', { class: 'pager', 'aria-label': t('editorEntriesHeading') }, previous, pageLabel, next),
  );

  /** The category, named in its highlights' colour as in the popup: the key to the page's underlines. */
  function categoryName(category: string): HTMLElement {
    const name = h(doc, 'span', { class: 'entry-meta entry-category' }, categoryLabel(language, category));
    paintAsCategory(name, category);
    return name;
  }

  function renderRow(item: ListItem): HTMLElement {
    // Named as the reader knows it (Nvidia, 英伟达), as in the popup and the tooltip; the
    // term the pack writes comes first among the other names.
    const shown = displayName(item.entry, language);
    const aliases = [item.entry.term, ...item.entry.aliases.map((a) => (typeof a === 'string' ? a : a.text))];
    const others = [...new Set(aliases)].filter((name) => name !== shown);
    const badge = STATE_BADGES[item.state];
    // Each name in its language, so a screen reader reads 安謀 in Chinese in an English editor.
    const langOf = (name: string) => {
      const lang = nameLangIn(doc, name, item.entry.names, language);
      return lang ? { lang } : {};
    };
    const button = h(
      doc,
      'button',
      {
        type: 'button',
        class: 'entry-row',
        'data-key': item.key,
        'data-testid': 'entry-row',
        'aria-current': item.key === selected ? 'true' : false,
      },
      // Each name isolated (`dir="auto"`): a right-to-left name keeps its order and leaves the row's.
      h(doc, 'span', { class: 'entry-name', dir: 'auto', ...langOf(shown) }, shown),
      others.length > 0
        ? h(
            doc,
            'span',
            { class: 'entry-aliases', dir: 'auto' },
            ...others
              .slice(0, 4)
              .flatMap((name, i) => [i > 0 ? ' · ' : '', h(doc, 'span', { dir: 'auto', ...langOf(name) }, name)]),
          )
        : null,
      categoryName(item.entry.category),
      packs.length > 1
        ? h(doc, 'span', { class: 'entry-meta' }, packs.find((p) => p.id === item.packId)?.title ?? item.packId)
        : null,
      badge ? h(doc, 'span', { class: `badge badge-${item.state}` }, t(badge)) : null,
    );
    button.addEventListener('click', () => onOpen(item));
    return h(doc, 'li', {}, button);
  }

  function render() {
    const result = filterItems(items, filter);
    const pages = Math.max(1, Math.ceil(result.items.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    replaceChildren(
      category,
      h(doc, 'option', { value: '' }, t('editorCategoryAll', result.total)),
      ...CATEGORIES.filter((c) => result.categoryCounts.has(c) || c === filter.category).map((c) =>
        h(
          doc,
          'option',
          { value: c },
          t('editorCategoryOption', categoryLabel(language, c), result.categoryCounts.get(c) ?? 0),
        ),
      ),
    );
    category.value = filter.category;
    replaceChildren(
      pack,
      h(doc, 'option', { value: '' }, t('editorPackAll')),
      ...packs.map((p) => h(doc, 'option', { value: p.id }, p.title)),
    );
    pack.value = filter.packId;
    const shown = result.items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    // Nothing to list before any filter: the packs are switched off (or hold nothing).
    const nothingOn = !filter.packId && !items.some((item) => item.packEnabled);
    status.textContent =
      shown.length > 0
        ? t('editorResultsRange', page * PAGE_SIZE + 1, page * PAGE_SIZE + shown.length, result.items.length)
        : t(nothingOn ? 'editorResultsNoEntries' : 'editorResultsNone');
    // The rows are drawn anew (another tab's save redraws them): focus on one stays on its entry,
    // else on the row now in its place, else, with no row left, on the search: not falling to
    // the page's top.
    const rows = () => [...list.querySelectorAll<HTMLElement>('button.entry-row')];
    const focusedRow = rows().indexOf(doc.activeElement as HTMLElement);
    const focusedKey = focusedRow >= 0 ? rows()[focusedRow]!.dataset.key : undefined;
    replaceChildren(list, ...shown.map(renderRow));
    if (focusedRow >= 0) {
      const now = rows();
      const row = now.find((r) => r.dataset.key === focusedKey) ?? now[Math.min(focusedRow, now.length - 1)];
      (row ?? search).focus({ preventScroll: true });
    }
    pageLabel.textContent = t('editorPageOf', page + 1, pages);
    // A disabled button loses focus: at the first or last page, focus moves to the other one.
    const focused = doc.activeElement;
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
    if (focused === next && next.disabled && !previous.disabled) previous.focus();
    if (focused === previous && previous.disabled && !next.disabled) next.focus();
  }

  const refilter = () => {
    page = 0;
    render();
  };
  search.addEventListener('input', () => {
    filter.query = search.value;
    refilter();
  });
  // Enter in the search box opens the first match: find-and-edit without leaving the keyboard.
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    list.querySelector<HTMLButtonElement>('button.entry-row')?.click();
  });
  category.addEventListener('change', () => {
    filter.category = category.value;
    refilter();
  });
  state.addEventListener('change', () => {
    filter.state = state.value as ListFilter['state'];
    refilter();
  });
  pack.addEventListener('change', () => {
    filter.packId = pack.value;
    refilter();
  });
  /**
   * A new page is read from its top: the buttons are at the list's foot, and the view left
   * there would show the new page's last rows. Focus stays on the button, to press again.
   */
  function turnTo(nextPage: number) {
    page = nextPage;
    render();
    if (status.getBoundingClientRect().top < 0) status.scrollIntoView({ block: 'start' });
  }
  previous.addEventListener('click', () => turnTo(page - 1));
  next.addEventListener('click', () => turnTo(page + 1));
  newButton.addEventListener('click', onNew);

  return {
    element,
    update(nextItems, nextPacks) {
      items = nextItems;
      packs = nextPacks;
      if (filter.packId && !packs.some((p) => p.id === filter.packId)) filter.packId = '';
      render();
    },
    setSelected(key) {
      selected = key;
      for (const row of list.querySelectorAll<HTMLElement>('button.entry-row')) {
        if (row.dataset.key === key) row.setAttribute('aria-current', 'true');
        else row.removeAttribute('aria-current');
      }
    },
    reveal(key, scroll = true) {
      let at = filterItems(items, filter).items.findIndex((item) => item.key === key);
      if (at < 0 && items.some((item) => item.key === key)) {
        // Filtered out (the reader searched for something else): the filters give way, so the
        // entry asked for is shown in the list as well as in the form.
        Object.assign(filter, { query: '', category: '', state: 'all', packId: '' });
        search.value = category.value = pack.value = '';
        state.value = 'all';
        at = filterItems(items, filter).items.findIndex((item) => item.key === key);
      }
      if (at < 0) return;
      page = Math.floor(at / PAGE_SIZE);
      render();
      const row = [...list.querySelectorAll<HTMLElement>('button.entry-row')].find((r) => r.dataset.key === key);
      if (scroll) row?.scrollIntoView({ block: 'nearest' });
    },
  };
}

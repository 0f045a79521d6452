/**
 * The names found on the page, by category, kept element by element from one report to the
 * next. A page that changes reports again and again while the popup is open; a list rebuilt
 * whole each time would move a screen reader's place back to the top and drop the name it was
 * on, where a count that changes in place is only a changed number.
 */
import { displayName } from '../glossary/entry-names';
import { categoryLabel } from '../i18n/categories';
import { translator } from '../i18n/translate';
import { paintAsCategory } from '../ui/category-look';
import { h, setText } from './dom';
import type { PopupActions, PopupState } from './popup-state';

export interface FoundList {
  /** The list; it stays in the document, and so do its sections and names while found. */
  readonly element: HTMLElement;
  /** Brings the list to `state.groups`: counts and words changed in place, names added, moved or removed. */
  update(state: PopupState, actions: PopupActions): void;
}

interface NameItem {
  readonly item: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly term: HTMLElement;
  readonly count: HTMLElement;
}

interface GroupSection {
  readonly section: HTMLElement;
  readonly heading: HTMLElement;
  /** Why the names of a category the reader hides are disabled, in words shown and read with each. */
  readonly why: HTMLElement;
  readonly list: HTMLElement;
  readonly names: Map<string, NameItem>;
}

export function createFoundList(doc: Document): FoundList {
  const element = h(doc, 'div', { class: 'found' });
  const sections = new Map<string, GroupSection>();
  // The actions of the last update: the buttons' listeners outlive the update that made them.
  let act: PopupActions | undefined;

  function newName(id: string, category: string): NameItem {
    const term = h(doc, 'span', { class: 'term', dir: 'auto' });
    paintAsCategory(term, category);
    const count = h(doc, 'span', { class: 'count' });
    const button = h(
      doc,
      'button',
      { type: 'button', 'data-testid': 'found-entry', 'data-entry-id': id, 'data-focus-key': `found-entry:${id}` },
      term,
      count,
    ) as HTMLButtonElement;
    button.addEventListener('click', () => act?.reveal(id));
    return { item: h(doc, 'li', {}, button), button, term, count };
  }

  function newSection(category: string): GroupSection {
    const headingId = `found-${category}`;
    const heading = h(doc, 'h3', { id: headingId });
    const why = h(doc, 'p', { id: `found-${category}-hidden`, class: 'hint' });
    const list = h(doc, 'ul', { 'aria-labelledby': headingId });
    const section = h(doc, 'section', { class: 'group', 'data-category': category }, heading, why, list);
    return { section, heading, why, list, names: new Map() };
  }

  return {
    element,
    update(state, actions) {
      act = actions;
      const t = translator(state.language);
      const shown: HTMLElement[] = [];
      const categories = new Set<string>();
      for (const group of state.groups) {
        categories.add(group.category);
        let section = sections.get(group.category);
        if (!section) sections.set(group.category, (section = newSection(group.category)));
        shown.push(section.section);
        // Counted either way; a category the reader hides has nothing drawn to go to.
        const hidden = (state.settings.hiddenCategories as readonly string[]).includes(group.category);
        setText(
          section.heading,
          t('popupFoundGroup', categoryLabel(state.language, group.category), group.entries.length),
        );
        setText(section.why, t('popupRevealHidden'));
        section.why.hidden = !hidden;
        const items: HTMLElement[] = [];
        const ids = new Set<string>();
        for (const entry of group.entries) {
          ids.add(entry.id);
          let name = section.names.get(entry.id);
          if (!name) section.names.set(entry.id, (name = newName(entry.id, group.category)));
          items.push(name.item);
          setText(name.term, displayName(entry, state.language));
          setText(name.count, String(entry.count));
          setAttribute(name.button, 'title', t(hidden ? 'popupRevealHidden' : 'popupRevealTitle'));
          setAttribute(name.button, 'aria-describedby', hidden ? section.why.id : undefined);
          name.button.disabled = hidden;
        }
        for (const id of section.names.keys()) if (!ids.has(id)) section.names.delete(id);
        placeChildren(section.list, items);
      }
      for (const category of sections.keys()) if (!categories.has(category)) sections.delete(category);
      placeChildren(element, shown);
    },
  };
}

function setAttribute(el: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) el.removeAttribute(name);
  else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * Makes `wanted` the children of `parent`, in that order, moving only the nodes out of place
 * (moving a node takes focus from it; popup.ts gives it back) and removing the rest.
 */
function placeChildren(parent: HTMLElement, wanted: readonly HTMLElement[]): void {
  wanted.forEach((node, i) => {
    const here = parent.children[i];
    if (here !== node) parent.insertBefore(node, here ?? null);
  });
  while (parent.children.length > wanted.length) parent.lastElementChild!.remove();
}

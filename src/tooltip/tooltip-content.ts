/**
 * Builds the tooltip's content. Glossary text is data: every string reaches the DOM
 * through textContent, so a note containing markup shows as those characters.
 */
import { readerLangIn } from '../i18n/browser-language';
import { displayName, type DisplayNames } from '../glossary/entry-names';
import { nameLangIn } from '../glossary/name-lang-in';
import { categoryLabel } from '../i18n/categories';
import type { ReaderLanguage } from '../i18n/language';
import { tooltipCountLabel, tooltipLabel } from '../i18n/tooltip-labels';
import {
  MAX_NAMES,
  MAX_RELATED,
  otherNames,
  pickNote,
  webLinks,
  type RelatedNames,
  type TooltipEntry,
} from './tooltip-entry';

export interface TooltipContentOptions {
  document: Document;
  entry: TooltipEntry;
  language: ReaderLanguage;
  /** The names of a related entry, by id. */
  getNames(id: string): RelatedNames | undefined;
  /** Opens a related entry in the tooltip. */
  openRelated(id: string): void;
  /** The entry the reader came from through the related list, and the way back to it. */
  back?: { names: RelatedNames; go(): void };
  /**
   * The related entry the reader comes back from: when it waited behind "+N", the whole list is
   * shown, as the reader had put it out before opening that entry.
   */
  cameFrom?: string;
  /** Opens the glossary editor at this entry; without it the tooltip offers no way there. */
  edit?(): void;
}

/** Id of the element that holds the entry's name, unique in the tooltip's shadow root: what names the panel. */
export const TERM_ID = 'term';
/** Id of the entry's note, which the way back describes itself by. */
const NOTE_ID = 'note';

function element(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const el = doc.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * Glossary text (a reader may write it in Hebrew or Arabic) takes its direction from its own
 * letters and stays apart from the labels around it.
 */
function isolated<E extends HTMLElement>(el: E): E {
  el.dir = 'auto';
  return el;
}

/** A "label: value" line; the label is its own element so it can be styled quietly. */
function labelledLine(doc: Document, className: string, label: string, value: string | Node[]): HTMLElement {
  const line = element(doc, 'p', `line ${className}`);
  const valueElement = isolated(element(doc, 'span', 'value'));
  if (typeof value === 'string') valueElement.textContent = value;
  else valueElement.append(...value);
  line.append(element(doc, 'span', 'label', label), valueElement);
  return line;
}

/**
 * `el`, showing `name`, tagged with the language the name is written in where that is not the
 * tooltip's (name-language.ts): 英伟达 in a Traditional tooltip is drawn in Simplified forms
 * and fonts, and 輝達 in an English one is read with a Chinese voice.
 */
function inNameLanguage<E extends HTMLElement>(
  el: E,
  name: string,
  names: DisplayNames | undefined,
  language: ReaderLanguage,
): E {
  const lang = nameLangIn(el.ownerDocument, name, names, language);
  if (lang) el.lang = lang;
  return el;
}

/**
 * Lists up to `max` names, each in its own language; the rest wait behind a "+N" button, as
 * related entries do, so every name the pack gives can be read in the tooltip.
 */
function limitedNames(
  doc: Document,
  names: readonly string[],
  max: number,
  tag: (el: HTMLElement, name: string) => HTMLElement,
  moreLabel: (count: number) => string,
): Node[] {
  const toName = (name: string) => tag(element(doc, 'span', 'name', name), name);
  const shown = names.slice(0, max).map(toName);
  const rest = names.slice(max);
  if (rest.length === 0) return dotted(doc, shown);
  const more = moreButton(doc, 'names-more', rest.length, moreLabel(rest.length), () => {
    const added = rest.map(toName);
    // Text, in no Tab order; focusable by script only, so focus stays in the tooltip, on what came out.
    added[0]!.tabIndex = -1;
    return added;
  });
  return dotted(doc, [...shown, more]);
}

/**
 * A "+N" button, named "+N" and `label` (its visible text, then what it holds), that puts
 * the N items `reveal` draws in its place and focuses the first.
 */
function moreButton(
  doc: Document,
  className: string,
  count: number,
  label: string,
  reveal: (more: HTMLElement) => HTMLElement[],
): HTMLElement {
  const more = inlineButton(doc, className, `+${count}`, () => {
    const added = reveal(more);
    more.before(...dotted(doc, added));
    // Focus moves before the button goes, so it never falls out of the tooltip.
    added[0]!.focus();
    more.remove();
  });
  more.setAttribute('aria-label', `+${count} ${label}`);
  return more;
}

/**
 * A button that reads as a link in the tooltip's text. `trustedOnly`: only the reader's own
 * click or key press counts, not a click the page's script makes (`button.click()` reaches
 * into an open shadow root) — for a button that opens a tab.
 */
function inlineButton(
  doc: Document,
  className: string,
  text: string,
  onClick: () => void,
  { trustedOnly = false } = {},
): HTMLElement {
  const button = element(doc, 'button', className, text);
  (button as HTMLButtonElement).type = 'button';
  button.addEventListener('click', (event) => {
    // The page never hears of clicks in our UI (a page's "click outside" handler must not fire).
    event.stopPropagation();
    if (trustedOnly && !event.isTrusted) return;
    onClick();
  });
  return button;
}

/** `items` with " · " between them, as the tooltip writes every list. */
function dotted(doc: Document, items: readonly Node[]): Node[] {
  return items.flatMap((item, i) => (i > 0 ? [doc.createTextNode(' · '), item] : [item]));
}

/**
 * The related entries, up to `max` of them, as buttons that open each. The rest wait behind a
 * "+N" button (`moreButton`, named with `moreLabel(N)`), so every related entry can be reached
 * however many a pack lists.
 */
function relatedButtons(
  doc: Document,
  related: readonly { id: string; name: string; names: RelatedNames }[],
  max: number,
  open: (id: string) => void,
  moreLabel: (count: number) => string,
  language: ReaderLanguage,
): Node[] {
  const toButton = ({ id, name, names }: { id: string; name: string; names: RelatedNames }) => {
    const button = inNameLanguage(
      inlineButton(doc, 'related-entry', name, () => open(id)),
      name,
      names.names,
      language,
    );
    button.dataset.entryId = id;
    return button;
  };
  const buttons = related.slice(0, max).map(toButton);
  const rest = related.slice(max);
  if (rest.length === 0) return dotted(doc, buttons);
  const more = moreButton(doc, 'related-more', rest.length, moreLabel(rest.length), (replaced) => {
    const added = rest.map(toButton);
    // In or out of the tab order as the button they replace (the tooltip keeps its own out).
    for (const button of added) button.tabIndex = replaced.tabIndex;
    return added;
  });
  return dotted(doc, [...buttons, more]);
}

/** The tooltip body for one entry, in the reader's language. */
export function renderTooltipContent(options: TooltipContentOptions): HTMLElement {
  const { document: doc, entry, language, getNames, openRelated, back, cameFrom, edit } = options;
  const body = element(doc, 'div', 'body');
  const note = pickNote(entry.context, language);

  if (back) {
    const name = displayName(back.names, language);
    const button = inlineButton(doc, 'back', '← ', back.go);
    // The name alone carries its language (the arrow and the label have none of their own).
    button.append(inNameLanguage(element(doc, 'span', 'name', name), name, back.names.names, language));
    // "Back to Nvidia", "返回英伟达": Chinese sets no space between the words.
    const space = language === 'en' ? ' ' : '';
    button.setAttribute('aria-label', `${tooltipLabel(language, 'tooltipBack')}${space}${name}`);
    // Focus lands here when a related entry opens from the keyboard: the entry it shows is
    // read after the button, as a screen reader hears nothing of the dialog it is already in.
    button.setAttribute('aria-describedby', note ? `${TERM_ID} ${NOTE_ID}` : TERM_ID);
    body.append(button);
  }

  const shown = displayName(entry, language);
  const head = element(doc, 'div', 'head');
  const term = inNameLanguage(isolated(element(doc, 'span', 'term', shown)), shown, entry.names, language);
  term.id = TERM_ID;
  head.append(term, element(doc, 'span', 'category', categoryLabel(language, entry.category)));
  body.append(head);

  const names = otherNames(entry, shown, language);
  if (names.length > 0) {
    const tag = (el: HTMLElement, name: string) => inNameLanguage(el, name, entry.names, language);
    const more = (count: number) => tooltipCountLabel(language, 'tooltipNamesMore', count);
    const list = limitedNames(doc, names, MAX_NAMES, tag, more);
    body.append(labelledLine(doc, 'names', tooltipLabel(language, 'tooltipAliases'), list));
  }

  if (note) {
    const p = isolated(element(doc, 'p', 'note', note.text));
    p.id = NOTE_ID;
    // Tagging the note's language picks the right CJK glyphs and the right screen-reader voice.
    if (note.language) p.lang = readerLangIn(doc, note.language);
    body.append(p);
  }

  const section = entry.section?.trim();
  if (section) {
    const title = displayName({ term: section, names: entry.sectionNames }, language);
    // The column's own title where the pack gives none in the reader's language: tagged as a name is.
    const value = inNameLanguage(element(doc, 'span', 'title', title), title, entry.sectionNames, language);
    body.append(labelledLine(doc, 'section', tooltipLabel(language, 'tooltipSection'), [value]));
  }

  const related = (entry.related ?? []).flatMap((id) => {
    const names = getNames(id);
    return names ? [{ id, name: displayName(names, language), names }] : [];
  });
  if (related.length > 0) {
    const more = (count: number) => tooltipCountLabel(language, 'tooltipRelatedMore', count);
    // Past MAX_RELATED only behind "+N", unless the reader comes back from one of those.
    const listed = related.slice(MAX_RELATED).some(({ id }) => id === cameFrom) ? related.length : MAX_RELATED;
    const value = relatedButtons(doc, related, listed, openRelated, more, language);
    body.append(labelledLine(doc, 'related', tooltipLabel(language, 'tooltipRelated'), value));
  }

  const links = webLinks(entry.links, language).map((link) => {
    const anchor = element(doc, 'a', 'link', link.title) as HTMLAnchorElement;
    anchor.href = link.url;
    // Tells assistive technology, and the reader hovering it, the language of the page it opens.
    if (link.hreflang) anchor.hreflang = link.hreflang;
    // A new tab, and the page the reader is on learns nothing of it.
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    return anchor;
  });
  if (links.length > 0)
    body.append(labelledLine(doc, 'links', tooltipLabel(language, 'tooltipLinks'), dotted(doc, links)));

  if (edit) {
    // Last, so the keyboard meets the entry's own related entries and links first.
    const actions = element(doc, 'p', 'actions');
    actions.append(inlineButton(doc, 'edit-entry', tooltipLabel(language, 'tooltipEdit'), edit, { trustedOnly: true }));
    body.append(actions);
  }
  return body;
}

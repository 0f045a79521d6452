/** The "this page" section: per-site switch, relevance score, entries found by category. */
import { displayName } from '../glossary/entry-names';
import { categoryLabel } from '../i18n/categories';
import { translator } from '../i18n/translate';
import { highlightsActiveFor } from '../settings/settings';
import { paintAsCategory } from '../ui/category-look';
import { h } from './dom';
import { keptPart } from './kept-part';
import type { PopupActions, PopupState } from './popup-state';
import { switchControl } from './settings-view';

function siteSwitch(doc: Document, state: PopupState, actions: PopupActions): HTMLElement {
  const t = translator(state.language);
  const { hostname } = state;
  return switchControl(doc, {
    id: 'site-toggle',
    testId: 'site-toggle',
    label: hostname ? t('popupSiteToggle', hostname) : t('popupSiteUnavailable'),
    checked: siteOn(state),
    disabled: !hostname,
    onChange: (on) => {
      if (!hostname) return;
      // The settings as they are now: the switch outlives changes to the others (kept-part.ts).
      const others = state.settings.disabledSites.filter((site) => site !== hostname);
      actions.updateSettings({ disabledSites: on ? others : [...others, hostname] });
    },
  });
}

function siteOn({ hostname, settings }: PopupState): boolean {
  return hostname ? !settings.disabledSites.includes(hostname) : false;
}

function score(doc: Document, state: PopupState, value: number): HTMLElement {
  const t = translator(state.language);
  const meter = h(doc, 'meter', {
    id: 'relevance-meter',
    min: '0',
    max: '100',
    low: '34',
    high: '67',
    optimum: '100',
    value: String(value),
    'aria-describedby': 'relevance-help',
  });
  return h(
    doc,
    'div',
    { class: 'score' },
    h(doc, 'label', { for: 'relevance-meter' }, t('popupRelevance')),
    h(
      doc,
      'div',
      { class: 'score-value' },
      meter,
      h(doc, 'output', { 'data-testid': 'relevance-score' }, String(value)),
    ),
    h(doc, 'p', { id: 'relevance-help', class: 'hint' }, t('popupRelevanceHelp')),
  );
}

function foundList(doc: Document, state: PopupState, actions: PopupActions): HTMLElement {
  const t = translator(state.language);
  const container = h(doc, 'div', { class: 'found' });
  for (const group of state.groups) {
    const headingId = `found-${group.category}`;
    const list = h(doc, 'ul', { 'aria-labelledby': headingId });
    // Counted either way; a category the reader hides has nothing drawn to go to.
    const hidden = (state.settings.hiddenCategories as readonly string[]).includes(group.category);
    // Why its names are disabled, in words shown and read with each (a title is neither).
    const whyId = `found-${group.category}-hidden`;
    for (const entry of group.entries) {
      const term = h(doc, 'span', { class: 'term', dir: 'auto' }, displayName(entry, state.language));
      paintAsCategory(term, group.category);
      const button = h(
        doc,
        'button',
        {
          type: 'button',
          'data-testid': 'found-entry',
          'data-entry-id': entry.id,
          'data-focus-key': `found-entry:${entry.id}`,
          title: t(hidden ? 'popupRevealHidden' : 'popupRevealTitle'),
          'aria-describedby': hidden ? whyId : undefined,
          disabled: hidden,
        },
        term,
        h(doc, 'span', { class: 'count' }, String(entry.count)),
      );
      button.addEventListener('click', () => actions.reveal(entry.id));
      list.append(h(doc, 'li', {}, button));
    }
    const section = h(
      doc,
      'section',
      { class: 'group', 'data-category': group.category },
      h(
        doc,
        'h3',
        { id: headingId },
        t('popupFoundGroup', categoryLabel(state.language, group.category), group.entries.length),
      ),
      hidden ? h(doc, 'p', { id: whyId, class: 'hint' }, t('popupRevealHidden')) : '',
      list,
    );
    container.append(section);
  }
  return container;
}

/** What the page report says in one sentence: its status, or how many names were found. */
function reportLine(state: PopupState): { text: string; status: boolean } {
  const t = translator(state.language);
  const status = (text: string) => ({ text, status: true });
  switch (state.report.kind) {
    case 'loading':
      return status(t('popupReading'));
    case 'unavailable':
      return status(t(state.pdf ? 'popupCannotReadPdf' : 'popupNoContentScript'));
    case 'summary': {
      if (!highlightsActiveFor(state.settings, state.hostname ?? '')) return status(t('popupHighlightsOff'));
      if (state.groups.length === 0) return status(t('popupFoundNone'));
      const total = state.groups.reduce((sum, group) => sum + group.entries.length, 0);
      return { text: t.count('popupFoundCount', total), status: false };
    }
  }
}

export interface PageView {
  /** The "this page" section; it stays in the document from one render to the next. */
  element: HTMLElement;
  /**
   * Redraws the section from `state`, changing its live line's text, never the line itself,
   * and rebuilding the site switch and the list only when what they show has changed.
   */
  update(state: PopupState, actions: PopupActions): void;
}

/**
 * The whole "this page" section. Its report line is a polite live region, created once: a
 * screen reader announces a live region's changes only while the region itself stays put.
 */
export function createPageView(doc: Document): PageView {
  const heading = h(doc, 'h2', { id: 'page-heading' });
  const siteRow = keptPart(doc);
  const live = h(doc, 'p', { 'aria-live': 'polite' });
  const details = keptPart(doc);
  const element = h(
    doc,
    'section',
    { class: 'page', 'aria-labelledby': 'page-heading' },
    heading,
    siteRow.element,
    live,
    details.element,
  );
  return {
    element,
    update(state, actions) {
      const t = translator(state.language);
      heading.textContent = t('popupThisPage');
      siteRow.show(JSON.stringify([state.language, state.hostname ?? null, siteOn(state)]), () =>
        siteSwitch(doc, state, actions),
      );
      const line = reportLine(state);
      if (live.textContent !== line.text) live.textContent = line.text;
      live.className = line.status ? 'status' : 'found-total';
      // The status as tests and readers of the old markup know it.
      if (line.status) live.setAttribute('data-testid', 'page-status');
      else live.removeAttribute('data-testid');
      const showList = state.report.kind === 'summary' && !line.status;
      const { language, score: value = 0, groups, settings } = state;
      details.show(showList ? JSON.stringify([language, value, groups, settings.hiddenCategories]) : '', () =>
        showList ? h(doc, 'div', {}, score(doc, state, value), foundList(doc, state, actions)) : h(doc, 'div'),
      );
    },
  };
}

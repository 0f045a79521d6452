/** The "this page" section: per-site switch, relevance score, entries found by category. */
import { displayName } from '../glossary/entry-names';
import { translator } from '../i18n/translate';
import { highlightsActiveFor } from '../settings/settings';
import { h, setText } from './dom';
import { createFoundList } from './found-list';
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

/** The relevance score, its words and number changed in place from one report to the next. */
function createScore(doc: Document): { element: HTMLElement; update(state: PopupState, value: number): void } {
  const meter = h(doc, 'meter', {
    id: 'relevance-meter',
    min: '0',
    max: '100',
    low: '34',
    high: '67',
    optimum: '100',
    'aria-describedby': 'relevance-help',
  });
  const label = h(doc, 'label', { for: 'relevance-meter' });
  // The number beside the meter, which already gives screen readers its value. Not an
  // <output>: that is a live region, and each report's new score was announced beside the
  // one live line of the popup.
  const output = h(doc, 'span', { class: 'score-number', 'aria-hidden': 'true', 'data-testid': 'relevance-score' });
  const help = h(doc, 'p', { id: 'relevance-help', class: 'hint' });
  const element = h(
    doc,
    'div',
    { class: 'score' },
    label,
    h(doc, 'div', { class: 'score-value' }, meter, output),
    help,
  );
  return {
    element,
    update(state, value) {
      const t = translator(state.language);
      setText(label, t('popupRelevance'));
      setText(help, t('popupRelevanceHelp'));
      setText(output, String(value));
      if (meter.getAttribute('value') !== String(value)) meter.setAttribute('value', String(value));
    },
  };
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
      // Said as the switch that turned them off: every tab's, or this site's.
      if (!state.settings.enabled) return status(t('popupHighlightsOffEverywhere'));
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
   * rebuilding the site switch only when what it shows has changed, and the score and the
   * list in place (found-list.ts).
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
  const score = createScore(doc);
  const found = createFoundList(doc);
  const details = h(doc, 'div');
  /** Why a name clicked took the page nowhere; a live region of its own, in place from the start. */
  const notShown = h(doc, 'p', { class: 'hint', role: 'status', 'data-testid': 'not-shown' });
  const element = h(
    doc,
    'section',
    { class: 'page', 'aria-labelledby': 'page-heading' },
    heading,
    siteRow.element,
    live,
    details,
    notShown,
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
      setText(live, line.text);
      live.className = line.status ? 'status' : 'found-total';
      // The status as tests and readers of the old markup know it.
      if (line.status) live.setAttribute('data-testid', 'page-status');
      else live.removeAttribute('data-testid');
      const showList = state.report.kind === 'summary' && !line.status;
      // Out of the document while there is no list to show; kept, so that it comes back in place.
      if (!showList) details.replaceChildren();
      else if (!details.hasChildNodes()) details.append(score.element, found.element);
      score.update(state, state.score ?? 0);
      // Without a list it keeps no names: a report no longer shown leaves nothing behind.
      found.update(showList ? state : { ...state, groups: [] }, actions);
      const missed = showList ? state.groups.flatMap((g) => g.entries).find((e) => e.id === state.notShown) : undefined;
      setText(notShown, missed ? t('popupRevealNotShown', displayName(missed, state.language)) : '');
    },
  };
}

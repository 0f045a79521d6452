/** The popup's switches and choices: global switch, density, categories, language. */
import { CATEGORIES } from '../glossary/categories';
import { paintAsCategory } from '../ui/category-look';
import { categoryLabel } from '../i18n/categories';
import { translator } from '../i18n/translate';
import { UI_LANGUAGES, type Settings } from '../settings/settings';
import { h } from './dom';
import type { PopupActions, PopupState } from './popup-state';

/** Language names are written in their own language, the convention readers look for. */
const LANGUAGE_NAMES: Record<Exclude<Settings['language'], 'auto'>, string> = {
  'zh-Hant': '繁體中文',
  'zh-Hans': '简体中文',
  en: 'English',
};

/** A checkbox styled and announced as a switch, with its label. */
export function switchControl(
  doc: Document,
  options: {
    id: string;
    testId: string;
    label: string;
    checked: boolean;
    disabled?: boolean;
    onChange(checked: boolean): void;
  },
): HTMLElement {
  const input = h(doc, 'input', {
    type: 'checkbox',
    role: 'switch',
    id: options.id,
    'data-testid': options.testId,
    disabled: options.disabled,
  }) as HTMLInputElement;
  input.checked = options.checked;
  input.addEventListener('change', () => options.onChange(input.checked));
  return h(doc, 'div', { class: 'switch-row' }, h(doc, 'label', { for: options.id }, options.label), input);
}

function select(
  doc: Document,
  options: {
    id: string;
    testId: string;
    label: string;
    value: string;
    choices: [string, string][];
    onChange(value: string): void;
  },
): HTMLElement {
  const control = h(doc, 'select', { id: options.id, 'data-testid': options.testId }) as HTMLSelectElement;
  for (const [value, text] of options.choices) control.append(h(doc, 'option', { value }, text));
  control.value = options.value;
  control.addEventListener('change', () => options.onChange(control.value));
  return h(doc, 'div', { class: 'field' }, h(doc, 'label', { for: options.id }, options.label), control);
}

/** The global highlights switch, shown in the header. */
export function renderGlobalSwitch(doc: Document, state: PopupState, actions: PopupActions): HTMLElement {
  const t = translator(state.language);
  return switchControl(doc, {
    id: 'highlights-toggle',
    testId: 'highlights-toggle',
    label: t('popupHighlightsToggle'),
    checked: state.settings.enabled,
    onChange: (enabled) => actions.updateSettings({ enabled }),
  });
}

/** The settings section: density, categories and language. */
export function renderSettings(doc: Document, state: PopupState, actions: PopupActions): HTMLElement {
  const t = translator(state.language);
  const { settings } = state;

  const density = select(doc, {
    id: 'density',
    testId: 'density',
    label: t('popupDensity'),
    value: settings.density,
    choices: [
      ['all', t('popupDensityAll')],
      ['first', t('popupDensityFirst')],
    ],
    onChange: (value) => actions.updateSettings({ density: value === 'first' ? 'first' : 'all' }),
  });

  const categories = h(doc, 'fieldset', { class: 'categories' }, h(doc, 'legend', {}, t('popupCategories')));
  // A category no entry has switches nothing (one hidden before stays, to be shown again).
  const offered = CATEGORIES.filter((c) => state.categories.includes(c) || settings.hiddenCategories.includes(c));
  for (const category of offered) {
    const box = h(doc, 'input', {
      type: 'checkbox',
      id: `category-${category}`,
      'data-testid': `category-${category}`,
      'data-category': category,
    }) as HTMLInputElement;
    box.checked = !settings.hiddenCategories.includes(category);
    box.addEventListener('change', () => {
      // The settings as they are now: the box outlives changes the popup does not redraw it for.
      const hidden = new Set(state.settings.hiddenCategories);
      if (box.checked) hidden.delete(category);
      else hidden.add(category);
      actions.updateSettings({ hiddenCategories: CATEGORIES.filter((c) => hidden.has(c)) });
    });
    const name = h(doc, 'span', { class: 'category-name' }, categoryLabel(state.language, category));
    paintAsCategory(name, category);
    categories.append(h(doc, 'label', { class: 'category' }, box, name));
  }

  const language = select(doc, {
    id: 'language',
    testId: 'language',
    label: t('popupLanguage'),
    value: settings.language,
    choices: UI_LANGUAGES.map((l) => [l, l === 'auto' ? t('popupLanguageAuto') : LANGUAGE_NAMES[l]]),
    onChange: (value) => {
      const chosen = UI_LANGUAGES.find((l) => l === value);
      if (chosen) actions.updateSettings({ language: chosen });
    },
  });

  return h(
    doc,
    'section',
    { class: 'settings', 'aria-labelledby': 'settings-heading' },
    h(doc, 'h2', { id: 'settings-heading' }, t('popupSettings')),
    density,
    categories,
    language,
  );
}

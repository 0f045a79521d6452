/**
 * The few catalog messages the tooltip needs, picked out of the locale files one by one.
 *
 * The tooltip runs in the content script, on every page, while the catalogs also hold the
 * popup's and the editor's text. Static `namespace.key` reads let the bundler keep only
 * these keys (Vite exposes each top-level JSON key as its own export); a lookup by a
 * computed key would pull every catalog in whole.
 */
import * as en from '../../public/_locales/en/messages.json';
import * as zhTW from '../../public/_locales/zh_TW/messages.json';
import * as zhCN from '../../public/_locales/zh_CN/messages.json';
import type { CatalogMessage } from './catalogs';
import type { ReaderLanguage } from './language';

export type TooltipLabelKey =
  | 'tooltipAliases'
  | 'tooltipSection'
  | 'tooltipRelated'
  | 'tooltipRelatedMore'
  | 'tooltipRelatedMore_one'
  | 'tooltipNamesMore'
  | 'tooltipNamesMore_one'
  | 'tooltipBack'
  | 'tooltipLinks'
  | 'tooltipEdit'
  | 'categoryCompany'
  | 'categoryOrganization'
  | 'categoryPerson'
  | 'categoryProduct'
  | 'categoryTechnology'
  | 'categoryPolicy'
  | 'categoryConcept'
  | 'categoryPublication'
  | 'categoryEvent';

type Labels = Record<TooltipLabelKey, CatalogMessage>;

export const TOOLTIP_LABELS: Record<ReaderLanguage, Labels> = {
  en: {
    tooltipAliases: en.tooltipAliases,
    tooltipSection: en.tooltipSection,
    tooltipRelated: en.tooltipRelated,
    tooltipRelatedMore: en.tooltipRelatedMore,
    tooltipRelatedMore_one: en.tooltipRelatedMore_one,
    tooltipNamesMore: en.tooltipNamesMore,
    tooltipNamesMore_one: en.tooltipNamesMore_one,
    tooltipBack: en.tooltipBack,
    tooltipLinks: en.tooltipLinks,
    tooltipEdit: en.tooltipEdit,
    categoryCompany: en.categoryCompany,
    categoryOrganization: en.categoryOrganization,
    categoryPerson: en.categoryPerson,
    categoryProduct: en.categoryProduct,
    categoryTechnology: en.categoryTechnology,
    categoryPolicy: en.categoryPolicy,
    categoryConcept: en.categoryConcept,
    categoryPublication: en.categoryPublication,
    categoryEvent: en.categoryEvent,
  },
  'zh-Hant': {
    tooltipAliases: zhTW.tooltipAliases,
    tooltipSection: zhTW.tooltipSection,
    tooltipRelated: zhTW.tooltipRelated,
    tooltipRelatedMore: zhTW.tooltipRelatedMore,
    // Chinese has no singular form.
    tooltipRelatedMore_one: zhTW.tooltipRelatedMore,
    tooltipNamesMore: zhTW.tooltipNamesMore,
    tooltipNamesMore_one: zhTW.tooltipNamesMore,
    tooltipBack: zhTW.tooltipBack,
    tooltipLinks: zhTW.tooltipLinks,
    tooltipEdit: zhTW.tooltipEdit,
    categoryCompany: zhTW.categoryCompany,
    categoryOrganization: zhTW.categoryOrganization,
    categoryPerson: zhTW.categoryPerson,
    categoryProduct: zhTW.categoryProduct,
    categoryTechnology: zhTW.categoryTechnology,
    categoryPolicy: zhTW.categoryPolicy,
    categoryConcept: zhTW.categoryConcept,
    categoryPublication: zhTW.categoryPublication,
    categoryEvent: zhTW.categoryEvent,
  },
  'zh-Hans': {
    tooltipAliases: zhCN.tooltipAliases,
    tooltipSection: zhCN.tooltipSection,
    tooltipRelated: zhCN.tooltipRelated,
    tooltipRelatedMore: zhCN.tooltipRelatedMore,
    // Chinese has no singular form.
    tooltipRelatedMore_one: zhCN.tooltipRelatedMore,
    tooltipNamesMore: zhCN.tooltipNamesMore,
    tooltipNamesMore_one: zhCN.tooltipNamesMore,
    tooltipBack: zhCN.tooltipBack,
    tooltipLinks: zhCN.tooltipLinks,
    tooltipEdit: zhCN.tooltipEdit,
    categoryCompany: zhCN.categoryCompany,
    categoryOrganization: zhCN.categoryOrganization,
    categoryPerson: zhCN.categoryPerson,
    categoryProduct: zhCN.categoryProduct,
    categoryTechnology: zhCN.categoryTechnology,
    categoryPolicy: zhCN.categoryPolicy,
    categoryConcept: zhCN.categoryConcept,
    categoryPublication: zhCN.categoryPublication,
    categoryEvent: zhCN.categoryEvent,
  },
};

/** A tooltip label in the reader's language (these messages have no placeholders). */
export function tooltipLabel(language: ReaderLanguage, key: TooltipLabelKey): string {
  return TOOLTIP_LABELS[language][key].message;
}

/** The labels with a singular twin (`…_one`, the same text in Chinese, which has no singular). */
type CountedLabelKey = 'tooltipRelatedMore' | 'tooltipNamesMore';

/** `key`'s label for `count` things: its singular twin for one. */
export function tooltipCountLabel(language: ReaderLanguage, key: CountedLabelKey, count: number): string {
  return tooltipLabel(language, count === 1 ? `${key}_one` : key);
}

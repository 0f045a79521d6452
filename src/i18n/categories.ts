/** Reader-facing names of the entry categories (content-script safe: small tables only). */
import type { Category } from '../glossary/categories';
import type { ReaderLanguage } from './language';
import { tooltipLabel, type TooltipLabelKey } from './tooltip-labels';

const CATEGORY_KEYS: Record<Category, TooltipLabelKey> = {
  company: 'categoryCompany',
  organization: 'categoryOrganization',
  person: 'categoryPerson',
  product: 'categoryProduct',
  technology: 'categoryTechnology',
  policy: 'categoryPolicy',
  concept: 'categoryConcept',
  publication: 'categoryPublication',
  event: 'categoryEvent',
};

/** The category's label in the reader's language; an unknown category shows as written. */
export function categoryLabel(language: ReaderLanguage, category: string): string {
  const key = CATEGORY_KEYS[category as Category] as TooltipLabelKey | undefined;
  return key ? tooltipLabel(language, key) : category;
}

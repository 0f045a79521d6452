/**
 * Category names in the popup look as that category's highlights look on the page (a faint
 * tint and an underline in its colour, popup.css `.category-name` and `.group .term`), so the
 * popup is also the key to the page's colours.
 */
import { accentOf } from '../glossary/category-colours';

/** Gives `el` and what is inside it the accent of `category`. */
export function paintAsCategory(el: HTMLElement, category: string): void {
  // Set through the CSS object model, not a style attribute.
  el.style.setProperty('--category-accent', accentOf(category));
}

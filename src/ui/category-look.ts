/**
 * A category's name, in the popup and in the glossary editor, looks as that category's
 * highlights look on the page (marks.css): a faint tint and an underline in its accent,
 * mixed with the text's colour. Wherever a category is named, it is also the key to the
 * page's colours.
 */
import './category-look.css';
import { accentOf } from '../glossary/category-colours';

/** Draws `el` as a highlight of `category` is drawn. */
export function paintAsCategory(el: HTMLElement, category: string): void {
  el.classList.add('category-look');
  // Set through the CSS object model, not a style attribute.
  el.style.setProperty('--category-accent', accentOf(category));
}

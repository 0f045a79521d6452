/**
 * The tooltip's stylesheet, scoped to its shadow root. `all: initial` on the host (with
 * !important, which beats the page's rules for the host element) cuts every inherited
 * page style, so sites cannot shrink, hide or recolour the tooltip.
 */
import { CATEGORIES } from '../glossary/categories';
import { CATEGORY_ACCENTS, inkOf, OTHER_ACCENT } from '../glossary/category-colours';
import CHINESE_FONTS from '../ui/chinese-fonts.css?inline';

/** The entry's category colour, as its highlights have it, mixed with the panel's own text colour. */
const ACCENT_INK = inkOf('var(--cl-accent)');

const CATEGORY_RULES = CATEGORIES.map(
  (category) => `.panel[data-category="${category}"] { --cl-accent: ${CATEGORY_ACCENTS[category]}; }`,
).join('\n');

export const TOOLTIP_STYLES = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  display: block !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
}
.panel {
  --cl-bg: #ffffff;
  --cl-fg: #1f2328;
  --cl-muted: #59636e;
  --cl-border: #d1d9e0;
  --cl-accent: ${OTHER_ACCENT};
  --cl-link: #0969da;
  position: fixed;
  top: 0;
  left: 0;
  /* Undoes the browser's centring of a popover (inset: 0; margin: auto). */
  right: auto;
  bottom: auto;
  margin: 0;
  box-sizing: border-box;
  width: max-content;
  /* In px as the font is: rem would follow the page's root size, which sites set to 10px or 100px. */
  max-width: min(384px, calc(100vw - 16px));
  max-height: min(480px, calc(100vh - 16px));
  overflow: auto;
  /* A wheel at the end of a long note stops there rather than scrolling the page the name is on. */
  overscroll-behavior: contain;
  padding: 10px 12px;
  border: 1px solid var(--cl-border);
  border-left: 4px solid ${ACCENT_INK};
  border-radius: 8px;
  background: var(--cl-bg);
  color: var(--cl-fg);
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  font: 13px/1.55 system-ui, -apple-system, "Segoe UI", "PingFang TC", "PingFang SC", "Microsoft JhengHei",
    "Microsoft YaHei", "Noto Sans CJK TC", "Noto Sans CJK SC", sans-serif;
  text-align: start;
  overflow-wrap: anywhere;
  pointer-events: auto;
  cursor: auto;
}
@media (prefers-color-scheme: dark) {
  .panel {
    --cl-bg: #22272e;
    --cl-fg: #e6edf3;
    --cl-muted: #9198a1;
    --cl-border: #3d444d;
    --cl-link: #4493f8;
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5);
  }
}
${CATEGORY_RULES}
.head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; margin: 0 0 4px; }
.term { font-weight: 600; font-size: 15px; }
.category {
  font-size: 11px;
  padding: 0 6px;
  border-radius: 999px;
  border: 1px solid ${ACCENT_INK};
  color: var(--cl-fg);
}
p { margin: 4px 0 0; }
.note { margin-top: 6px; }
.line { color: var(--cl-muted); }
.link { color: var(--cl-link); text-decoration: underline; }
.link:hover { text-decoration-thickness: 2px; }
.link:focus-visible { outline: 2px solid var(--cl-link); outline-offset: 1px; border-radius: 2px; }
/* Related entries and the way back open in the tooltip itself: buttons that read as links. */
.related-entry, .related-more, .names-more, .back, .edit-entry {
  font: inherit;
  color: var(--cl-link);
  background: none;
  border: 0;
  padding: 0;
  margin: 0;
  cursor: pointer;
  text-decoration: underline dotted;
  text-underline-offset: 0.15em;
}
.back { display: block; margin-bottom: 4px; color: var(--cl-muted); font-size: 12px; }
/* The way to the editor: quiet, at the end, apart from what the column says. */
.actions { margin-top: 8px; text-align: end; }
.edit-entry { color: var(--cl-muted); font-size: 12px; }
.related-entry:hover, .related-more:hover, .names-more:hover, .back:hover, .edit-entry:hover { text-decoration: underline; }
/* A name "+N" put out holds focus until the next Tab (tooltip-content.ts), and shows it. */
.related-entry:focus-visible, .related-more:focus-visible, .names-more:focus-visible, .name:focus-visible, .back:focus-visible, .edit-entry:focus-visible { outline: 2px solid var(--cl-link); outline-offset: 1px; border-radius: 2px; }
.label::after { content: ": "; }
.label:lang(zh)::after { content: "："; }
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: cl-fade 120ms ease-out; }
}
@keyframes cl-fade { from { opacity: 0; } to { opacity: 1; } }
${CHINESE_FONTS}
`;

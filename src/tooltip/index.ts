/** The tooltip and keyboard navigation, as the content script starts them. */
export { startTooltip, SHOW_DELAY_MS, HIDE_GRACE_MS, type Tooltip, type TooltipOptions } from './tooltip';
export {
  startHighlightNavigation,
  isVisitable,
  NEXT_HIGHLIGHT_KEYS,
  PREVIOUS_HIGHLIGHT_KEYS,
} from './highlight-navigation';
export { createOccurrenceVisitor, type OccurrenceVisitor } from './visit-occurrence';
export type { HighlightHitTester } from './pointer-hits';
export { TOOLTIP_HOST_TAG } from './tooltip-host';
export type { TooltipEntry } from './tooltip-entry';

// @vitest-environment jsdom
/**
 * The tooltip with entries whose details are read from storage the first time they show
 * (`getEntry` answers with a promise): the content script's case since pages load only the
 * glossary's index (glossary-store/compiled-format.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTooltip, TOOLTIP_HOST_TAG, type TooltipEntry } from '../../../src/tooltip';
import { buildPage, ENTRIES, tooltipPanel } from './fixture';

let controller: AbortController;
let pending: Map<string, (entry: TooltipEntry | undefined) => void>;

const marks = () => Array.from(document.querySelectorAll<HTMLElement>('mark[data-columnlens-start]'));
const panel = () => tooltipPanel();
const text = (selector: string) => panel()?.querySelector(selector)?.textContent ?? null;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  buildPage(document);
  pending = new Map();
  controller = new AbortController();
  startTooltip({
    document,
    signal: controller.signal,
    getEntry: (id) => new Promise((resolve) => pending.set(id, resolve)),
    // Related entries are named from the index, which the page always has.
    getNames: (id) => ENTRIES[id],
    getLanguage: () => 'en',
  });
});

afterEach(() => controller.abort());

describe('a tooltip whose entry is still being read', () => {
  it('opens once the details arrive, related entries named from the index', async () => {
    const [nvidia] = marks();
    nvidia!.focus();
    expect(panel()).toBeNull();
    pending.get('nvidia')!(ENTRIES.nvidia);
    await settle();
    expect(text('.term')).toBe('Nvidia');
    expect(text('.note')).toBe('English: the chip supplier.');
    expect(text('.related .value')).toBe('華為');
    expect(nvidia!.getAttribute('aria-describedby')).toBe(document.querySelector(TOOLTIP_HOST_TAG)!.id);
  });

  it('stays closed when the reader has moved on before the details arrive', async () => {
    const [nvidia] = marks();
    nvidia!.focus();
    nvidia!.blur();
    pending.get('nvidia')!(ENTRIES.nvidia);
    await settle();
    expect(panel()).toBeNull();
    expect(nvidia!.hasAttribute('aria-describedby')).toBe(false);
  });

  it('shows the entry the reader is on now, not one whose details came late', async () => {
    const [nvidia, huawei] = marks();
    nvidia!.focus();
    huawei!.focus();
    pending.get(huawei!.dataset.glossaryId!)!(ENTRIES[huawei!.dataset.glossaryId!]);
    await settle();
    pending.get('nvidia')!(ENTRIES.nvidia);
    await settle();
    expect(text('.term')).toBe(ENTRIES[huawei!.dataset.glossaryId!]!.term);
  });

  it('opens nothing for an entry storage no longer has', async () => {
    marks()[0]!.focus();
    pending.get('nvidia')!(undefined);
    await settle();
    expect(panel()).toBeNull();
  });
});

/**
 * Issue 7: messages between contexts are validated with the schema and anything else is
 * ignored. Random and near-miss values go through `parseMessage` and through every
 * `runtime.onMessage` receiver (the background's badge and glossary publisher, the content
 * script's popup-request listener): nothing throws, nothing answers, nothing is stored.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBadge } from '../../../src/background/badge';
import { startGlossaryPublisher } from '../../../src/background/glossary-publisher';
import { popupRequestListener } from '../../../src/content/popup-requests';
import { parseEditorTab, parseFrameCounts, parseMessage } from '../../../src/messages';

const long = 'x'.repeat(65);
const cyclic: Record<string, unknown> = { type: 'page-summary' };
cyclic.counts = cyclic;

/** Values shaped almost like a message. */
const NEAR_MISSES: unknown[] = [
  undefined,
  null,
  0,
  'get-page-summary',
  ['get-page-summary'],
  {},
  { type: 'GET-PAGE-SUMMARY' },
  { type: 'get-page-summary ' },
  { type: ['get-page-summary'] },
  { type: { toString: () => 'get-page-summary' } },
  { type: 'reveal-entry' },
  { type: 'reveal-entry', id: 42 },
  { type: 'reveal-entry', id: long },
  { type: 'page-summary' },
  { type: 'page-summary', counts: [] },
  { type: 'page-summary', counts: { a: -1 } },
  { type: 'page-summary', counts: { a: 1.5 } },
  { type: 'page-summary', counts: { a: '1' } },
  { type: 'page-summary', counts: { [long]: 1 } },
  { type: 'page-summary', counts: { a: Number.NaN } },
  cyclic,
  JSON.parse('{"__proto__":{"type":"get-page-summary"}}'),
  { type: 'editor-show' },
  { type: 'editor-show', tabId: 5 },
  { type: 'editor-show', tabId: 5, request: 'nvidia' },
  { type: 'editor-show', tabId: -1, request: { edit: 'nvidia' } },
  { type: 'editor-show', tabId: 1.5, request: { edit: 'nvidia' } },
  { type: 'editor-show', tabId: '5', request: { edit: 'nvidia' } },
  { type: 'editor-show', tabId: 5, request: { edit: long } },
  { type: 'editor-show', tabId: 5, request: { edit: 7 } },
  { type: 'editor-show', tabId: 5, request: { add: 'x'.repeat(4097) } },
  { type: 'editor-show', tabId: 5, request: { add: 'Zhipu', edit: 'zhipu' } },
  { type: 'editor-show', tabId: 5, request: JSON.parse('{"__proto__":{"edit":"nvidia"}}') },
  { type: 'get-frame-counts' },
  { type: 'get-frame-counts', tabId: -3 },
  { type: 'get-frame-counts', tabId: '3' },
  { type: 'get-frame-counts', tabId: 1.5 },
  { type: 'remove-glossary' },
  { type: 'eval', code: 'globalThis.ran = 1' },
];

/** A structurally valid message: one of ours, with fields of the right types. */
function wellFormed(m: unknown): boolean {
  if (typeof m !== 'object' || m === null) return false;
  const { type } = m as { type?: unknown };
  if (type === 'get-page-summary' || type === 'ensure-glossary') return true;
  if (type === 'editor-free') {
    const { windowId } = m as { windowId?: unknown };
    return windowId === undefined || (Number.isInteger(windowId) && (windowId as number) >= 0);
  }
  if (type === 'editor-show') {
    const { tabId, request } = m as { tabId?: unknown; request?: Record<string, unknown> };
    const texts = Object.values(request ?? {});
    return Number.isInteger(tabId) && texts.length === 1 && typeof texts[0] === 'string';
  }
  if (type === 'reveal-entry') return typeof (m as { id?: unknown }).id === 'string';
  if (type === 'get-frame-counts') return Number.isInteger((m as { tabId?: unknown }).tabId);
  if (type === 'page-summary') {
    const counts = (m as { counts?: unknown }).counts;
    return typeof counts === 'object' && counts !== null && Object.values(counts).every((n) => Number.isInteger(n));
  }
  return false;
}

describe('parseMessage', () => {
  it.each(NEAR_MISSES.map((m) => [m]))('ignores %j', (raw) => {
    expect(parseMessage(raw)).toBeUndefined();
  });

  it('drops a __proto__ key in counts without touching any prototype', () => {
    const raw = JSON.parse('{"type":"page-summary","counts":{"__proto__":{"polluted":1},"nvidia":2}}');
    const parsed = parseMessage(raw);
    expect(parsed).toEqual({ type: 'page-summary', counts: { nvidia: 2 } });
    expect(Object.getPrototypeOf(parsed && 'counts' in parsed ? parsed.counts : null)).toBe(Object.prototype);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it('marks a report as sent on showing the page, or as a document’s first, only when it says so with `true`', () => {
    expect(parseMessage({ type: 'page-summary', counts: { a: 1 }, shown: true })).toEqual({
      type: 'page-summary',
      counts: { a: 1 },
      shown: true,
    });
    expect(parseMessage({ type: 'page-summary', counts: { a: 1 }, shown: true, first: true })).toEqual({
      type: 'page-summary',
      counts: { a: 1 },
      shown: true,
      first: true,
    });
    for (const flag of [false, 'true', 1, null, {}]) {
      expect(parseMessage({ type: 'page-summary', counts: { a: 1 }, shown: flag })).toEqual({
        type: 'page-summary',
        counts: { a: 1 },
      });
      expect(parseMessage({ type: 'page-summary', counts: { a: 1 }, first: flag })).toEqual({
        type: 'page-summary',
        counts: { a: 1 },
      });
    }
  });

  it('reads the popup’s question for a tab’s frames, and keeps only well-formed frames of the answer', () => {
    expect(parseMessage({ type: 'get-frame-counts', tabId: 4, x: 1 })).toEqual({ type: 'get-frame-counts', tabId: 4 });
    expect(
      parseFrameCounts([
        { frameId: 3, counts: { nvidia: 1 } },
        { frameId: -1, counts: { nvidia: 1 } },
        { frameId: 5, counts: { nvidia: -2 } },
        { frameId: 6 },
        null,
        { frameId: 7, counts: JSON.parse('{"__proto__":{"x":1},"tsmc":2}') },
      ]),
    ).toEqual([
      { frameId: 3, counts: { nvidia: 1 } },
      { frameId: 7, counts: { tsmc: 2 } },
    ]);
    for (const raw of [undefined, 'frames', { frameId: 3 }]) expect(parseFrameCounts(raw)).toEqual([]);
  });

  it('reads the editor’s requests: whether one is free, and what the one in a tab shows', () => {
    expect(parseMessage({ type: 'editor-free', extra: 1 })).toEqual({ type: 'editor-free' });
    expect(parseMessage({ type: 'editor-free', windowId: 3 })).toEqual({ type: 'editor-free', windowId: 3 });
    for (const windowId of [-1, 1.5, '3', null, Number.NaN])
      expect(parseMessage({ type: 'editor-free', windowId })).toBeUndefined();
    expect(parseMessage({ type: 'editor-show', tabId: 5, request: { edit: 'nvidia' } })).toEqual({
      type: 'editor-show',
      tabId: 5,
      request: { edit: 'nvidia' },
    });
    expect(parseMessage({ type: 'editor-show', tabId: 0, request: { add: ' 智譜\n' } })).toEqual({
      type: 'editor-show',
      tabId: 0,
      request: { add: ' 智譜\n' },
    });
    expect(parseEditorTab({ tabId: 5, windowId: 2 })).toEqual({ tabId: 5, windowId: 2 });
    for (const raw of [undefined, true, { tabId: 5 }, { tabId: -5, windowId: 2 }, { tabId: 5, windowId: '2' }])
      expect(parseEditorTab(raw)).toBeUndefined();
  });

  it('never throws, accepts only well-formed messages, and changes no prototype', () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const anyValue = fc.anything({ withObjectString: true, withNullPrototype: true, withSparseArray: true });
    const messageLike = fc.record({
      type: fc.constantFrom('page-summary', 'reveal-entry', 'editor-show', 'x'),
      id: fc.anything(),
      tabId: fc.oneof(fc.integer(), fc.anything()),
      request: fc.oneof(fc.record({ edit: fc.anything() }), fc.record({ add: fc.string() }), fc.anything()),
    });
    fc.assert(
      fc.property(fc.oneof(anyValue, messageLike), (raw) => {
        const parsed = parseMessage(raw);
        if (parsed !== undefined) expect(wellFormed(parsed)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
});

describe('message receivers', () => {
  // A content script's sender as far as the receivers read it.
  const tab = { tab: { id: 7 }, frameId: 0, url: 'https://news.example/a' } as never;
  const stored = async () => ({
    local: await fakeBrowser.storage.local.get(null),
    sync: await fakeBrowser.storage.sync.get(null),
  });

  beforeEach(() => {
    fakeBrowser.reset();
    startBadge();
    startGlossaryPublisher();
  });

  it('in the background ignore everything that is not a valid message: no answer, no storage, no badge', async () => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    const before = await stored();
    for (const raw of NEAR_MISSES) {
      const answers = await fakeBrowser.runtime.onMessage.trigger(raw, tab, () => {});
      expect(answers.every((a) => a === undefined)).toBe(true);
    }
    await settle();
    expect(await stored()).toEqual(before);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    // The same receivers do act on a valid message (so the check above can fail).
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page-summary', counts: { nvidia: 2 } }, tab, () => {});
    await settle();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
  });

  it('in the content script leave anything but a popup request unanswered and untouched', async () => {
    const target = { summary: vi.fn(() => ({ nvidia: 1 })), reveal: vi.fn(() => true) };
    const listener = popupRequestListener(target, () => 'https://news.example/a');
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...NEAR_MISSES), fc.anything()), (raw) => {
        if (parseMessage(raw) !== undefined) return;
        expect(listener(raw)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
    expect(target.summary).not.toHaveBeenCalled();
    expect(target.reveal).not.toHaveBeenCalled();
    await expect(listener({ type: 'reveal-entry', id: 'nvidia' })).resolves.toBe(true);
  });
});

import type { FrameCounts } from '../../../src/messages';
import { describe, expect, it } from 'vitest';
import { groupFoundEntries, requestPageReport, type FoundEntryInfo } from '../../../src/popup/page-report';
import { webHostname } from '../../../src/popup/popup-state';
import { findTargetTab, tabIdFromSearch } from '../../../src/popup/target-tab';

const info = (id: string, term: string, category: string, weight?: number): [string, FoundEntryInfo] => [
  id,
  { id, term, category, weight },
];
const byId = new Map([
  info('nvidia', '輝達', 'company', 1),
  info('huawei', '華為', 'company', 0.8),
  info('smic', '中芯', 'company', 0.9),
  info('jensen', '黃仁勳', 'person'),
  info('export-controls', '出口管制', 'policy'),
  info('odd', 'Odd', 'custom-category'),
]);

describe('groupFoundEntries', () => {
  it('groups by category in the glossary’s order, most frequent first, ties by weight', () => {
    const groups = groupFoundEntries({ jensen: 1, huawei: 3, nvidia: 3, smic: 5, 'export-controls': 2, odd: 1 }, byId);
    expect(groups.map((g) => g.category)).toEqual(['company', 'person', 'policy', 'custom-category']);
    expect(groups[0]!.entries.map((e) => [e.id, e.count])).toEqual([
      ['smic', 5],
      ['nvidia', 3],
      ['huawei', 3],
    ]);
    expect(groups[0]!.entries[1]!.term).toBe('輝達');
  });

  it('leaves out zero counts and ids the glossary no longer has', () => {
    expect(groupFoundEntries({ nvidia: 0, removed: 4 }, byId)).toEqual([]);
  });
});

describe('requestPageReport', () => {
  it('accepts a well-formed summary', async () => {
    const summary = { url: 'https://example.com/a', counts: { nvidia: 2 } };
    await expect(requestPageReport(7, async () => summary)).resolves.toEqual({ kind: 'summary', summary, frameOf: {} });
  });

  it('adds what the frames found, and keeps the top document’s answer when the frames cannot be asked', async () => {
    const summary = { url: 'https://example.com/a', counts: { nvidia: 2, tsmc: 0 } };
    const frames = async (): Promise<FrameCounts[]> => [
      { frameId: 4, counts: { nvidia: 1, tsmc: 3 } },
      { frameId: 9, counts: { tsmc: 1, huawei: 0 } },
    ];
    await expect(requestPageReport(7, async () => summary, frames)).resolves.toEqual({
      kind: 'summary',
      summary: { url: summary.url, counts: { nvidia: 3, tsmc: 4 } },
      frameOf: { tsmc: 4 },
    });
    const failing = async (): Promise<never> => {
      throw new Error('The message port closed before a response was received.');
    };
    await expect(requestPageReport(7, async () => summary, failing)).resolves.toEqual({
      kind: 'summary',
      summary,
      frameOf: {},
    });
  });

  it('says unavailable when no content script answers or the reply is malformed', async () => {
    const noReceiver = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await expect(requestPageReport(7, noReceiver)).resolves.toEqual({ kind: 'unavailable' });
    await expect(requestPageReport(7, async () => undefined)).resolves.toEqual({ kind: 'unavailable' });
    await expect(requestPageReport(7, async () => ({ url: 'x', counts: { nvidia: -1 } }))).resolves.toEqual({
      kind: 'unavailable',
    });
  });

  it('asks with the get-page-summary message', async () => {
    const sent: unknown[] = [];
    await requestPageReport(3, async (tabId, message) => sent.push([tabId, message]));
    expect(sent).toEqual([[3, { type: 'get-page-summary' }]]);
  });
});

describe('target tab', () => {
  const tabs = {
    get: async (id: number) => {
      if (id !== 42) throw new Error('No tab with id');
      return { id, url: 'https://news.example/x' };
    },
    query: async () => [{ id: 5 }],
  };

  it('uses ?tab= when it is a plain number, else the active tab', async () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?tab=4x')).toBeUndefined();
    expect(tabIdFromSearch('?tab=-1')).toBeUndefined();
    await expect(findTargetTab('?tab=42', tabs)).resolves.toEqual({ id: 42, url: 'https://news.example/x' });
    await expect(findTargetTab('', tabs)).resolves.toEqual({ id: 5, url: undefined });
    await expect(findTargetTab('?tab=9', tabs)).resolves.toBeUndefined();
  });

  it('has a per-site hostname only for web pages', () => {
    expect(webHostname('https://www.bbc.com/zhongwen/x')).toBe('www.bbc.com');
    expect(webHostname('chrome://extensions')).toBeUndefined();
    expect(webHostname('file:///tmp/a.html')).toBeUndefined();
    expect(webHostname(undefined)).toBeUndefined();
  });
});

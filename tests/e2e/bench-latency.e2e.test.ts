/**
 * The benchmark's latency clock against the real extension (tests/bench/lib/latency.ts): it
 * must hear the first read end, on a page with names and on one without, or the benchmark's
 * "read done" and "complete" would silently print as missing.
 */
import { describe, expect, it } from 'vitest';
import { untracedLoad } from '../bench/lib/latency';
import { chromiumSuite } from './harness/suite';

describe("the benchmark's latency clock in Chromium", () => {
  const suite = chromiumSuite();

  it('times the first highlight and the end of the first read on a page with names', async () => {
    const url = `${suite.server.origin}/fixtures/ui-article.html`;
    const { page, latency, drawn } = await untracedLoad(suite.browser.context, suite.browser.serviceWorker, url, 1_500);
    await page.close();
    expect(drawn).toBeGreaterThan(0);
    // ColumnLens starts at document_end: nothing of it can happen before DOMContentLoaded.
    expect(latency.firstHighlightMs).toBeGreaterThan(0);
    expect(latency.readDoneMs).toBeGreaterThan(0);
    expect(latency.lastHighlightMs).toBeGreaterThanOrEqual(latency.firstHighlightMs!);
    expect(latency.completeMs).toBe(Math.max(latency.readDoneMs!, latency.lastHighlightMs!));
  });

  it('times the end of the first read on a page without names, where nothing is drawn', async () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i}: weather, gardens and tea.</p>`);
    const url = suite.server.setPage('bench-latency-no-names', `<!doctype html><title>t</title>${paragraphs.join('')}`);
    const { page, latency, drawn } = await untracedLoad(suite.browser.context, suite.browser.serviceWorker, url, 1_500);
    await page.close();
    expect(drawn).toBe(0);
    expect(latency.firstHighlightMs).toBeUndefined();
    expect(latency.readDoneMs).toBeGreaterThan(0);
    expect(latency.completeMs).toBe(latency.readDoneMs);
  });

  it('waits for a report of the load it times, not an earlier one of the same page', async () => {
    const url = `${suite.server.origin}/fixtures/ui-article.html`;
    const first = await untracedLoad(suite.browser.context, suite.browser.serviceWorker, url, 1_500);
    await first.page.close();
    // A second load of the same URL: the first load's report must not stand in for its own.
    const second = await untracedLoad(suite.browser.context, suite.browser.serviceWorker, url, 1_500);
    await second.page.close();
    expect(second.latency.readDoneMs).toBeGreaterThan(0);
  });
});

/**
 * Switching highlights off on a highlighted page: how long until every highlight is gone,
 * and what the extension's tasks cost meanwhile (traced).
 */
import type { Page, Worker } from 'playwright-core';
import { setHighlightsEnabled } from './extension-settings';
import { waitForHighlights } from './highlight-wait';
import { pageExpression } from './in-page';
import { scrollThrough } from './page-probes';
import { mainThreadOf, startTrace, stopTrace } from './trace';

export interface SwitchOff {
  /** Highlights on the page when switched off (after scrolling through, so all are drawn). */
  removed: number;
  /** From writing the setting to the last highlight gone, as seen from outside (50 ms polling), in ms. */
  wallMs: number;
  /** From the first to the end of the last extension task after the switch, in ms. */
  spanMs: number;
  extensionMs: number;
  longestExtensionTaskMs: number;
}

/** Scrolls through `page` so every highlight is drawn, then switches off and measures. Leaves highlights off. */
export async function measureSwitchOff(page: Page, serviceWorker: Worker): Promise<SwitchOff> {
  const removed = Number(
    await page.evaluate(pageExpression(scrollThrough, { windowPass: true, places: [], settleMs: 150, maxWaitMs: 10_000 })),
  );
  const cdp = await page.context().newCDPSession(page);
  await startTrace(cdp);
  const started = Date.now();
  await setHighlightsEnabled(serviceWorker, false);
  const written = Date.now();
  const gone = await waitForHighlights(page, { exact: 0, quietMs: 500, timeoutMs: 60_000 });
  const wallMs = written - started + gone.settledAfterMs;
  const thread = mainThreadOf(await stopTrace(cdp), page.url());
  await cdp.detach();
  const ext = thread.tasks.filter((t) => t.extension);
  return {
    removed,
    wallMs,
    spanMs: ext.length ? (ext[ext.length - 1]!.end - ext[0]!.start) / 1000 : 0,
    extensionMs: ext.reduce((sum, t) => sum + t.end - t.start, 0) / 1000,
    longestExtensionTaskMs: Math.max(0, ...ext.map((t) => (t.end - t.start) / 1000)),
  };
}

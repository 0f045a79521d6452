import './marks.css';
import markCss from './marks.css?inline';
import paintedCss from './painted.css?inline';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isBlankTab } from '../../src/content/blank-tab';
import { keepHighlightsOutOfCopies } from '../../src/content/clean-copy';
import { checkOnActivity, createContentController, topHostname } from '../../src/content/controller';
import { readEngineChoice } from '../../src/content/debug-engine';
import { whenFrameNearView } from '../../src/content/frame-start';
import { isPluginDocument } from '../../src/content/plugin-document';
import { browserTimers } from '../../src/content/mutations';
import { popupRequestListener } from '../../src/content/popup-requests';
import { quietly } from '../../src/content/quiet-teardown';
import {
  createSummaryReporter,
  isPrerendering,
  reportWhenHidden,
  reportWhenShown,
  type ReportKind,
} from '../../src/content/summary-reporter';
import { loadActiveGlossary, watchActiveGlossary } from '../../src/glossary-store/active-glossary';
import { yieldToEventLoop } from '../../src/glossary-store/steps';
import { browserLanguageTag } from '../../src/i18n/browser-language';
import { resolveLanguage } from '../../src/i18n/language';
import type { Message } from '../../src/messages';
import { parseSettings, readSettings, settingsItem } from '../../src/settings/settings';
import { createOccurrenceVisitor, isVisitable, startHighlightNavigation, startTooltip } from '../../src/tooltip';

// Wiring only: reading, drawing and following the page live in src/content/.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Every frame highlights its own document; about:blank and srcdoc frames have no URL of
  // their own to match, so they are included through their parent's.
  allFrames: true,
  matchAboutBlank: true,
  // As soon as the DOM is complete (DOMContentLoaded), not at "idle": Chromium puts idle
  // scripts off by 100–200 ms on a large page, and the text is all there at document_end. The
  // work is sliced, so starting early does not hold up the page's own start.
  runAt: 'document_end',
  // WXT tells an older copy of this script (left behind by an update) to stop with a DOM event
  // and, for WXT versions before that, also with window.postMessage. The message reaches the
  // page's own `message` listeners, and posting it was about a third of the first task's CPU
  // (8–10 ms, traced). Every copy of ColumnLens listens for the event.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // A PDF in Chromium's viewer: its text is not in the document (see plugin-document.ts).
    if (isPluginDocument(document) || isBlankTab(window)) return;
    // The first task already compiles and evaluates this bundle: the set-up waits for the
    // next one, so neither comes near a long task (50 ms) on a slow machine.
    await yieldToEventLoop();
    if (!ctx.isValid) return;
    const { signal } = ctx;
    // A frame the reader cannot see (hidden, or far below the view) costs the page nothing.
    if (!(await whenFrameNearView(document, window, signal))) return;
    // Resent only as the page is shown without a load (`reportWhenShown`).
    const send = (counts: Record<string, number>, { resent, first }: ReportKind) => {
      const message: Message = {
        type: 'page-summary',
        counts,
        ...(resent && { shown: true as const }),
        ...(first && { first: true as const }),
      };
      browser.runtime.sendMessage(message).catch(() => {}); // The worker may be restarting.
    };
    // A page prerendered unseen would report on the page the reader sees in its tab.
    const reporter = createSummaryReporter(send, browserTimers(window), { held: () => isPrerendering(document) });
    ctx.onInvalidated(() => reporter.stop());
    const controller = createContentController({
      document,
      window,
      signal,
      hostname: topHostname(window),
      shadowCss: markCss,
      paintedCss,
      isAlive: () => ctx.isValid,
      onSummary: (read) => reporter.changed(read),
      // "Reveal" from the popup goes where keyboard navigation goes, the same way.
      visit: (occurrence) => visitor.visit(occurrence),
      canVisit: isVisitable,
    });
    const tooltip = startTooltip({
      document,
      signal,
      // Notes are read from storage the first time an entry shows (a page loads only the index).
      getEntry: (id) => controller.glossary?.peekEntry(id) ?? controller.glossary?.loadEntry(id),
      getNames: (id) => controller.glossary?.byId.get(id),
      getLanguage: () => resolveLanguage(controller.settings?.language ?? 'auto', browserLanguageTag()),
      // Painted highlights have no elements: the tooltip hit-tests for them.
      hitTester: {
        active: () => controller.paints,
        at: (node, offset) => controller.hitTest(node, offset),
      },
      // A content script cannot open an extension page; the background opens the editor beside this tab.
      openEditor: (id) => {
        const message: Message = { type: 'open-editor', id };
        browser.runtime.sendMessage(message).catch(() => {});
      },
    });
    reportWhenShown(document, signal, () => reporter.resend(() => controller.summary()));
    // A frame that navigates or is removed takes its names out of the badge and the popup.
    reportWhenHidden(document, signal, () => send({}, { resent: false, first: false }));
    const visitor = createOccurrenceVisitor(document, (target) => tooltip.showFor(target));
    startHighlightNavigation({
      document,
      signal,
      findOccurrence: (from, direction) => controller.nextOccurrence(from, direction),
      visitor,
      focusedMark: () => tooltip.focusedMark(),
    });
    keepHighlightsOutOfCopies(document, signal);
    // An orphaned script (after an update) notices on the reader's next move and steps aside.
    checkOnActivity(document, signal, () => void ctx.isValid);
    // Every frame answers the popup, which asks one frame at a time (the top one for the summary).
    const listener = popupRequestListener(controller, () => location.href);
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(quietly(() => browser.runtime.onMessage.removeListener(listener)));
    ctx.onInvalidated(quietly(settingsItem.watch((value) => controller.update({ settings: parseSettings(value) }))));
    ctx.onInvalidated(quietly(watchActiveGlossary((glossary) => controller.update({ glossary }))));
    // If the glossary cannot load now, the watch delivers it once the background has built it.
    const [settings, glossary, engine] = await Promise.all([
      readSettings(),
      loadActiveGlossary().catch(() => undefined),
      readEngineChoice(),
    ]);
    // A change seen by the watches while loading is newer than what was loaded.
    controller.update({ settings: controller.settings ?? settings, glossary: controller.glossary ?? glossary, engine });
  },
});

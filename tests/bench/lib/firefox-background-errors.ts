/**
 * Errors of the add-on's background (and its own pages) in Firefox. They reach neither a
 * page's console nor WebDriver BiDi's log, which only covers tabs; Firefox gathers them, from
 * every process, in the parent's console service, where the Browser Console reads them. A
 * listener registered there in the browser's own scope keeps ours, and `take` collects them.
 *
 * Seen: uncaught exceptions and unhandled rejections. Not seen: `console.error` calls, which
 * stay in the add-on's own process (the background logs one, when the glossary cannot be
 * built, and the sweep notices that case anyway: its pages then find no names).
 * Content-script errors are left out here: the pages' watchers report them with their page.
 */
import type { Browser } from 'puppeteer-core';
import { EXTENSION_UUID, evaluateInChrome } from '../../e2e/harness/firefox';

/** The chrome-scope global the listener's findings wait in between two `take`s. */
const STORE = '__columnlensBackgroundErrors';

export interface BackgroundErrors {
  /** The errors seen since the last call, oldest first; empties the list. */
  take(): Promise<string[]>;
}

/**
 * Starts listening in `browser` (launched by `launchFirefoxWithExtension`); what the add-on
 * threw since it was installed is taken too.
 */
export async function watchBackgroundErrors(browser: Browser): Promise<BackgroundErrors> {
  const ours = `moz-extension://${EXTENSION_UUID}/`;
  await evaluateInChrome(
    browser,
    `(() => {
      const seen = (globalThis[${JSON.stringify(STORE)}] = []);
      const keep = (message) => {
        if (!(message instanceof Ci.nsIScriptError)) return;
        if (message.flags & Ci.nsIScriptError.warningFlag) return;
        const source = message.sourceName || '';
        if (!source.startsWith(${JSON.stringify(ours)}) || source.includes('/content-scripts/')) return;
        seen.push(message.errorMessage + ' (' + source + ':' + message.lineNumber + ')');
      };
      // What the background threw while it started, before this listener was there, is in the
      // console's own record.
      for (const message of Services.console.getMessageArray() ?? []) keep(message);
      Services.console.registerListener({ observe: keep });
      return true;
    })()`,
  );
  return {
    async take() {
      const taken = await evaluateInChrome(browser, `JSON.stringify(globalThis[${JSON.stringify(STORE)}].splice(0))`);
      return (JSON.parse(String(taken)) as string[]).map((error) => `background error: ${error}`);
    },
  };
}

/**
 * The on/off command's keys in Firefox, pressed with the page focused as a reader presses them:
 * through Firefox's own input path (nsITextInputProcessor, in the browser's chrome scope), since
 * WebDriver's key actions go to the page and never reach extension shortcuts. Alt+Shift+H, the
 * Chromium key, never fired there: H is the menu bar's Help, which takes Alt with Shift too.
 */
import { describe, expect, it } from 'vitest';
import { evaluateInChrome, storageValue } from './harness/firefox';
import { pollUntil } from './harness/poll';
import { firefoxSuite } from './harness/suite';

declare const browser: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };

/** What each modifier of a shortcut is as a key event: key, code, keyCode. */
const MODIFIERS: Record<string, [string, string, number]> = {
  Alt: ['Alt', 'AltLeft', 18],
  Shift: ['Shift', 'ShiftLeft', 16],
  Ctrl: ['Control', 'ControlLeft', 17],
};

/** Presses `shortcut` ("Ctrl+Alt+H") in the selected tab, its page focused. */
function press(browserHandle: Parameters<typeof evaluateInChrome>[0], shortcut: string): Promise<unknown> {
  const parts = shortcut.split('+');
  const letter = parts.pop()!;
  const modifiers = parts.map((m) => MODIFIERS[m]!);
  return evaluateInChrome(
    browserHandle,
    `(() => {
      gBrowser.selectedBrowser.focus();
      const input = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      input.beginInputTransactionForTests(window);
      const key = ([key, code, keyCode]) => new KeyboardEvent('', { key, code, keyCode });
      const modifiers = ${JSON.stringify(modifiers)};
      const letter = ${JSON.stringify([letter, `Key${letter}`, letter.charCodeAt(0)])};
      for (const m of modifiers) input.keydown(key(m));
      input.keydown(key(letter));
      input.keyup(key(letter));
      for (const m of [...modifiers].reverse()) input.keyup(key(m));
    })()`,
  );
}

describe('the on/off command in Firefox', () => {
  const suite = firefoxSuite();

  it('switches highlights off and on from its keys with the page focused', async () => {
    const page = await suite.browser.open(
      suite.server.setPage('command', '<!doctype html><meta charset="utf-8"><title>t</title><p>輝達與 Nvidia。</p>'),
    );
    const probe = await suite.browser.openExtensionPage('options.html');
    const shortcut = await probe.evaluate(
      async () => (await browser.commands.getAll()).find((c) => c.name === 'toggle-highlights')?.shortcut,
    );
    expect(shortcut).toBe('Ctrl+Alt+H');
    const enabled = async () =>
      ((await storageValue(probe, 'sync', 'settings')) as { enabled?: boolean } | undefined)?.enabled;
    const before = (await enabled()) ?? true;
    await page.bringToFront();
    await press(suite.browser.browser, shortcut!);
    expect(await pollUntil(enabled, (value) => value === !before)).toBe(!before);
    await press(suite.browser.browser, shortcut!);
    expect(await pollUntil(enabled, (value) => value === before)).toBe(before);
    await probe.close();
    await page.close();
  });
});

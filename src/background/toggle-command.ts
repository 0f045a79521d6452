/**
 * The keyboard command that switches highlights on or off in every tab. A reader who turns
 * them off for a passage and on again after it need not open the popup each time. It writes
 * the same setting as the popup's first switch: every tab's content script, the badge and
 * an open popup follow it from there.
 */
import { browser } from 'wxt/browser';
import { readSettings, settingsItem } from '../settings/settings';
import { TOGGLE_HIGHLIGHTS_COMMAND } from './commands';

/** The last flip, which the next waits for. */
let flipping: Promise<void> = Promise.resolve();

/**
 * Flips the global switch. Flips run one after another: two presses in quick succession would
 * otherwise both read "on" before either wrote, and leave highlights off instead of on again.
 */
export function toggleHighlights(): Promise<void> {
  const flip = async () => {
    const settings = await readSettings();
    await settingsItem.setValue({ ...settings, enabled: !settings.enabled });
  };
  flipping = flipping.then(flip, flip);
  return flipping;
}

/** What a command does (exported for tests: a headless browser cannot press a command's keys). */
export async function handleCommand(command: string): Promise<void> {
  if (command === TOGGLE_HIGHLIGHTS_COMMAND) await toggleHighlights();
}

/** Listens for the command; Firefox for Android has no keyboard commands, and no `commands`. */
export function startToggleCommand(): void {
  browser.commands?.onCommand.addListener((command) => void handleCommand(command));
}

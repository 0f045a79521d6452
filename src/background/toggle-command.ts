/**
 * The keyboard command that switches highlights on or off in every tab. A reader who turns
 * them off for a passage and on again after it need not open the popup each time. It writes
 * the same setting as the popup's first switch: every tab's content script, the badge and
 * an open popup follow it from there.
 */
import { browser } from 'wxt/browser';
import { readSettings, settingsItem } from '../settings/settings';
import { TOGGLE_HIGHLIGHTS_COMMAND } from './commands';

/** Flips the global switch. */
export async function toggleHighlights(): Promise<void> {
  const settings = await readSettings();
  await settingsItem.setValue({ ...settings, enabled: !settings.enabled });
}

/** What a command does (exported for tests: a headless browser cannot press a command's keys). */
export async function handleCommand(command: string): Promise<void> {
  if (command === TOGGLE_HIGHLIGHTS_COMMAND) await toggleHighlights();
}

/** Listens for the command; Firefox for Android has no keyboard commands, and no `commands`. */
export function startToggleCommand(): void {
  browser.commands?.onCommand.addListener((command) => void handleCommand(command));
}

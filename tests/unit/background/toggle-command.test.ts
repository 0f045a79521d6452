import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TOGGLE_HIGHLIGHTS_COMMAND } from '../../../src/background/commands';
import { handleCommand, startToggleCommand } from '../../../src/background/toggle-command';
import { DEFAULT_SETTINGS, readSettings, settingsItem } from '../../../src/settings/settings';

/** The fake browser has no keyboard commands: an event the test can fire stands in for them. */
function fakeCommands(): (command: string) => Promise<void> {
  const listeners: ((command: string) => unknown)[] = [];
  (fakeBrowser.commands as unknown as { onCommand: unknown }).onCommand = {
    addListener: (listener: (command: string) => unknown) => listeners.push(listener),
  };
  return async (command) => {
    for (const listener of listeners) listener(command);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
}

describe('the on/off keyboard command', () => {
  beforeEach(() => fakeBrowser.reset());

  it('switches highlights off and on again in every tab, keeping the other settings', async () => {
    const press = fakeCommands();
    startToggleCommand();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, density: 'first', disabledSites: ['a.example'] });
    await press(TOGGLE_HIGHLIGHTS_COMMAND);
    expect(await readSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      density: 'first',
      disabledSites: ['a.example'],
    });
    await press(TOGGLE_HIGHLIGHTS_COMMAND);
    expect((await readSettings()).enabled).toBe(true);
  });

  it('flips once per press, however fast the presses come', async () => {
    await settingsItem.setValue(DEFAULT_SETTINGS);
    // Three presses before the first has written: off, on, off.
    await Promise.all([
      handleCommand(TOGGLE_HIGHLIGHTS_COMMAND),
      handleCommand(TOGGLE_HIGHLIGHTS_COMMAND),
      handleCommand(TOGGLE_HIGHLIGHTS_COMMAND),
    ]);
    expect((await readSettings()).enabled).toBe(false);
    await Promise.all([handleCommand(TOGGLE_HIGHLIGHTS_COMMAND), handleCommand(TOGGLE_HIGHLIGHTS_COMMAND)]);
    expect((await readSettings()).enabled).toBe(false);
  });

  it('starts from the defaults when nothing is stored, and ignores other commands', async () => {
    await handleCommand('_execute_action');
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await handleCommand(TOGGLE_HIGHLIGHTS_COMMAND);
    expect((await readSettings()).enabled).toBe(false);
  });
});

/**
 * The open editor follows a language chosen in the popup: it starts again at the entry its
 * form shows, unless the form holds unsaved changes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followLanguage } from '../../../src/options/follow-language';
import { DEFAULT_SETTINGS, settingsItem } from '../../../src/settings/settings';

/** Lets the storage watcher and the settings read after it run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('followLanguage', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en' });
  });

  function follow(editor: { unsaved?: boolean; open?: string } = {}) {
    const reload = vi.fn();
    const stop = followLanguage(
      { hasUnsavedChanges: () => editor.unsaved ?? false, openEntryId: () => editor.open },
      'en',
      { reload },
    );
    return { reload, stop };
  }

  it('starts again in the language chosen, at the entry the form shows', async () => {
    const { reload, stop } = follow({ open: 'nvidia' });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'zh-Hant' });
    await settle();
    expect(reload).toHaveBeenCalledWith('/options.html#edit=nvidia');
    stop();
  });

  it('starts again with no entry open when the form shows none', async () => {
    const { reload, stop } = follow();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'zh-Hans' });
    await settle();
    expect(reload).toHaveBeenCalledWith('/options.html');
    stop();
  });

  it('stays as it is for another setting, and while the form holds unsaved changes', async () => {
    const other = follow();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en', density: 'first' });
    await settle();
    expect(other.reload).not.toHaveBeenCalled();
    other.stop();
    const unsaved = follow({ unsaved: true, open: 'nvidia' });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'zh-Hant' });
    await settle();
    expect(unsaved.reload).not.toHaveBeenCalled();
    unsaved.stop();
  });
});

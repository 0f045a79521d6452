import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineUserGlossaryItem } from '../../../src/storage/items';
import { USER_GLOSSARY_MIGRATIONS, USER_GLOSSARY_VERSION } from '../../../src/storage/migrations';
import { readQuarantine } from '../../../src/storage/quarantine';
import { readUserLayer } from '../../../src/storage/read-user-layer';
import { entry } from '../glossary-store/fixtures';

/**
 * An imagined earlier shape, to exercise the mechanism a real format change will use:
 * one flat list of added entries instead of per-pack overlays.
 */
const legacy = { addedEntries: [entry('moonshot')], disabled: true };
const toOverlays = (old: unknown) => {
  const v = old as typeof legacy;
  return {
    overlays: [{ packId: 'ai-rush-china', enabled: !v.disabled, added: v.addedEntries, edits: [], removed: [] }],
    userPacks: [],
  };
};

describe('user layer migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts at version 1 with no steps yet', () => {
    expect(USER_GLOSSARY_VERSION).toBe(1);
    expect(Object.keys(USER_GLOSSARY_MIGRATIONS)).toEqual([]);
  });

  it('migrates a stored value of the previous version and records the new version', async () => {
    await fakeBrowser.storage.local.set({ userGlossary: legacy });
    const item = defineUserGlossaryItem(USER_GLOSSARY_VERSION + 1, { [USER_GLOSSARY_VERSION + 1]: toOverlays });
    const read = await readUserLayer(item);
    expect(read.problems).toEqual([]);
    expect(read.layer.overlays[0]).toMatchObject({
      packId: 'ai-rush-china',
      enabled: false,
      added: [entry('moonshot')],
    });
    const stored = await fakeBrowser.storage.local.get(['userGlossary', 'userGlossary$']);
    expect(stored['userGlossary$']).toEqual({ v: USER_GLOSSARY_VERSION + 1 });
    expect(stored.userGlossary).toEqual(toOverlays(legacy));
  });

  it('keeps the old value, quarantined, when a migration step throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ userGlossary: legacy });
    const item = defineUserGlossaryItem(USER_GLOSSARY_VERSION + 1, {
      [USER_GLOSSARY_VERSION + 1]: () => {
        throw new Error('step failed');
      },
    });
    const read = await readUserLayer(item);
    expect(read.layer.overlays).toEqual([]);
    expect((await readQuarantine()).map((r) => r.raw)).toEqual([legacy]);
    expect((await fakeBrowser.storage.local.get('userGlossary')).userGlossary).toEqual(legacy);
  });

  it('quarantines data written by a newer version it cannot read, instead of dropping it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const future = { overlays: [{ packId: 'bundled', pinned: 'yes', added: 'moved elsewhere' }], userPacks: [] };
    await fakeBrowser.storage.local.set({ userGlossary: future, userGlossary$: { v: 9 } });
    const read = await readUserLayer(defineUserGlossaryItem());
    expect(read.problems.length).toBeGreaterThan(0);
    expect((await readQuarantine()).map((r) => r.raw)).toEqual([future]);
  });
});

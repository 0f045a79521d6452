// @vitest-environment jsdom
/**
 * Stored glossary data the editor cannot read, in the editor of a reader of Chinese: the
 * notice and the list of what could not be read are in the editor's language; the copy kept
 * for download names the problems in English.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { startEditor } from '../../../src/options/editor-app';

const corrupt = { overlays: 'not a list', note: 'damaged on purpose' };

async function openOnCorruptStorage(language: ReaderLanguage): Promise<string[]> {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ userGlossary: corrupt });
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startEditor(document, root, language);
  const notice = () => document.querySelector<HTMLElement>('[data-testid="quarantine-notice"]');
  await vi.waitFor(() => expect(notice()?.hidden).toBe(false));
  return [...notice()!.querySelectorAll('li')].map((li) => li.textContent ?? '');
}

describe('unreadable stored data in the editor’s language', { timeout: 30_000 }, () => {
  it('lists what could not be read in Traditional Chinese, and keeps it in English for the file', async () => {
    expect(await openOnCorruptStorage('zh-Hant')).toEqual([
      'layer：不明欄位「note」',
      'overlays：應為陣列（實為字串）',
    ]);
    const { quarantine } = (await fakeBrowser.storage.local.get('quarantine')) as {
      quarantine: { reason: string; raw: unknown }[];
    };
    expect(quarantine).toEqual([
      expect.objectContaining({
        reason: 'layer: unknown field "note"\noverlays: must be an array (got string)',
        raw: corrupt,
      }),
    ]);
  });

  it('lists it in Simplified Chinese', async () => {
    expect(await openOnCorruptStorage('zh-Hans')).toEqual([
      'layer：未知字段“note”',
      'overlays：应为数组（实为字符串）',
    ]);
  });
});

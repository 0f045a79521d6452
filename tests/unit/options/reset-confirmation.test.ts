// @vitest-environment jsdom
/**
 * Reset is pressed at the foot of the form, beside Save: what it did, or why it did nothing,
 * is said there as well as in the status line at the page's top (far above on a phone, with
 * the list between), as a save's confirmation and refusal are.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Entry } from '../../../src/glossary/schema';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import { saveEntry } from '../../../src/glossary-store/layer-edits';
import { translator } from '../../../src/i18n';
import { startEditor } from '../../../src/options/editor-app';
import { writeUserLayer } from '../../../src/storage/read-user-layer';
import { emptyUserLayer } from '../../../src/storage/user-layer-schema';
import { entry } from '../glossary-store/fixtures';
import { recordScrolls } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;

let scrolled: Element[];
beforeEach(() => {
  scrolled = recordScrolls();
});
afterEach(() => vi.restoreAllMocks());

/** Opens the editor on a layer where the bundled Nvidia has lost its English names, given to `alsoSaved` if any. */
async function openWithNvidiaEdited(alsoSaved?: Entry): Promise<void> {
  fakeBrowser.reset();
  const source = bundledPacks()[0]!;
  const nvidia = source.entries.find((e) => e.id === 'nvidia')!;
  const english = (a: Entry['aliases'][number]) => /^nvidia$/i.test(typeof a === 'string' ? a : a.text);
  let layer = saveEntry(emptyUserLayer(), source, {
    ...nvidia,
    names: { 'zh-Hans': nvidia.names!['zh-Hans'] },
    aliases: nvidia.aliases.filter((a) => !english(a)),
  });
  if (alsoSaved) layer = saveEntry(layer, source, alsoSaved);
  await writeUserLayer(layer);
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startEditor(document, root, 'en');
  const search = byTestId<HTMLInputElement>('entry-search');
  search.value = '英偉達';
  search.dispatchEvent(new Event('input'));
  document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
}

describe('Reset’s outcome under the form’s buttons', () => {
  it('says the entry is back as the pack has it, brought into view', async () => {
    await openWithNvidiaEdited();
    expect(byTestId('form-saved').hidden).toBe(true);
    byTestId<HTMLButtonElement>('entry-reset').click();
    const done = t('editorResetDone', 'Nvidia');
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(done));
    const note = byTestId('form-saved');
    expect([note.hidden, note.textContent]).toEqual([false, done]);
    expect(scrolled).toContain(note);
    expect((document.getElementById('field-aliases') as HTMLTextAreaElement).value).toContain('Nvidia');
  });

  it('says why nothing was reset when another entry has taken one of its names', async () => {
    await openWithNvidiaEdited(entry('nvidia-holdings', { term: 'Nvidia Holdings', aliases: ['Nvidia'] }));
    byTestId<HTMLButtonElement>('entry-reset').click();
    const refused = t('editorResetNameTaken', 'Nvidia', 'Nvidia Holdings');
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(refused));
    const refusal = byTestId('form-refusal');
    expect([refusal.hidden, refusal.textContent]).toEqual([false, refused]);
    expect(scrolled).toContain(refusal);
    expect((document.getElementById('field-aliases') as HTMLTextAreaElement).value).not.toContain('Nvidia');
  });
});

// @vitest-environment jsdom
/**
 * What Save and Reset did, or why they did nothing, is said where the reader pressed, under
 * the form's buttons, as well as in the status line at the page's top (far above on a phone,
 * with the list between). After a save that stored the entry focus stays on Save, and the
 * note goes once the reader writes on.
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
import { openEditor, recordScrolls } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;

let scrolled: Element[];
beforeEach(() => {
  scrolled = recordScrolls();
});
afterEach(() => vi.restoreAllMocks());

/** Opens the first entry found for `query`. */
function openFound(query: string): void {
  const search = byTestId<HTMLInputElement>('entry-search');
  search.value = query;
  search.dispatchEvent(new Event('input'));
  document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
}

/** Writes `text` into the open entry's English note, as the reader types. */
function writeNote(text: string): void {
  const note = document.getElementById('field-notes-en') as HTMLTextAreaElement;
  note.value = text;
  note.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('a saved entry’s confirmation', () => {
  it('is shown under Save, brought into view, with focus left on Save, until the reader writes on', async () => {
    await openEditor('en');
    openFound('Nvidia');
    expect(byTestId('form-saved').hidden).toBe(true);
    writeNote('Edited.');
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorSaved', 'Nvidia')));
    const saved = byTestId('form-saved');
    expect(saved.hidden).toBe(false);
    expect(saved.textContent).toBe(t('editorSaved', 'Nvidia'));
    expect(saved.getAttribute('role')).toBeNull(); // the status line is the one that announces
    expect(scrolled).toContain(saved);
    expect(document.activeElement).toBe(byTestId('entry-save'));
    writeNote('Edited again.');
    expect(byTestId('form-saved').hidden).toBe(true);
  });

  it('gives way, when storage refuses the save, to why, said under Save as well as at the top', async () => {
    await openEditor('en');
    openFound('Nvidia');
    writeNote('Edited.');
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    const failed = t('editorSaveFailed', 'QUOTA_BYTES quota exceeded');
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(failed));
    const refusal = byTestId('form-refusal');
    expect([refusal.hidden, refusal.textContent, byTestId('form-saved').hidden]).toEqual([false, failed, true]);
    expect(scrolled).toContain(refusal);
    // What the reader wrote is still in the form, to be saved again.
    expect((document.getElementById('field-notes-en') as HTMLTextAreaElement).value).toBe('Edited.');
  });

  it('is not shown when an entry is only opened', async () => {
    await openEditor('en');
    document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
    expect(byTestId('form-saved').hidden).toBe(true);
    expect(document.activeElement).toBe(document.getElementById('field-term'));
  });
});

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
  openFound('英偉達');
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

describe('a message about why the form was not saved', () => {
  it('goes from the status line when another entry, or a new one, is opened', async () => {
    // The reader agrees to leave the form with its unsaved change.
    window.confirm = vi.fn(() => true);
    await openEditor('en');
    for (const next of [
      () => document.querySelectorAll<HTMLButtonElement>('button.entry-row')[1]!.click(),
      () => byTestId('entry-new').click(),
    ]) {
      openFound('Nvidia');
      const term = document.getElementById('field-term') as HTMLInputElement;
      term.value = '';
      term.dispatchEvent(new Event('input', { bubbles: true }));
      byTestId<HTMLFormElement>('entry-form').requestSubmit();
      await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorFixErrors')));
      next();
      expect(byTestId('status-message').textContent).toBe('');
    }
  });

  it('stays while the same entry stays open, and a confirmation still stays when another opens', async () => {
    await openEditor('en');
    openFound('Nvidia');
    writeNote('Edited.');
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(byTestId('status-message').textContent).toBe(t('editorSaved', 'Nvidia')));
    document.querySelectorAll<HTMLButtonElement>('button.entry-row')[1]!.click();
    // Its Undo is still offered.
    expect(byTestId('status-message').textContent).toBe(t('editorSaved', 'Nvidia'));
    expect(byTestId('undo')).not.toBeNull();
  });
});

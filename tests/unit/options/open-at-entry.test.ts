// @vitest-environment jsdom
/**
 * The editor opened at an entry (`options.html#edit=<id>`, from a tooltip's "Edit in the
 * glossary"): the entry's form is open, its row shown and marked in the list, whichever page
 * and pack it is in, and the request is consumed so a reload does not repeat it. And the
 * context menu's "Add to the glossary" (`#add=<text>`) on a name the glossary already has opens
 * that name's entry instead of a new one that could not take it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { displayName } from '../../../src/glossary/entry-names';
import { translator } from '../../../src/i18n';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { startEditor } from '../../../src/options/editor-app';
import { entry, pack } from '../glossary-store/fixtures';
import { importThroughEditor, openEditor } from './open-editor';

const t = translator('en');
const heading = () => document.getElementById('form-heading')?.textContent ?? null;
const term = () => (document.getElementById('field-term') as HTMLInputElement | null)?.value;
const status = () => document.querySelector('[data-testid="status-message"]')?.textContent ?? '';
const rows = () => [...document.querySelectorAll<HTMLElement>('button.entry-row')];
const currentRow = () => rows().find((row) => row.getAttribute('aria-current') === 'true');
const pageLabel = () => document.querySelector('.page-label')?.textContent;

/** Starts the editor again on the storage as it is, at `hash`, as a new tab would. */
async function reopenAt(hash: string, language: ReaderLanguage = 'en'): Promise<void> {
  history.replaceState(null, '', `/options.html${hash}`);
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startEditor(document, root, language);
}

beforeEach(() => {
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  history.replaceState(null, '', '/');
});

describe('the editor opened at an entry', () => {
  it('opens the entry’s form and turns the list to its row, on a later page', async () => {
    await openEditor();
    // The last row of the list, two pages in: where a reader would have to page to find it.
    document.querySelector<HTMLButtonElement>('[data-testid="page-next"]')!.click();
    const last = rows().at(-1)!;
    const id = last.dataset.key!.split('/').at(-1)!;
    const name = last.querySelector('.entry-name')!.textContent!;
    document.querySelector<HTMLButtonElement>('[data-testid="page-previous"]')!.click();

    await reopenAt(`#edit=${id}`);
    expect(heading()).toBe(t('editorFormEditHeading', name));
    expect(document.activeElement).toBe(document.getElementById('field-term'));
    expect(pageLabel()).toBe(t('editorPageOf', 2, 2));
    expect(currentRow()?.querySelector('.entry-name')?.textContent).toBe(name);
    expect(Element.prototype.scrollIntoView).toHaveBeenCalledOnce();
    expect(vi.mocked(Element.prototype.scrollIntoView).mock.contexts[0]).toBe(currentRow());
    expect(location.hash).toBe('');
  });

  it('opens an entry of an imported pack from that pack', async () => {
    await openEditor();
    const extra = pack('reader-notes', [
      entry('moonshot-notes', { term: '月之暗面筆記', names: { en: 'Moonshot notes' } }),
    ]);
    await importThroughEditor(JSON.stringify(extra));
    await vi.waitFor(() => expect(status()).not.toBe(''));

    await reopenAt('#edit=moonshot-notes');
    expect(heading()).toBe(t('editorFormEditHeading', 'Moonshot notes'));
    expect(term()).toBe('月之暗面筆記');
    expect(currentRow()?.dataset.key).toContain('reader-notes');
  });

  it('says so when the entry is no longer there, and opens nothing', async () => {
    await openEditor();
    await reopenAt('#edit=no-such-entry');
    expect(status()).toBe(t('editorEditMissing', 'no-such-entry'));
    expect(document.getElementById('field-term')).toBeNull();
    expect(currentRow()).toBeUndefined();
    expect(location.hash).toBe('');
  });

  it('names what it opens as the bundled pack does, in the editor’s language', async () => {
    fakeBrowser.reset();
    history.replaceState(null, '', '/options.html#edit=nvidia');
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await startEditor(document, root, 'zh-Hans');
    expect(heading()).toBe(
      translator('zh-Hans')(
        'editorFormEditHeading',
        displayName({ term: '輝達', names: { 'zh-Hans': '英伟达' } }, 'zh-Hans'),
      ),
    );
  });

  it('opens the entry a selection already names, in any script, instead of a new entry', async () => {
    await openEditor();
    for (const selection of ['英伟达', 'NVIDIA', ' 輝達 ']) {
      await reopenAt(`#add=${encodeURIComponent(selection)}`);
      expect(heading()).toBe(t('editorFormEditHeading', 'Nvidia'));
      expect(term()).toBe('輝達');
      expect(currentRow()?.querySelector('.entry-name')?.textContent).toBe('Nvidia');
      expect(status()).toBe(t('editorPrefillKnown', selection.trim(), 'Nvidia'));
      expect(location.hash).toBe('');
    }
  });

  it('says the selection is the entry when it is the entry’s very name for the reader, not naming its term', async () => {
    await openEditor();
    await reopenAt(`#add=${encodeURIComponent('Nvidia')}`);
    expect(heading()).toBe(t('editorFormEditHeading', 'Nvidia'));
    expect(status()).toBe(t('editorPrefillIsEntry', 'Nvidia'));
    // A reader of Simplified who selects 英伟达, the name their list shows: not “a name of 輝達”.
    await openEditor('zh-Hans');
    await reopenAt(`#add=${encodeURIComponent('英伟达')}`, 'zh-Hans');
    expect(status()).toBe(translator('zh-Hans')('editorPrefillIsEntry', '英伟达'));
  });

  it('still opens a new entry for a selection the glossary does not name', async () => {
    await openEditor();
    await reopenAt(`#add=${encodeURIComponent('智谱清言')}`);
    expect(heading()).toBe(t('editorFormNewHeading'));
    expect(term()).toBe('智谱清言');
    expect(status()).toBe(t('editorPrefilled', '智谱清言'));
  });
});

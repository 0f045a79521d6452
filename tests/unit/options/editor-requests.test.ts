// @vitest-environment jsdom
/**
 * An open editor takes the pages' later requests (an entry from a tooltip, selected text from
 * the context menu) while its form holds nothing unsaved, and answers the background only then.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translator } from '../../../src/i18n';
import { startEditor, type RunningEditor } from '../../../src/options/editor-app';
import { answerEditorRequests } from '../../../src/options/editor-requests';

const t = translator('en');
const heading = () => document.getElementById('form-heading')?.textContent ?? null;
const field = (id: string) => document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
const status = () => document.querySelector('[data-testid="status-message"]')?.textContent ?? '';

/** Types into a field as a reader does: the value changes and the field hears it. */
function type(id: string, text: string): void {
  const control = field(id);
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

async function start(): Promise<RunningEditor> {
  fakeBrowser.reset();
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  const editor = await startEditor(document, root, 'en');
  if (!editor) throw new Error('the editor did not start');
  return editor;
}

beforeEach(() => {
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

describe('whether the editor is free to show something else', () => {
  it('is free with no form open, with an entry opened and untouched, and with a prefilled new entry untouched', async () => {
    const editor = await start();
    expect(editor.hasUnsavedChanges()).toBe(false);
    editor.show({ edit: 'nvidia' });
    expect(heading()).toBe(t('editorFormEditHeading', 'Nvidia'));
    expect(editor.hasUnsavedChanges()).toBe(false);
    editor.show({ add: 'Zhipu Qingyan' });
    expect(heading()).toBe(t('editorFormNewHeading'));
    expect(field('field-term').value).toBe('Zhipu Qingyan');
    expect(editor.hasUnsavedChanges()).toBe(false);
  });

  it('is not free once the reader changes a field, and is again once it is saved or closed', async () => {
    const editor = await start();
    editor.show({ edit: 'nvidia' });
    const note = field('field-notes-en').value;
    type('field-notes-en', 'A note not saved yet.');
    expect(editor.hasUnsavedChanges()).toBe(true);
    // Typed back to what it was: nothing would be lost.
    type('field-notes-en', note);
    expect(editor.hasUnsavedChanges()).toBe(false);

    type('field-aliases', 'Green Team');
    expect(editor.hasUnsavedChanges()).toBe(true);
    document.querySelector<HTMLButtonElement>('[data-testid="entry-save"]')!.click();
    await vi.waitFor(() => expect(status()).toContain(t('editorSaved', 'Nvidia')));
    expect(editor.hasUnsavedChanges()).toBe(false);

    type('field-term', '輝達公司');
    expect(editor.hasUnsavedChanges()).toBe(true);
    // Closed, the reader agreeing to drop the change.
    const confirm = vi.fn(() => true);
    window.confirm = confirm;
    document.querySelector<HTMLButtonElement>('[data-testid="entry-close"]')!.click();
    expect(confirm).toHaveBeenCalledOnce();
    expect(editor.hasUnsavedChanges()).toBe(false);
  });

  it('is not free with a new entry the reader has started', async () => {
    const editor = await start();
    document.querySelector<HTMLButtonElement>('[data-testid="entry-new"]')!.click();
    expect(editor.hasUnsavedChanges()).toBe(false);
    type('field-term', '智譜');
    expect(editor.hasUnsavedChanges()).toBe(true);
  });
});

describe('the editor’s answers to the background', () => {
  let editor: RunningEditor;
  const ask = async (message: unknown) => {
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, {}, () => {});
    return Promise.all(answers);
  };

  beforeEach(async () => {
    editor = await start();
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue({ id: 12, windowId: 4 } as never);
    answerEditorRequests(editor);
    await vi.waitFor(async () => expect(await ask({ type: 'editor-free' })).toEqual([{ tabId: 12, windowId: 4 }]));
  });

  it('names its tab when free, and says nothing while its form holds an unsaved change', async () => {
    editor.show({ edit: 'nvidia' });
    expect(await ask({ type: 'editor-free' })).toEqual([{ tabId: 12, windowId: 4 }]);
    type('field-aliases', 'Green Team');
    expect(await ask({ type: 'editor-free' })).toEqual([undefined]);
    expect(await ask({ type: 'editor-show', tabId: 12, request: { edit: 'baidu' } })).toEqual([undefined]);
    expect(heading()).toBe(t('editorFormEditHeading', 'Nvidia'));
    expect(field('field-aliases').value).toBe('Green Team');
  });

  it('answers a request for a free editor in one window only from that window', async () => {
    expect(await ask({ type: 'editor-free', windowId: 4 })).toEqual([{ tabId: 12, windowId: 4 }]);
    expect(await ask({ type: 'editor-free', windowId: 5 })).toEqual([undefined]);
    // Dragged to another window since it started: it answers from where it is now.
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue({ id: 12, windowId: 5 } as never);
    expect(await ask({ type: 'editor-free', windowId: 5 })).toEqual([{ tabId: 12, windowId: 5 }]);
    expect(await ask({ type: 'editor-free', windowId: 4 })).toEqual([undefined]);
  });

  it('shows a request meant for its tab, and answers true', async () => {
    expect(await ask({ type: 'editor-show', tabId: 12, request: { edit: 'nvidia' } })).toEqual([true]);
    expect(heading()).toBe(t('editorFormEditHeading', 'Nvidia'));
    // Selected text is cleaned as the editor's URL would clean it: one line, a name's length.
    expect(await ask({ type: 'editor-show', tabId: 12, request: { add: ` Zhipu\u0007\n${'x'.repeat(200)}` } })).toEqual(
      [true],
    );
    // (cut to 120 first, then the bell and the line break become one space)
    expect(field('field-term').value).toBe(`Zhipu ${'x'.repeat(113)}`);
    expect(status()).toContain(t('editorPrefilled', field('field-term').value));
  });

  it('leaves alone requests for another tab, ids that are not entry ids, and anything else', async () => {
    editor.show({ edit: 'nvidia' });
    for (const message of [
      { type: 'editor-show', tabId: 13, request: { edit: 'baidu' } },
      { type: 'editor-show', tabId: 12, request: { edit: 'Not An Id!' } },
      { type: 'editor-show', tabId: 12, request: { add: '   ' } },
      { type: 'editor-show', tabId: 12 },
      { type: 'open-editor', id: 'baidu' },
    ])
      expect(await ask(message)).toEqual([undefined]);
    expect(heading()).toBe(t('editorFormEditHeading', 'Nvidia'));
  });
});

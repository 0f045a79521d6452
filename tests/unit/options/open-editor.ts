/** Opening the glossary editor in jsdom, and choosing (and importing) a file in its import field. */
import { expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { startEditor } from '../../../src/options/editor-app';

/** Opens the editor in `language` on fresh extension storage (the bundled pack only). */
export async function openEditor(language: ReaderLanguage = 'en'): Promise<void> {
  fakeBrowser.reset();
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startEditor(document, root, language);
}

/** Chooses `text` as the file of the editor's import field, as a reader's file picker would. */
export function chooseImportFile(text: string, name = 'pack.json'): void {
  const input = document.querySelector<HTMLInputElement>('#glossary-import')!;
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  input.dispatchEvent(new Event('change'));
}

/** Chooses `text` as the import file and confirms the import once the editor offers it. */
export async function importThroughEditor(text: string): Promise<void> {
  chooseImportFile(text);
  // The shown preview's: a previous import still saving leaves its own, hidden, in the page.
  const confirm = '[data-testid="import-preview"]:not([hidden]) [data-testid="import-confirm"]';
  await vi.waitFor(() => expect(document.querySelector(confirm)).not.toBeNull());
  document.querySelector<HTMLButtonElement>(confirm)!.click();
}

/**
 * Notes the elements scrolled into view from now on (jsdom lays nothing out, and has no
 * `scrollIntoView`): the list it returns fills as the editor scrolls.
 */
export function recordScrolls(): Element[] {
  const scrolled: Element[] = [];
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
  return scrolled;
}

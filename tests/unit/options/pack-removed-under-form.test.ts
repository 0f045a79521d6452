// @vitest-environment jsdom
/**
 * An entry's pack removed while its form is open: the entry went with it. The form closes,
 * unless it holds what the reader wrote, which stays for them to copy; Delete and Reset there
 * say why they do nothing rather than nothing at all.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/i18n';
import { entry, pack } from '../glossary-store/fixtures';
import { importThroughEditor, openEditor, recordScrolls } from './open-editor';

const t = translator('en');
const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
const heading = () => document.getElementById('form-heading')?.textContent;
afterEach(() => vi.restoreAllMocks());

/** Imports a pack of one entry, Quokka Robotics, and opens it. */
async function openImportedEntry(): Promise<void> {
  recordScrolls();
  await openEditor('en');
  await importThroughEditor(JSON.stringify(pack('zoo', [entry('quokka', { term: 'Quokka Robotics' })])));
  await vi.waitFor(() => expect(document.querySelector('[data-testid="pack-remove-zoo"]')).not.toBeNull());
  const search = byTestId<HTMLInputElement>('entry-search');
  search.value = 'Quokka';
  search.dispatchEvent(new Event('input'));
  document.querySelector<HTMLButtonElement>('button.entry-row')!.click();
  expect(heading()).toBe(t('editorFormEditHeading', 'Quokka Robotics'));
}

async function removePack(): Promise<void> {
  byTestId<HTMLButtonElement>('pack-remove-zoo').click();
  await vi.waitFor(() => expect(document.querySelector('[data-testid="pack-remove-zoo"]')).toBeNull());
}

describe('an open entry whose pack is removed', () => {
  it('closes its form', async () => {
    await openImportedEntry();
    await removePack();
    expect(document.querySelector('[data-testid="entry-form"]')).toBeNull();
  });

  it('keeps a form holding what the reader wrote, where Delete and Save say why they do nothing', async () => {
    await openImportedEntry();
    const note = document.getElementById('field-notes-en') as HTMLTextAreaElement;
    note.value = 'Written before the pack went.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await removePack();
    expect(heading()).toBe(t('editorFormEditHeading', 'Quokka Robotics'));
    byTestId<HTMLButtonElement>('entry-delete').click();
    expect(byTestId('form-refusal').textContent).toBe(t('editorEntryPackGone'));
    expect(byTestId('status-message').textContent).toBe(t('editorEntryPackGone'));
    byTestId<HTMLFormElement>('entry-form').requestSubmit();
    await vi.waitFor(() => expect(byTestId('form-refusal').textContent).toBe(t('editorSaveNoPack')));
    expect((document.getElementById('field-notes-en') as HTMLTextAreaElement).value).toBe(
      'Written before the pack went.',
    );
  });
});

/**
 * The editor follows a language chosen elsewhere (the popup) while it is open. Its whole page
 * is written in the language it started with, so it starts again: reloaded at the entry its
 * form shows. Never while the form holds unsaved changes, which a reload would put to the
 * "Leave page?" question: then the editor keeps its language until it is next opened.
 */
import { EDITOR_PATH, editorPathForEntry } from '../editor-url';
import type { ReaderLanguage } from '../i18n';
import { settingsItem } from '../settings/settings';
import type { RunningEditor } from './editor-app';
import { readerLanguage } from './ui-language';

export interface LanguageFollower {
  /** Where the page goes to start again: the entry's editor path, or the bare one. */
  reload(path: string): void;
}

/** Watches the settings; calls `reload` once the reader's language is no longer `language`. */
export function followLanguage(
  editor: Pick<RunningEditor, 'hasUnsavedChanges' | 'openEntryId'>,
  language: ReaderLanguage,
  { reload }: LanguageFollower,
): () => void {
  return settingsItem.watch(async () => {
    if ((await readerLanguage()) === language || editor.hasUnsavedChanges()) return;
    const id = editor.openEntryId();
    reload(id ? editorPathForEntry(id) : EDITOR_PATH);
  });
}

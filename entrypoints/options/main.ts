// The glossary editor: all logic lives in src/options/.
import '../../src/options/editor.css';
import { startEditor } from '../../src/options/editor-app';
import { answerEditorRequests } from '../../src/options/editor-requests';
import { readerLanguage } from '../../src/options/ui-language';
import { guardUnsavedChanges } from '../../src/options/unsaved-guard';
import { buildFoldTableOnFirstUse } from '../../src/matcher';

// The editor folds (its search, the schema's name lengths) before it compiles anything.
buildFoldTableOnFirstUse();

const root = document.getElementById('app');
if (root)
  void readerLanguage()
    .then((language) => startEditor(document, root, language))
    .then((editor) => {
      if (!editor) return;
      answerEditorRequests(editor);
      guardUnsavedChanges(window, () => editor.hasUnsavedChanges());
    });

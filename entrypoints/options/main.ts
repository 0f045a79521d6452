// The glossary editor: all logic lives in src/options/.
import '../../src/options/editor.css';
import '../../src/ui/chinese-fonts.css';
import { startEditor } from '../../src/options/editor-app';
import { answerEditorRequests } from '../../src/options/editor-requests';
import { followLanguage } from '../../src/options/follow-language';
import { readerLanguage } from '../../src/options/ui-language';
import { guardUnsavedChanges } from '../../src/options/unsaved-guard';
import { buildFoldTableOnFirstUse } from '../../src/matcher';

// The editor folds (its search, the schema's name lengths) before it compiles anything.
buildFoldTableOnFirstUse();

const root = document.getElementById('app');
if (root)
  void readerLanguage().then(async (language) => {
    const editor = await startEditor(document, root, language);
    if (!editor) return;
    answerEditorRequests(editor);
    guardUnsavedChanges(window, () => editor.hasUnsavedChanges());
    followLanguage(editor, language, {
      reload(path) {
        history.replaceState(null, '', path);
        location.reload();
      },
    });
  });

// The glossary editor: all logic lives in src/options/.
import '../../src/options/editor.css';
import { startEditor } from '../../src/options/editor-app';
import { answerEditorRequests } from '../../src/options/editor-requests';
import { readerLanguage } from '../../src/options/ui-language';

const root = document.getElementById('app');
if (root)
  void readerLanguage()
    .then((language) => startEditor(document, root, language))
    .then((editor) => editor && answerEditorRequests(editor));

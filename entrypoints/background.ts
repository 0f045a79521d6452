import { defineBackground } from 'wxt/utils/define-background';
import { startBadge } from '../src/background/badge';
import { startGlossaryPublisher } from '../src/background/glossary-publisher';
import { startContextMenu } from '../src/background/context-menu';
import { startEditorOpener } from '../src/background/editor-opener';
import { startToggleCommand } from '../src/background/toggle-command';

// Wiring only: each concern lives in src/background/ and registers its own listeners.
export default defineBackground(() => {
  startBadge();
  startGlossaryPublisher();
  startContextMenu();
  startEditorOpener();
  startToggleCommand();
});

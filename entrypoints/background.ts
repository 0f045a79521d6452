import { defineBackground } from 'wxt/utils/define-background';
import { startBadge } from '../src/background/badge';
import { startGlossaryPublisher } from '../src/background/glossary-publisher';
import { startContextMenu } from '../src/background/context-menu';
import { startEditorOpener } from '../src/background/editor-opener';
import { startOpenTabsOnInstall } from '../src/background/open-tabs';
import { startToggleCommand } from '../src/background/toggle-command';
import { buildFoldTableOnFirstUse } from '../src/matcher';

// Wiring only: each concern lives in src/background/ and registers its own listeners.
export default defineBackground(() => {
  // The background folds (checking the reader's layer, compiling): it builds its own fold table.
  buildFoldTableOnFirstUse();
  startBadge();
  startGlossaryPublisher();
  startContextMenu();
  startEditorOpener();
  startToggleCommand();
  // Firefox starts content scripts in open tabs on its own (and its build has no `scripting`).
  if (!import.meta.env.FIREFOX) startOpenTabsOnInstall();
});

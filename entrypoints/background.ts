import { defineBackground } from 'wxt/utils/define-background';
import { startBadge } from '../src/background/badge';
import { startGlossaryPublisher } from '../src/background/glossary-publisher';
import { startContextMenu } from '../src/background/context-menu';
import { startEditorOpener } from '../src/background/editor-opener';
import { startOpenTabsOnInstall } from '../src/background/open-tabs';
import { startToggleCommand } from '../src/background/toggle-command';

// Wiring only: each concern lives in src/background/ and registers its own listeners.
export default defineBackground(() => {
  startBadge();
  startGlossaryPublisher();
  startContextMenu();
  startEditorOpener();
  startToggleCommand();
  // Firefox starts content scripts in open tabs on its own (and its build has no `scripting`).
  if (!import.meta.env.FIREFOX) startOpenTabsOnInstall();
});

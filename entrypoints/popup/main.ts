import '../../src/popup/popup.css';
import '../../src/ui/chinese-fonts.css';
import { browserPopupDependencies } from '../../src/popup/browser-dependencies';
import { startPopup } from '../../src/popup/popup';
import { buildFoldTableOnFirstUse } from '../../src/matcher';

// The popup folds names without loading a matcher: it builds its own fold table when it first does.
buildFoldTableOnFirstUse();

void startPopup(browserPopupDependencies(document, location.search));

import '../../src/popup/popup.css';
import { browserPopupDependencies } from '../../src/popup/browser-dependencies';
import { startPopup } from '../../src/popup/popup';

void startPopup(browserPopupDependencies(document, location.search));

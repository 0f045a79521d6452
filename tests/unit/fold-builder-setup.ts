// Unit tests run in Node, a realm like the background's or the editor's: it builds its fold table
// when something first folds (entrypoints/background.ts does the same). The content script's way,
// the table stored with the matcher and no data to build one, is tested in fold-realms.test.ts.
import { buildFoldTableOnFirstUse } from '../../src/matcher';

buildFoldTableOnFirstUse();

import { defineConfig } from 'wxt';
import {
  FIREFOX_TOGGLE_HIGHLIGHTS_KEYS,
  TOGGLE_HIGHLIGHTS_COMMAND,
  TOGGLE_HIGHLIGHTS_KEY,
} from './src/background/commands';
import { localeTwinFiles } from './src/i18n/locale-twins';

// The one place the manifest is described. Permissions are the least the
// features need; README.md ("Permissions") explains each one.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Lets several builds (e.g. parallel test runs) keep their outputs apart.
  outDir: process.env.COLUMNLENS_OUT_DIR ?? '.output',
  // Explicit imports everywhere: a reader of any file sees where each name comes from.
  imports: false,
  hooks: {
    // WXT titles the toolbar button with the popup's <title>, "ColumnLens", over the manifest's
    // own: a page the badge has not titled (chrome://, a new tab) showed no 專欄透鏡 or 专栏透镜.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
    // Hong Kong, Macau and Singapore Chromiums read the Traditional or Simplified catalog, not
    // English (src/i18n/locale-twins.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeTwinFiles(files));
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: an imported pack (up to 5 MB a file, several allowed) is stored as the
    // reader's layer and again in the compiled cache, whose shards repeat its notes and whose
    // matcher comes on top: about 2.4 times the pack (tests/tools/measure-glossary-cache.ts), so a
    // 5 MB pack needs ~12 MB, past Chrome's 10 MB storage.local quota. No install warning in Chrome.
    // scripting (Chromium): starts ColumnLens in the tabs open at install and update
    // (src/background/open-tabs.ts), in the pages the content script matches, which are its
    // host permissions: no new install warning. Firefox does that itself.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', ...(browser === 'firefox' ? [] : ['scripting'])],
    host_permissions: browser === 'firefox' ? undefined : ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Keyboard commands need no permission; readers can change the key in the browser's settings.
    commands: {
      [TOGGLE_HIGHLIGHTS_COMMAND]: {
        suggested_key: browser === 'firefox' ? FIREFOX_TOGGLE_HIGHLIGHTS_KEYS : { default: TOGGLE_HIGHLIGHTS_KEY },
        description: '__MSG_commandToggleHighlights__',
      },
    },
    // Extension pages run only their own bundled scripts: no eval, no remote code, no plugins.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    // Firefox-only keys; Chromium would warn about them as unrecognised.
    browser_specific_settings:
      browser !== 'firefox'
        ? undefined
        : {
            gecko: {
              // A fixed id gives Firefox a stable moz-extension:// host for tests and keeps storage across reinstalls.
              id: 'columnlens@columnlens.dev',
              // 140 (an ESR) is the first Firefox that reads data_collection_permissions.
              strict_min_version: '140.0',
              // ColumnLens sends nothing anywhere; Firefox shows readers this declaration at install.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
  }),
});

/**
 * Locale folders the build writes as copies of another folder's catalog.
 *
 * Chromium reads the strings the browser itself shows (the extension's name and description,
 * the keyboard shortcut's name, the toolbar button's title) from the `_locales` folder of its
 * interface language, and, when there is none, from the default locale's: English. It never
 * goes from zh_HK to zh_TW. A Hong Kong or Macau Chromium reads Traditional Chinese, and a
 * Singapore one Simplified, as `languageFromTag` says for the popup, editor and tooltip, so each
 * gets that catalog under its own folder name. Written at build time, so each catalog keeps one
 * source in `public/_locales`.
 */
export const LOCALE_TWINS: Readonly<Record<string, string>> = {
  zh_HK: 'zh_TW',
  zh_MO: 'zh_TW',
  zh_SG: 'zh_CN',
};

const catalogPath = (folder: string): string => `_locales/${folder}/messages.json`;

/**
 * The public files that the twins add: for each twin whose source catalog is among `files`
 * (WXT's list of public assets, paths relative to the output), that file again under the
 * twin's folder.
 */
export function localeTwinFiles<F extends { relativeDest: string }>(files: readonly F[]): F[] {
  return Object.entries(LOCALE_TWINS).flatMap(([twin, source]) =>
    files
      .filter((file) => file.relativeDest.replace(/\\/g, '/') === catalogPath(source))
      .map((file) => ({ ...file, relativeDest: catalogPath(twin) })),
  );
}

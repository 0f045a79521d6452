/**
 * Launches Debian's Firefox ESR with the built extension installed as a temporary add-on,
 * driven by puppeteer-core over WebDriver BiDi. Never downloads a browser: CI installs
 * `firefox-esr` with apt.
 *
 * Two Firefox quirks shape this file:
 * - An add-on's `moz-extension://` host is a random UUID per profile unless the profile
 *   maps the add-on id to one in `extensions.webextensions.uuids` before launch. The id
 *   is fixed in wxt.config.ts (`browser_specific_settings.gecko.id`).
 * - Navigating a tab to a `moz-extension://` page needs `--remote-allow-system-access`, and
 *   puppeteer's `page.goto` never sees such a navigation finish, so `openExtensionPage`
 *   sends BiDi's `browsingContext.navigate` itself and waits for `complete`.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ROOT = resolve(import.meta.dirname, '../../..');
/** Where `npm run build:firefox` put the Firefox build (COLUMNLENS_OUT_DIR moves it). */
export const FIREFOX_BUILD = resolve(ROOT, process.env.COLUMNLENS_OUT_DIR ?? '.output', 'firefox-mv3');
/** The UUID the test profile gives the add-on, so its pages live at a known origin. */
export const EXTENSION_UUID = '6c6f6c75-6d6e-4c65-8e6e-000000000001';

/**
 * Preferences that keep Firefox off the (closed) network and quiet, on top of the ones
 * puppeteer already sets for automation (no Normandy, no safe browsing, no homepage, …).
 */
const QUIET_PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'browser.discovery.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.getAddons.showPane': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'extensions.blocklist.enabled': false,
  'security.OCSP.enabled': 0,
};

/** The add-on id the build declares for Gecko (fixed in wxt.config.ts). */
export function geckoId(extensionPath = FIREFOX_BUILD): string {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionPath}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id Firefox reported after installing the build. */
  addonId: string;
  /** `moz-extension://<uuid>`: where the popup, options page and background live. */
  extensionOrigin: string;
  /** Opens `url` (an http page) in a new tab and waits for its load event. */
  open(url: string): Promise<Page>;
  /** Opens one of the extension's pages (e.g. `popup.html`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

// puppeteer-core's BiDi frame keeps its browsing context public at runtime but not in its
// types; this is the one call of it we need.
interface BidiFrameInternals {
  browsingContext?: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> };
}

/** Navigates `page` with BiDi's own `browsingContext.navigate`, which works for moz-extension:// URLs. */
export async function bidiNavigate(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as BidiFrameInternals).browsingContext;
  if (!context) throw new Error('This page is not driven over WebDriver BiDi.');
  await context.navigate(url, 'complete');
}

/** Starts Firefox ESR with the build installed as a temporary add-on. */
export async function launchFirefoxWithExtension(extensionPath = FIREFOX_BUILD): Promise<FirefoxWithExtension> {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionPath}: run "npm run build:firefox" first.`);
  }
  const id = geckoId(extensionPath);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...QUIET_PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }) },
  });
  try {
    const addonId = await browser.installExtension(extensionPath);
    const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
    return {
      browser,
      addonId,
      extensionOrigin,
      async open(url) {
        const page = await browser.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      async openExtensionPage(path) {
        const page = await browser.newPage();
        await bidiNavigate(page, `${extensionOrigin}/${path.replace(/^\//, '')}`);
        return page;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

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
import { pollUntil } from './poll';
import type { PageSummary } from '../../bench/lib/page-summary';

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

/**
 * Preferences that save every download straight into `dir`, without a dialog or the downloads
 * panel: puppeteer has no download API over BiDi, so tests read the file from disk.
 */
function downloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.download.panel.shown': true,
  };
}

export interface LaunchOptions {
  extensionPath?: string;
  /** Saves downloads (e.g. the editor's export) into this directory. */
  downloadDir?: string;
  /**
   * Every window private (`browser.privatebrowsing.autostart`, how a reader who always browses
   * privately runs Firefox; puppeteer's BiDi launcher opens no private window of its own), with
   * the add-on allowed to run in them, as that reader allows it in about:addons.
   */
  privateBrowsing?: boolean;
  /** Preferences on top of the quiet ones (e.g. `OFFLINE_PREFS`). */
  extraPrefs?: Record<string, unknown>;
}

/**
 * Keeps Firefox off every host but the test server: requests go to a proxy on a closed port
 * and fail at once, so saved pages that point at hosts that do not exist here never wait on
 * DNS. The test server (127.0.0.1) is reached directly.
 */
export const OFFLINE_PREFS: Record<string, unknown> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 1,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 1,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
};

/** Starts Firefox ESR without any add-on: the reference a page with the extension is compared with. */
export function launchFirefoxWithoutExtension(extraPrefs: Record<string, unknown> = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless: true,
    extraPrefsFirefox: { ...QUIET_PREFS, ...extraPrefs },
  });
}

/** Starts Firefox ESR with the build installed as a temporary add-on. */
export async function launchFirefoxWithExtension(options: LaunchOptions = {}): Promise<FirefoxWithExtension> {
  const { extensionPath = FIREFOX_BUILD, downloadDir, privateBrowsing = false, extraPrefs = {} } = options;
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
    extraPrefsFirefox: {
      ...QUIET_PREFS,
      ...(downloadDir ? downloadPrefs(downloadDir) : {}),
      ...(privateBrowsing ? { 'browser.privatebrowsing.autostart': true } : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      ...extraPrefs,
    },
  });
  try {
    const addonId = await browser.installExtension(extensionPath);
    if (privateBrowsing) await allowInPrivateWindows(browser, addonId);
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

/**
 * Allows the add-on in private windows, as about:addons does when the reader ticks "Run in
 * Private Windows": the permission is added and the add-on restarted. WebDriver offers no
 * command for it, so this runs in the browser's own (chrome) scope, which
 * `--remote-allow-system-access` opens to BiDi's `script.evaluate`.
 */
async function allowInPrivateWindows(browser: Browser, addonId: string): Promise<void> {
  const id = JSON.stringify(addonId);
  const active = await evaluateInChrome(
    browser,
    `(async () => {
    const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
    const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
    await ExtensionPermissions.add(${id}, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
    const addon = await AddonManager.getAddonByID(${id});
    await addon.reload();
    return (await AddonManager.getAddonByID(${id})).isActive;
  })()`,
  );
  if (active !== true)
    throw new Error(`Could not allow ${addonId} in private windows (add-on active: ${String(active)})`);
}

/**
 * Evaluates `expression` in the browser's own (chrome) scope, in its first window, and returns
 * its value (awaited when it is a promise). Needs Firefox started with
 * `--remote-allow-system-access`, as `launchFirefoxWithExtension` does.
 */
export async function evaluateInChrome(browser: Browser, expression: string): Promise<unknown> {
  const connection = (browser as unknown as BidiBrowserInternals).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeWindow = tree.result.contexts?.[0]?.context;
  if (!chromeWindow) throw new Error('Firefox shows no chrome window to evaluate in.');
  const reply = await connection.send('script.evaluate', {
    expression,
    target: { context: chromeWindow },
    awaitPromise: true,
  });
  if (reply.result.type !== 'success')
    throw new Error(`Chrome-scope evaluation failed: ${JSON.stringify(reply.result)}`);
  return reply.result.result?.value;
}

// puppeteer-core's BiDi browser keeps its connection public at runtime but not in its types;
// `evaluateInChrome` sends two commands over it.
interface BidiBrowserInternals {
  connection: {
    send(
      method: string,
      params: object,
    ): Promise<{
      result: { contexts?: { context: string }[]; type?: string; result?: { value?: unknown } };
    }>;
  };
}

// The WebExtension global of extension pages, as far as the helpers below use it.
declare const browser: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  storage: Record<'local' | 'sync', { get(key: string): Promise<Record<string, unknown>> }>;
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

/**
 * The tab showing `url` and its content script's page summary, asked from an extension page
 * (`probe`): without the tabs permission tab URLs are hidden, so each tab's content script is
 * asked. Undefined if no tab answers for `url`.
 */
export function tabSummaryFrom(probe: Page, url: string): Promise<{ id: number; summary: PageSummary } | undefined> {
  return probe.evaluate(async (wanted) => {
    for (const tab of await browser.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = (await browser.tabs
        .sendMessage(tab.id, { type: 'get-page-summary' }, { frameId: 0 })
        .catch(() => undefined)) as { url?: string; counts?: Record<string, number> } | undefined;
      if (reply?.url === wanted && reply.counts) return { id: tab.id, summary: { url: wanted, counts: reply.counts } };
    }
    return undefined;
  }, url);
}

/**
 * Finds the tab showing `url` (see `tabSummaryFrom`), waiting until its summary counts at
 * least one entry, so the popup opened on the tab has something to show.
 */
export async function tabShowing(
  probe: Page,
  url: string,
  timeoutMs = 10_000,
): Promise<{ id: number; summary: PageSummary }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await tabSummaryFrom(probe, url);
    if (found && Object.values(found.summary.counts).some((n) => n > 0)) return found;
    if (Date.now() > deadline) throw new Error(`no tab reports entries for ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The tab that opened at `url` (fragment aside), among pages not in `before`. Puppeteer's BiDi
 * targets do not report a new tab's move from about:blank to its URL, so `waitForTarget`
 * misses it: the pages are looked through until it shows.
 */
export async function newPageAt(
  browser: Browser,
  before: readonly Page[],
  url: string,
  timeoutMs = 10_000,
): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await browser.pages()).find((p) => !before.includes(p) && p.url().split('#')[0] === url);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no new tab opened at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Polls the toolbar badge of `tabId`, from an extension page, until `wanted` holds; returns the
 * last text seen. Up to 15 s: the badge waits for the page's report, which a busy machine (CI
 * beside a sweep) can hold back past the usual 6 s.
 */
export const badgeOf = (probe: Page, tabId: number, wanted: (text: string) => boolean): Promise<string> =>
  pollUntil(() => probe.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId), wanted, {
    timeoutMs: 15_000,
  });

/** A value in the extension's storage, read from an extension page. */
export function storageValue(probe: Page, area: 'local' | 'sync', key: string): Promise<unknown> {
  return probe.evaluate(async (a, k) => (await browser.storage[a].get(k))[k], area, key);
}

/**
 * Waits until `fn(arg)`, run in `page`, gives something truthy, and returns it. Puppeteer's
 * `waitForFunction` and its locators rebuild their function in the page with `new Function`,
 * which Firefox ESR 140.12 refuses on a page with a strict Content-Security-Policy and on the
 * add-on's own pages ("call to Function() blocked by CSP"); `page.evaluate` hands the function
 * over BiDi's `script.callFunction`, which the page's CSP does not govern.
 */
export async function waitInPage<A, R>(page: Page, fn: (arg: A) => R, arg: A, timeoutMs = 10_000): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(fn as (arg: unknown) => unknown, arg).catch(notYetWhileNavigating)) as R;
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms on ${page.url()} for ${String(fn)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A page navigating (Back, a load) drops the realm an evaluation ran in: for a wait that is
 * "not yet", and the next try runs in the new document. Any other error is the test's.
 */
function notYetWhileNavigating(error: unknown): undefined {
  if (error instanceof Error && /destroyed|no such (realm|frame|handle)|navigat/i.test(error.message)) return undefined;
  throw error;
}

/** Types `value` into the field `selector` in place of its text, as a reader does (no locator: see waitInPage). */
export async function fillField(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (el) => {
    (el as HTMLInputElement).value = '';
    (el as HTMLElement).focus();
  });
  await page.keyboard.type(value);
}

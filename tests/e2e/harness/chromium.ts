/**
 * Launches Debian's Chromium with the built extension loaded, the way a reader would
 * load it unpacked. Never downloads a browser: CI installs `chromium` with apt.
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../../..');
/** Where `npm run build` put the Chromium build (COLUMNLENS_OUT_DIR moves it). */
export const CHROME_BUILD = resolve(ROOT, process.env.COLUMNLENS_OUT_DIR ?? '.output', 'chrome-mv3');

/** Flags that keep Chromium off this machine's closed network and quiet in CI. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Extra launch arguments (e.g. the sweep's `--host-resolver-rules`). */
export interface LaunchOptions {
  args?: string[];
  /**
   * Keep pages left behind in the back/forward cache, as a reader's Chromium does. Playwright
   * turns the cache off by default, so that Back always loads the page again.
   */
  backForwardCache?: boolean;
}

/** Starts Chromium with the extension and waits for its service worker. */
export async function launchWithExtension(
  extensionPath = CHROME_BUILD,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'columnlens-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreDefaultArgs: options.backForwardCache ? ['--disable-back-forward-cache'] : undefined,
    args: [
      ...CHROMIUM_FLAGS,
      ...(options.args ?? []),
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the same Chromium, with the same flags and headless mode, but no extension: the
 * reference that sweeps, benchmarks and tests compare the extension's pages against.
 */
export async function launchWithoutExtension(
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'columnlens-chromium-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

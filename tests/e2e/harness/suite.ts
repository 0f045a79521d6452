/**
 * The set-up most e2e files share: one browser with the built extension and one test server
 * for the whole file, both started before its first test and closed after its last (also when
 * a test failed). Call at the top of a `describe`; read `browser` and `server` inside hooks
 * and tests, once they exist.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './chromium';
import {
  launchFirefoxWithExtension,
  type FirefoxWithExtension,
  type LaunchOptions as FirefoxLaunchOptions,
} from './firefox';
import { startServer, type TestServer } from './server';

export interface E2eSuite<Browser> {
  readonly browser: Browser;
  readonly server: TestServer;
}

function suite<Browser extends { close(): Promise<void> }>(launch: () => Promise<Browser>): E2eSuite<Browser> {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    // Started apart, so that one failing to start still leaves the other to close.
    const launching = launch().then((b) => (browser = b));
    const serving = startServer().then((s) => (server = s));
    await Promise.all([launching, serving]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} is not started yet: read it inside a hook or a test`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'browser');
    },
    get server() {
      return started(server, 'test server');
    },
  };
}

/** Chromium with the extension (the build in COLUMNLENS_OUT_DIR, default .output), and a test server. */
export const chromiumSuite = (options?: LaunchOptions): E2eSuite<ExtensionBrowser> =>
  suite(() => launchWithExtension(undefined, options));

/** Firefox ESR with the extension installed, and a test server. */
export const firefoxSuite = (options?: FirefoxLaunchOptions): E2eSuite<FirefoxWithExtension> =>
  suite(() => launchFirefoxWithExtension(options));

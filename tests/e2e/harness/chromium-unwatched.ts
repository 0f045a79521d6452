/**
 * Chromium with the built extension, driven over `--remote-debugging-pipe` with no DevTools
 * session on its pages. Chromium does not prerender while DevTools watches the page that
 * would start it ("PrerenderingDisabledByDevTools"), and Playwright watches every page; tests
 * of what readers meet on prerendered pages use this instead. It speaks raw CDP: the
 * extension's service worker is the only target it attaches to until a test asks for a page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROME_BUILD, CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import { pollUntil } from './poll';

interface TargetInfo {
  targetId: string;
  type: string;
  subtype?: string;
  url: string;
}

/** A page the test has attached to (from then on watched by DevTools). */
export interface AttachedPage {
  /** Runs `fn(arg)` in the page's main world and returns its (JSON) result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Moves the mouse to (x, y), in CSS pixels of the viewport: the browser's own, trusted events. */
  moveMouse(x: number, y: number): Promise<void>;
  /** Clicks the left button at (x, y). */
  click(x: number, y: number): Promise<void>;
}

export interface UnwatchedChromium {
  /** Runs `fn(arg)` in the extension's service worker and returns its (JSON) result. */
  inWorker<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Installs the extension, as a reader does, into the running browser (only when launched
   * with `installLater`): the pages already open stay as they are.
   */
  install(): Promise<void>;
  /** The URLs of every page the browser shows, incognito windows' included. */
  pageUrls(): Promise<string[]>;
  /** Opens `url` in a new tab behind the one in front, as a link opened in the background does. */
  openInBackground(url: string): Promise<void>;
  /** Attaches to the page whose URL `url` matches (the first, if several do). */
  attachPage(url: (pageUrl: string) => boolean): Promise<AttachedPage>;
  close(): Promise<void>;
}

export interface UnwatchedOptions {
  /** Lets the extension run in incognito windows, as a reader switches it on in its details page. */
  allowIncognito?: boolean;
  /** Starts without the extension, on `startUrl`; `install()` installs it later. */
  installLater?: boolean;
  /** The first page (default about:blank). */
  startUrl?: string;
}

/**
 * The id Chromium gives an extension loaded from `dir`: the first 128 bits of the SHA-256 of
 * its real path, written in hexadecimal with the digits 0–f as the letters a–p.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** The CDP pipe: messages are JSON, each ended by a NUL byte. */
function cdpOverPipe(child: ChildProcess) {
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const waiting = new Map<number, { ok(result: unknown): void; fail(error: Error): void }>();
  let lastId = 0;
  let gone: Error | undefined;
  // Bytes, not text: a chunk may end inside a character of a reply (Chinese text, say).
  let buffered = Buffer.alloc(0);
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (let end = buffered.indexOf(0); end >= 0; end = buffered.indexOf(0)) {
      const message = JSON.parse(buffered.subarray(0, end).toString('utf8')) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      buffered = buffered.subarray(end + 1);
      const reply = message.id === undefined ? undefined : waiting.get(message.id);
      if (!reply) continue; // an event: nothing here listens to events
      waiting.delete(message.id!);
      if (message.error) reply.fail(new Error(message.error.message));
      else reply.ok(message.result);
    }
  });
  // A browser that failed to start or went away answers nothing: fail what waits, and what comes.
  const end = (error: Error) => {
    gone ??= error;
    for (const reply of waiting.values()) reply.fail(gone);
    waiting.clear();
  };
  child.once('error', end);
  toBrowser.on('error', () => {}); // a write to a browser that is gone: `end` reports it
  child.once('exit', (code) => end(new Error(`Chromium exited (${code ?? 'signal'})`)));
  return <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((ok, fail) => {
      if (gone) return fail(new Error(`${method}: ${gone.message}`));
      const id = ++lastId;
      waiting.set(id, { ok: ok as (result: unknown) => void, fail: (e) => fail(new Error(`${method}: ${e.message}`)) });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
}

/** Starts Chromium (same binary and flags as the other tests) with the extension, on about:blank. */
export async function launchUnwatched(
  extensionPath = CHROME_BUILD,
  options: UnwatchedOptions = {},
): Promise<UnwatchedChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'columnlens-chromium-unwatched-'));
  if (options.allowIncognito) {
    // Where the browser keeps the reader's "Allow in Incognito", written before it starts.
    const settings = { [unpackedExtensionId(extensionPath)]: { incognito: true } };
    mkdirSync(join(userDataDir, 'Default'));
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { settings } }));
  }
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_FLAGS,
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${userDataDir}`,
      // Installed later through CDP (`Extensions.loadUnpacked`), which needs this switch.
      ...(options.installLater
        ? ['--enable-unsafe-extension-debugging']
        : [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`]),
      options.startUrl ?? 'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve()); // never started: nothing to wait for
  });
  const send = cdpOverPipe(child);
  const close = async () => {
    // Asked to close, Chromium ends its helper processes before it exits; a killed one leaves
    // them writing to the profile for a moment.
    await Promise.race([send('Browser.close').catch(() => {}), exited]);
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  const targets = async () => (await send<{ targetInfos: TargetInfo[] }>('Target.getTargets')).targetInfos;
  const attach = async (targetId: string) =>
    (await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })).sessionId;
  const evaluate = async <R>(sessionId: string, expression: string): Promise<R> => {
    const reply = await send<{ result: { value: R }; exceptionDetails?: { exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? 'evaluation failed');
    return reply.result.value;
  };
  /** `fn(arg)` as an expression, for `Runtime.evaluate`. */
  const call = (fn: (arg: never) => unknown, arg: unknown) => `(${fn.toString()})(${JSON.stringify(arg)})`;
  /** Attaches to the extension's service worker once it runs with its APIs. */
  const attachWorker = async () => {
    const isWorker = (t: TargetInfo) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://');
    const worker = (await pollUntil(targets, (all) => all.some(isWorker), { timeoutMs: 10_000 })).find(isWorker);
    if (!worker) throw new Error(`The extension's service worker did not start (${extensionPath})`);
    const session = await attach(worker.targetId);
    // Attached early, the worker may not have run its script yet: wait for the extension APIs.
    const hasApis = () => evaluate<boolean>(session, 'typeof chrome === "object" && !!chrome.tabs');
    if (!(await pollUntil(hasApis, (ready) => ready, { timeoutMs: 10_000 }))) {
      throw new Error('The service worker has no extension APIs');
    }
    return session;
  };
  try {
    let workerSession = options.installLater ? undefined : await attachWorker();
    const inWorker = async <R>(expression: string): Promise<R> => {
      if (!workerSession) throw new Error('The extension is not installed yet: call install() first');
      return evaluate<R>(workerSession, expression);
    };
    const mouse = (sessionId: string, type: string, x: number, y: number) =>
      send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 }, sessionId);
    return {
      inWorker: (fn, arg) => inWorker(call(fn, arg)),
      async install() {
        if (workerSession) throw new Error('The extension is installed already');
        await send('Extensions.loadUnpacked', { path: extensionPath });
        workerSession = await attachWorker();
      },
      pageUrls: async () => (await targets()).filter((t) => t.type === 'page').map((t) => t.url),
      async openInBackground(url) {
        await send('Target.createTarget', { url, background: true });
      },
      async attachPage(matches) {
        // A tab being reloaded or opened is briefly listed without its URL: look again a while.
        const find = async () => (await targets()).find((t) => t.type === 'page' && matches(t.url));
        const page = await pollUntil(find, (found) => found !== undefined, { timeoutMs: 10_000 });
        if (!page) throw new Error(`No page matches (pages: ${(await targets()).map((t) => t.url).join(', ')})`);
        const sessionId = await attach(page.targetId);
        return {
          evaluate: (fn, arg) => evaluate(sessionId, call(fn, arg)),
          moveMouse: async (x, y) => void (await mouse(sessionId, 'mouseMoved', x, y)),
          async click(x, y) {
            await mouse(sessionId, 'mousePressed', x, y);
            await mouse(sessionId, 'mouseReleased', x, y);
          },
        };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

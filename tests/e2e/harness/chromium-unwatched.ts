/**
 * Chromium with the built extension, driven over `--remote-debugging-pipe` with no DevTools
 * session on its pages. Chromium does not prerender while DevTools watches the page that
 * would start it ("PrerenderingDisabledByDevTools"), and Playwright watches every page; tests
 * of what readers meet on prerendered pages use this instead. It speaks raw CDP: the
 * extension's service worker is the only target it attaches to until a test asks for a page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROME_BUILD, CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';

interface TargetInfo {
  targetId: string;
  type: string;
  subtype?: string;
  url: string;
}

export interface UnwatchedChromium {
  /** Runs `fn(arg)` in the extension's service worker and returns its (JSON) result. */
  inWorker<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Attaches to the page showing `url` (from then on watched) and runs `fn()` in it. */
  inPage<R>(url: string, fn: () => R): Promise<R>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The CDP pipe: messages are JSON, each ended by a NUL byte. */
function cdpOverPipe(child: ChildProcess) {
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const waiting = new Map<number, { ok(result: unknown): void; fail(error: Error): void }>();
  let lastId = 0;
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      buffered = buffered.slice(end + 1);
      const reply = message.id === undefined ? undefined : waiting.get(message.id);
      if (!reply) continue; // an event: nothing here listens to events
      waiting.delete(message.id!);
      if (message.error) reply.fail(new Error(message.error.message));
      else reply.ok(message.result);
    }
  });
  return <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((ok, fail) => {
      const id = ++lastId;
      waiting.set(id, { ok: ok as (result: unknown) => void, fail: (e) => fail(new Error(`${method}: ${e.message}`)) });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
}

/** Starts Chromium (same binary and flags as the other tests) with the extension, on about:blank. */
export async function launchUnwatched(extensionPath = CHROME_BUILD): Promise<UnwatchedChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'columnlens-chromium-unwatched-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_FLAGS,
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${userDataDir}`,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
  try {
    let worker: TargetInfo | undefined;
    for (let i = 0; i < 100 && !worker; i++) {
      worker = (await targets()).find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
      if (!worker) await sleep(100);
    }
    if (!worker) throw new Error(`The extension's service worker did not start (${extensionPath})`);
    const workerSession = await attach(worker.targetId);
    // Attached early, the worker may not have run its script yet: wait for the extension APIs.
    for (let i = 0; !(await evaluate<boolean>(workerSession, 'typeof chrome === "object" && !!chrome.tabs')); i++) {
      if (i === 100) throw new Error('The service worker has no extension APIs');
      await sleep(100);
    }
    return {
      inWorker: (fn, arg) => evaluate(workerSession, `(${fn.toString()})(${JSON.stringify(arg)})`),
      async inPage(url, fn) {
        const page = (await targets()).find((t) => t.type === 'page' && t.url === url);
        if (!page) throw new Error(`No page shows ${url}`);
        return evaluate(await attach(page.targetId), `(${fn.toString()})()`);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

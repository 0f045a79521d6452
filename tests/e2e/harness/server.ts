/**
 * A static server on loopback for end-to-end tests, benchmarks and the corpus sweep.
 * Content scripts only run on http(s) pages, so fixtures are served rather than opened
 * from disk.
 *
 * - `/fixtures/<file>`: the hand-written pages in tests/e2e/fixtures.
 * - `/corpus/<folder>/<file>`: pages of ../shared/corpus, byte for byte except that
 *   `<script>` elements, inline `on…=` handlers, `srcdoc` documents and `javascript:` frame
 *   sources are stripped, so every load builds the same DOM (the pages' own scripts point at
 *   hosts that cannot be reached here, and some inject ads at random).
 * - `/page?html=<name>`: pages registered at run time with `server.setPage(name, html)`.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');
export const CORPUS_DIR = process.env.COLUMNLENS_CORPUS ?? resolve(import.meta.dirname, '../../../../shared/corpus');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Where browsers look for a `<meta charset>` (the HTML standard's prescan reads 1,024 bytes). */
const CHARSET_PRESCAN = 1_024;

/**
 * A corpus page's content type. A saved page that declares no charset lost the one its server
 * sent in a header; left to guess, Chromium decoded one such UTF-8 page as windows-1252 in
 * one load and as a CJK encoding in the next, so two loads of the page differed. When the
 * bytes are valid UTF-8 and nothing is declared, say UTF-8, as the original server did.
 */
export function corpusContentType(type: string, body: Buffer): string {
  if (type !== 'text/html') return type;
  if (/charset/i.test(body.subarray(0, CHARSET_PRESCAN).toString('latin1'))) return type;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return type;
  }
  return `${type}; charset=utf-8`;
}

/**
 * Removes every way saved HTML runs script, without re-encoding the bytes: `<script>`
 * elements, inline event handlers, `srcdoc` (an iframe document whose scripts reach the
 * parent: one saved page injects ads through it) and `javascript:` URLs that run on load
 * (`src` of frames, `data` of objects).
 */
export function stripScripts(bytes: Buffer): Buffer {
  // latin1 maps every byte to one char and back, so GBK/GB2312 pages survive untouched.
  let text = bytes
    .toString('latin1')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/>/gi, '');
  // One attribute per pass inside each tag; repeat until no tag has one left.
  const attributes = [
    /(<[a-z][^>]*?)\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi,
    /(<[a-z][^>]*?)\s+srcdoc\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi,
    /(<[a-z][^>]*?)\s+(?:src|data)\s*=\s*("\s*javascript:[^"]*"|'\s*javascript:[^']*'|javascript:[^\s>]*)/gi,
  ];
  for (let prev = ''; prev !== text;) {
    prev = text;
    for (const attribute of attributes) text = text.replace(attribute, '$1');
  }
  return Buffer.from(text, 'latin1');
}

export interface TestServer {
  origin: string;
  /** Serves `html` at `${origin}/page/<name>` until the server closes. */
  setPage(name: string, html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

function safeJoin(root: string, rel: string): string | undefined {
  const full = normalize(join(root, decodeURIComponent(rel)));
  return full.startsWith(root) ? full : undefined;
}

export interface ServerOptions {
  /** Serve `/corpus/` from this folder instead of CORPUS_DIR (e.g. a sweep of another corpus). */
  corpusDir?: string;
}

/** Starts the server on 127.0.0.1 with a free port. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const corpusDir = resolve(options.corpusDir ?? CORPUS_DIR);
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      if (path.startsWith('/page/')) {
        const page = pages.get(path.slice('/page/'.length));
        if (!page) return void res.writeHead(404).end('no such page');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers });
        return void res.end(page.html);
      }
      const [root, rel, strip] = path.startsWith('/fixtures/')
        ? [FIXTURES_DIR, path.slice('/fixtures/'.length), false]
        : path.startsWith('/corpus/')
          ? [corpusDir, path.slice('/corpus/'.length), true]
          : [undefined, '', false];
      const file = root ? safeJoin(root, rel) : undefined;
      if (!file) return void res.writeHead(404).end('not found');
      let body: Buffer = await readFile(file);
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      if (strip && type === 'text/html') body = stripScripts(body);
      // Fixtures are UTF-8; corpus pages keep their bytes and declare their own charset.
      res.writeHead(200, { 'content-type': strip ? corpusContentType(type, body) : `${type}; charset=utf-8` });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    setPage(name, html, headers = {}) {
      pages.set(name, { html, headers });
      return `${origin}/page/${name}`;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

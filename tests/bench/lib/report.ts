/**
 * The benchmark's printed output: a header naming the machine and the date, and Markdown
 * tables (so they can be pasted into README's Performance section as they are).
 */
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../../e2e/harness/chromium';

/** The version line of the Chromium the harness runs ("Chromium 156.0…"). */
function chromiumVersion(): string {
  try {
    const out = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.match(/[\d.]+/)?.[0] ?? out.trim();
  } catch {
    return 'unknown';
  }
}

/** One line describing where and when the figures were measured. */
export function machineLine(): string {
  const browserVersion = chromiumVersion();
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = Math.round(totalmem() / 2 ** 30);
  const date = new Date().toISOString().slice(0, 10);
  // Other work on the machine slows every figure; the load average says how much there was.
  const load = loadavg()[0]!.toFixed(1);
  return `${date} · ${cpu}, ${cpus().length} cores, ${memory} GB, load average ${load} at the end · Linux ${release()} · Chromium ${browserVersion} (headless) · Node ${process.version}`;
}

/** Raw and gzipped sizes, in bytes, of the content script's files in a build. */
export function contentScriptSize(buildDir: string): { files: string[]; rawBytes: number; gzipBytes: number } {
  const dir = join(buildDir, 'content-scripts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}

/**
 * A size in kB of 1,000 bytes, the stricter reading of the "60 kB", with the bytes and
 * the KiB beside it: "50.4 kB (50,357 bytes, 49.2 KiB)".
 */
export function fmtSize(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB (${bytes.toLocaleString('en')} bytes, ${(bytes / 1024).toFixed(1)} KiB)`;
}

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A duration for the tables: "12 ms", "1.4 s", or "–" when unknown. */
export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  if (Math.abs(ms) >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (Math.abs(ms) >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** A count with thousands separators. */
export const fmtN = (n: number) => n.toLocaleString('en');

/** A longest task with what it was: "31.0 ms (scheduled slice, +1,234 ms)". */
export function fmtTask(taskMs: number, task?: { cause: string; atMs?: number }): string {
  if (!task) return fmtMs(taskMs);
  const at = task.atMs === undefined ? '' : `, +${fmtN(Math.round(task.atMs))} ms`;
  return `${fmtMs(taskMs)} (${task.cause}${at})`;
}

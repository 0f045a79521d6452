/**
 * Where the content script's time goes (collect / match / wrap / the rest): a CPU profile of
 * one page load with an unminified build (tests/bench/lib/profile.wxt.config.ts), its samples
 * attributed to src/ files by function name. Layout is not script time; it comes from the
 * traces (task-stats.ts, `layoutMs`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { LOAD_TIMEOUT_MS } from './measure-load';

const ROOT = resolve(import.meta.dirname, '../../..');
export const PROFILE_BUILD_DIR = '.output-bench-profile';

/** Which part of the work each source file does. */
const PHASES: [RegExp, string][] = [
  [/^src\/matcher\/|^src\/content\/(chunked-scan|glossary-view)\.ts$/, 'match'],
  [/^src\/content\/(blocks|reader|dom-rules|page-state)\.ts$/, 'collect'],
  [/^src\/content\/(dom-engine|drawing|engine|adopted-styles)\.ts$/, 'wrap'],
  [/^src\/(glossary-store|settings|storage)\//, 'load glossary and settings'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Function and method names of src/, each with the phase of the file that defines it. */
function phaseByFunctionName(): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const path = relative(ROOT, file);
    const phase = PHASES.find(([pattern]) => pattern.test(path))?.[1] ?? 'scheduling, observers, tooltip';
    const code = readFileSync(file, 'utf8');
    const declared = [
      ...code.matchAll(/function\*?\s+([A-Za-z_$][\w$]*)/g),
      ...code.matchAll(/^\s+(?:async\s+)?\*?\s*([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*(?::[^{=]+)?\{/gm),
    ];
    for (const [, name] of declared) if (name && !names.has(name)) names.set(name, phase);
  }
  return names;
}

/** Builds the unminified variant of the Chromium build; returns its directory. */
export function buildProfileVariant(): string {
  execFileSync('npx', ['wxt', 'build', '-c', 'tests/bench/lib/profile.wxt.config.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, COLUMNLENS_PROFILE_OUT_DIR: PROFILE_BUILD_DIR },
  });
  return join(ROOT, PROFILE_BUILD_DIR, 'chrome-mv3');
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Milliseconds of content-script time per phase during one load of `url` in `context` (which runs the profile build). */
export async function profilePhases(
  context: BrowserContext,
  url: string,
  settleMs: number,
): Promise<Map<string, number>> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await new Promise((r) => setTimeout(r, settleMs));
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await page.close();

  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const names = phaseByFunctionName();
  const phases = new Map<string, number>();
  // Walk the call tree: a frame of our script names its phase; builtins and DOM calls inherit it.
  const visit = (id: number, phase: string | undefined) => {
    const node = byId.get(id);
    if (!node) return;
    const ours = node.callFrame.url.startsWith('chrome-extension://');
    const here = ours ? (names.get(node.callFrame.functionName) ?? phase ?? 'other (WXT runtime, polyfill)') : phase;
    const time = self.get(id) ?? 0;
    if (here && time) phases.set(here, (phases.get(here) ?? 0) + time / 1000);
    for (const child of node.children ?? []) visit(child, here);
  };
  visit(profile.nodes[0]!.id, undefined);
  return phases;
}

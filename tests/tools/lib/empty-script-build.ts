/**
 * A reference extension for the timing tool: a copy of a build whose content script is
 * declared exactly as ColumnLens's (same pages, frames and `run_at`) but does nothing except
 * leave a performance mark when it starts. Loads with it show what any such script costs a
 * page (Chromium injects `document_end` scripts after its first rendering of the document,
 * and the load event waits for them), apart from what ColumnLens's own code costs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The mark the empty script leaves in the page's performance timeline (shared by every world). */
export const EMPTY_SCRIPT_MARK = 'columnlens-empty-script-start';

interface ContentScriptDeclaration {
  js?: string[];
  css?: string[];
  [key: string]: unknown;
}

/** Copies `buildDir` to a temporary directory with the empty content script: its path, and how to remove it. */
export function emptyScriptBuild(buildDir: string): { dir: string; remove(): void } {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ContentScriptDeclaration[];
  };
  const declared = manifest.content_scripts?.[0];
  if (!declared) throw new Error(`${buildDir} declares no content script to stand in for`);
  // No style sheet either: the reference is the script's injection alone.
  const { css: _css, ...rest } = declared;
  manifest.content_scripts = [{ ...rest, js: ['empty-script.js'] }];
  const parent = mkdtempSync(join(tmpdir(), 'columnlens-empty-script-'));
  const dir = join(parent, 'chrome-mv3');
  cpSync(buildDir, dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'empty-script.js'), `performance.mark(${JSON.stringify(EMPTY_SCRIPT_MARK)});\n`);
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

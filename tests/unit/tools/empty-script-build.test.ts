/**
 * The timing tool's reference build must differ from the build it copies in one thing only,
 * what its content script does: otherwise its loads would not show what the script's
 * declaration alone costs a page.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_SCRIPT_MARK, emptyScriptBuild } from '../../tools/lib/empty-script-build';

const declaration = {
  matches: ['http://*/*', 'https://*/*'],
  all_frames: true,
  match_about_blank: true,
  run_at: 'document_end',
  css: ['content-scripts/content.css'],
  js: ['content-scripts/content.js'],
};

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakeBuild(manifest: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'columnlens-fake-build-'));
  made.push(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), '// the worker');
  return dir;
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('emptyScriptBuild', () => {
  it('keeps the declaration and everything else, and runs a script that only leaves its mark', () => {
    const source = fakeBuild({
      name: 'ColumnLens',
      background: { service_worker: 'background.js' },
      content_scripts: [declaration],
    });
    const copy = emptyScriptBuild(source);
    try {
      const manifest = manifestOf(copy.dir);
      const { css: _css, js: _js, ...kept } = declaration;
      expect(manifest.content_scripts).toEqual([{ ...kept, js: ['empty-script.js'] }]);
      expect(manifest.background).toEqual({ service_worker: 'background.js' });
      expect(readFileSync(join(copy.dir, 'background.js'), 'utf8')).toBe('// the worker');
      const script = readFileSync(join(copy.dir, 'empty-script.js'), 'utf8');
      const marks: string[] = [];
      runInNewContext(script, { performance: { mark: (name: string) => marks.push(name) } });
      expect(marks).toEqual([EMPTY_SCRIPT_MARK]);
      // The build it copies is left as it was.
      expect(manifestOf(source).content_scripts).toEqual([declaration]);
    } finally {
      copy.remove();
    }
    expect(existsSync(copy.dir)).toBe(false);
  });

  it('refuses a build that declares no content script', () => {
    expect(() => emptyScriptBuild(fakeBuild({ name: 'no scripts' }))).toThrow(/declares no content script/);
  });
});

// @vitest-environment jsdom
/**
 * A refused pack file in the editor of a reader of Chinese: the headline and every line under
 * it (which entry, which field, what is wrong) are in the editor's language, not only the
 * headline; so are the warnings of a file that is imported.
 */
import { describe, expect, it, vi } from 'vitest';
import { entry, pack } from '../glossary-store/fixtures';
import { chooseImportFile, openEditor } from './open-editor';

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe("a refused import in the editor's language", { timeout: 30_000 }, () => {
  it('writes the problems in Traditional Chinese', async () => {
    await openEditor('zh-Hant');
    const broken = {
      ...pack('broken', [entry('a'), entry('b')]),
      entries: [
        { id: 'a', term: 'x', category: 'company', context: 'c' },
        { id: 'b', term: 'cd', aliases: 5, category: 'company', context: 'c' },
      ],
    };
    chooseImportFile(JSON.stringify(broken), 'broken.json');
    await vi.waitFor(() => expect(byTestId('import-error')!.textContent).not.toBe(''));
    const [headline, ...details] = [...byTestId('import-error')!.querySelectorAll('p, li')].map((n) => n.textContent);
    expect(headline).toBe(
      '「broken.json」不是有效的詞庫檔：entries[0] (id "a") › term：至少要有 2 個字元（單一字元幾乎處處都會比對到）',
    );
    expect(details).toEqual(['entries[1] (id "b") › aliases：應為陣列（實為數字）']);
  });

  it('writes the warnings of an imported file in Simplified Chinese', async () => {
    await openEditor('zh-Hans');
    const file = JSON.stringify(pack('warned', [entry('a')])).replace('{', '{"__proto__": {"x": 1},');
    chooseImportFile(file, 'warned.json');
    await vi.waitFor(() => expect(byTestId('import-confirm')).not.toBeNull());
    expect(byTestId('import-preview')!.textContent).toContain(
      '已忽略最外层的键“__proto__”：可能改变对象原型的键一律不读取。',
    );
  });
});

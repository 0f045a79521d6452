/**
 * The parser's report in the reader's language: the editor writes each refusal's lines from
 * their texts, so a reader of Chinese reads the problems in Chinese (the paths stay the file's
 * own field names); English stays what the parser has always written.
 */
import { describe, expect, it } from 'vitest';
import { writePackText, type PackText } from '../../../src/glossary/pack-text';
import { parsePackText } from '../../../src/glossary/parse-pack';
import { translator } from '../../../src/i18n';

const base = {
  schemaVersion: 1,
  id: 'test-pack',
  title: 'Test pack',
  source: { title: 'A column', author: 'Someone', sections: ['Intro'] },
};

function textsOf(value: unknown): PackText[] {
  const result = parsePackText(typeof value === 'string' ? value : JSON.stringify(value));
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errorTexts;
}

const broken = {
  ...base,
  schemaVersion: '1',
  entries: [
    { id: 'a', term: 'ab', aliases: 'ab', category: 'concept', context: 'c', mentions: 1.5 },
    { id: 'b', term: 'x', aliases: [5], category: 'spy', context: 'c', related: ['a', 'zz', 'b'], section: 'Nope' },
    { id: 'a', term: 'cd', category: 'concept', context: 'c', links: [{ title: 't', url: 'javascript:alert(1)' }] },
  ],
};

describe("the parser's report in the reader's language", () => {
  it('writes every problem of a broken pack in Traditional Chinese', () => {
    const t = translator('zh-Hant');
    expect(textsOf(broken).map((text) => writePackText(t, text))).toEqual([
      'schemaVersion：應為 1（此版本只讀取這一種詞庫格式）',
      'entries[0] (id "a") › aliases：應為陣列（實為字串）',
      'entries[0] (id "a") › mentions：應為整數',
      'entries[1] (id "b") › term：至少要有 2 個字元（單一字元幾乎處處都會比對到）',
      'entries[1] (id "b") › aliases[0]：應為字串或物件（實為數字）',
      expect.stringMatching(/^entries\[1\] \(id "b"\) › category：應為以下之一：company, organization, /),
      'entries[2] (id "a") › links[0].url：應為 http 或 https 網址',
    ]);
  });

  it('writes the rules across entries in Simplified Chinese', () => {
    const t = translator('zh-Hans');
    const crossed = {
      ...base,
      entries: [
        { id: 'a', term: 'ab', category: 'concept', context: 'c', related: ['zz', 'a'], section: 'Nope' },
        { id: 'a', term: 'cd', category: 'concept', context: 'c' },
      ],
    };
    expect(textsOf(crossed).map((text) => writePackText(t, text))).toEqual([
      'entries[1] (id "a") › id：与 entries[0] 的 id 重复',
      'entries[0] (id "a") › related[0]：指向的“zz”不是此词库的条目',
      'entries[0] (id "a") › related[1]：条目不能与自身相关',
      'entries[0] (id "a") › section：“Nope”不在 source.sections 之中',
    ]);
  });

  it('writes the whole pack, the file and the count of problems left out in Chinese', () => {
    const t = translator('zh-Hans');
    expect(writePackText(t, textsOf('[]')[0]!)).toBe('词库文件：应为对象（实为数组）');
    expect(writePackText(t, textsOf('[[['.repeat(30))[0]!)).toBe(
      '文件嵌套太深（对象或数组超过 64 层）；词库文件从不需要这么深。',
    );
    const many = { ...base, entries: Array.from({ length: 25 }, (_, i) => ({ id: `e${i}`, term: 'x' })) };
    const texts = textsOf(many);
    expect(writePackText(t, texts.at(-1)!)).toMatch(/^……另有 \d+ 个问题。$/);
  });

  it('leaves no English problem words in the Chinese report of any refusal here', () => {
    for (const language of ['zh-Hans', 'zh-Hant'] as const) {
      const t = translator(language);
      for (const value of [broken, '[]', 'null', { ...base, entries: {} }, { ...base, title: '' }]) {
        for (const line of textsOf(value).map((text) => writePackText(t, text))) {
          // The place is the file's own field names; what follows the colon is the problem.
          const problem = line.slice(line.indexOf('：') + 1);
          expect(problem, line).not.toMatch(/\b(must|required|got|needs|not|an?)\b/);
        }
      }
    }
  });
});

/**
 * Where and why a file is not JSON, in the reader's language: the browser's parser says it
 * only in English, and often without a place.
 */
import { describe, expect, it } from 'vitest';
import { jsonProblem } from '../../../src/glossary/json-problem';
import { inEnglish, writePackText } from '../../../src/glossary/pack-text';
import { translator } from '../../../src/i18n';

const english = (text: string) => {
  const problem = jsonProblem(text);
  return problem && inEnglish(problem);
};

describe('jsonProblem', () => {
  it.each([
    [`{ 'name': 1 }`, "line 1, column 3: “'” cannot stand here"],
    ['{"a": 1,}', 'line 1, column 9: a name in double quotes is expected here'],
    ['[1, 2,]', 'line 1, column 7: a value is expected here'],
    ['{"a" 1}', 'line 1, column 6: a colon (:) is expected here'],
    ['{"a": 1\n "b": 2}', 'line 2, column 2: a comma (,) is expected here'],
    ['{"a": [1, 2}', 'line 1, column 12: a comma (,) is expected here'],
    ['{"a": [1, 2', 'line 1, column 12: “]” is expected here'],
    ['{"schemaVersion": 1,\r\n "entries": {', 'line 2, column 14: “}” is expected here'],
    ['这不是 JSON', 'line 1, column 1: “这” cannot stand here'],
    ['{"a": "𠀀" x}', 'line 1, column 11: “x” cannot stand here'],
    ['{"a":', 'line 1, column 6: the file ends before its JSON does'],
    ['// notes\n{}', 'line 1, column 1: JSON has no comments'],
    ['{"a": "never closed', 'line 1, column 7: text in double quotes that is never closed'],
    ['{"a": "\\q"}', 'line 1, column 7: a backslash escape JSON does not know'],
    [
      '{"a": "tab\there"}',
      'line 1, column 7: a tab or line break inside double quotes, which JSON writes as \\t or \\n',
    ],
    ['{"a": 01}', 'line 1, column 8: a comma (,) is expected here'],
    ['', 'line 1, column 1: the file ends before its JSON does'],
  ])('finds in %j: %s', (text, said) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(english(text)).toBe(said);
  });

  it('counts a column in characters, a character outside the BMP as one', () => {
    expect(english('["𠀀𠀁", x]')).toBe('line 1, column 8: “x” cannot stand here');
  });

  it('finds nothing in JSON', () => {
    for (const text of ['{}', '[1, "二", {"三": null}]', ' "text" ', '1e3']) expect(jsonProblem(text)).toBeUndefined();
  });

  it('is written in the reader’s language, with no English words in it', () => {
    const problem = jsonProblem(`{ 'name': 1 }`)!;
    expect(writePackText(translator('zh-Hans'), problem)).toBe("第 1 行第 3 列：这里不能出现“'”");
    expect(writePackText(translator('zh-Hant'), jsonProblem('{"a": 1,}')!)).toBe(
      '第 1 行第 9 欄：這裡應是以雙引號括住的名稱',
    );
  });
});

/**
 * Where and why a text is not JSON, as a text for the reader's language. The browser's JSON
 * parser says so only in English, in words that differ between browsers, and often without
 * a place ("Unexpected token '这', "这不是 JSON" is not valid JSON"); jsonc-parser, the
 * parser of VS Code's settings files, reports a code and an offset for each problem. Pure.
 */
import { parse, type ParseError } from 'jsonc-parser';
import { packText, type PackText, type PackTextKey } from './pack-text';

/** The reason for each of jsonc-parser's `ParseErrorCode`s (a `const enum`, so by its numbers). */
const REASONS: Readonly<Record<number, PackTextKey>> = {
  1: 'packJsonUnexpected', // InvalidSymbol
  2: 'packJsonNumber', // InvalidNumberFormat
  3: 'packJsonNameExpected', // PropertyNameExpected
  4: 'packJsonValueExpected', // ValueExpected
  5: 'packJsonColonExpected', // ColonExpected
  6: 'packJsonCommaExpected', // CommaExpected
  7: 'packJsonCloseExpected', // CloseBraceExpected
  8: 'packJsonCloseExpected', // CloseBracketExpected
  9: 'packJsonUnexpected', // EndOfFileExpected
  10: 'packJsonComment', // InvalidCommentToken
  11: 'packJsonComment', // UnexpectedEndOfComment
  12: 'packJsonOpenString', // UnexpectedEndOfString
  13: 'packJsonNumber', // UnexpectedEndOfNumber
  14: 'packJsonEscape', // InvalidUnicode
  15: 'packJsonEscape', // InvalidEscapeCharacter
  16: 'packJsonControl', // InvalidCharacter (a tab or line break inside quotes)
};

/**
 * The first problem that keeps `text` from being JSON, with its line and column (counted from
 * 1, a column in characters as an editor counts them); undefined where jsonc-parser finds none.
 */
export function jsonProblem(text: string): PackText | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const { line, column } = placeOf(text, first.offset);
  return packText('packJsonAt', line, column, reason(text, first));
}

function reason(text: string, { error, offset }: ParseError): PackText {
  const key = REASONS[error] ?? 'packJsonUnexpected';
  if (key === 'packJsonCloseExpected') return packText(key, error === 7 ? '}' : ']');
  // A value or name "expected" after the last character: the file was cut short.
  if (offset >= text.length) return packText('packJsonEnd');
  if (key !== 'packJsonUnexpected') return packText(key);
  return packText(key, String.fromCodePoint(text.codePointAt(offset)!));
}

/** The line and column of `offset` in `text`; \r\n, \n and \r each end a line. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\n|\r/);
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

import { describe, expect, it } from 'vitest';
import { corpusContentType } from '../../e2e/harness/server';

const html = (text: string) => Buffer.from(text, 'utf8');

describe('corpusContentType', () => {
  it('says UTF-8 for valid UTF-8 that declares no charset', () => {
    expect(corpusContentType('text/html', html('<title>廣西省發生了一起事件</title>'))).toBe(
      'text/html; charset=utf-8',
    );
  });

  it('leaves pages that declare their charset to it', () => {
    expect(corpusContentType('text/html', html('<meta charset="gbk"><title>x</title>'))).toBe('text/html');
  });

  it('leaves bytes that are not UTF-8 to the browser', () => {
    const gbk = Buffer.from([0x3c, 0x70, 0x3e, 0xb9, 0xe3, 0xce, 0xf7]); // "<p>广西" in GBK
    expect(corpusContentType('text/html', gbk)).toBe('text/html');
  });

  it('only touches HTML', () => {
    expect(corpusContentType('text/css', html('p{}'))).toBe('text/css');
  });
});

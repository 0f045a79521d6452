import { describe, expect, it } from 'vitest';
import { webUrl } from '../../src/validate';

describe('webUrl', () => {
  it('takes absolute http and https addresses', () => {
    expect(webUrl('https://en.wikipedia.org/wiki/Nvidia')?.hostname).toBe('en.wikipedia.org');
    expect(webUrl('HTTP://Example.COM/a b')?.href).toBe('http://example.com/a%20b');
  });

  it('refuses every other scheme, relative paths and missing text', () => {
    for (const text of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'chrome://extensions',
      'ftp://example.com',
      '/wiki/Nvidia',
      '//example.com',
      'example.com',
      '',
      undefined,
    ]) {
      expect(webUrl(text), String(text)).toBeUndefined();
    }
  });
});

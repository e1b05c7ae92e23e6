import { describe, expect, it } from 'vitest';
import { escapeHtml, isWebUrl, jsonForScript } from './escape.js';

describe('escaping for exports', () => {
  it('escapes the five characters that matter in HTML text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('plain – text')).toBe('plain – text');
  });

  it('writes JSON that cannot end or bend a script element, and still parses to the same value', () => {
    const value = { text: '</script><!-- & \u2028\u2029' };
    const json = jsonForScript(value);
    expect(json).toBe('{"text":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('accepts only http(s) URLs as links', () => {
    expect(['https://example.org/a', 'HTTP://example.org'].every(isWebUrl)).toBe(true);
    expect(['javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.c', '//example.org', ' https://x.org', 'https://a b'].some(isWebUrl)).toBe(false);
  });
});

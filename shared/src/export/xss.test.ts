import { describe, expect, it } from 'vitest';
import type { Claim } from '../claim.js';
import { articleSchema } from '../schema.js';
import { canonicalText } from '../text.js';
import { importPlainText } from '../import/plain-text.js';
import { makeClaim } from './fixtures.js';
import { openTags, tokenize } from './html-checks.js';
import { exportHtml } from './html.js';
import { exportWebAnnotations } from './web-annotations.js';

/** Strings that have broken HTML exporters before. */
const VECTORS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)' x='",
  '</script><script>alert(document.domain)</script>',
  '<svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<!--<script>alert(1)//-->',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '\u2028\u2029<iframe srcdoc="<script>alert(1)</script>">',
  '{{constructor.constructor("alert(1)")()}}',
];
const URLS = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', ' javascript:alert(1)'];
const vector = (i: number) => VECTORS[i % VECTORS.length];

const articleText = ['Title <script>alert("title")</script>', ...VECTORS.map((v, i) => `Paragraph ${i}: ${v} end.`)].join('\n');
const article = importPlainText(articleText);
const text = canonicalText(articleSchema.nodeFromJSON(article));
const person = (i: number) => ({ id: `p${i}`, name: vector(i) });

const claims: Claim[] = VECTORS.map((v, i) =>
  makeClaim(
    text,
    { id: `xss-${i}`, exact: v, status: i % 2 === 0 ? 'approved' : 'in-review' },
    {
      author: person(i),
      rationale: `${vector(i + 1)}\n\n${vector(i + 2)}`,
      sources: [
        { url: URLS[i % URLS.length], title: vector(i + 3) },
        { url: `https://example.org/?q=${encodeURIComponent(v)}"><script>alert(1)</script>`, title: vector(i + 4) },
      ],
      tags: [vector(i + 5)],
      history: [{ at: '2026-11-19T09:00:00.000Z', by: person(i + 6), action: 'edited', note: vector(i + 7) }],
      thread: [{ id: `c${i}`, author: person(i + 8), createdAt: '2026-11-19T09:00:00.000Z', updatedAt: '2026-11-19T09:00:00.000Z', text: vector(i + 9) }],
      review: i % 2 === 0 ? { decision: 'approved', reviewer: person(i + 10), at: '2026-11-20T10:00:00.000Z', comment: vector(i) } : null,
    },
  ),
);
const input = {
  article,
  claims,
  meta: { title: vector(0), sourceUrl: 'javascript:alert(1)', publisher: vector(1), publishedAt: vector(2), currentVersion: 1 },
};

describe('exports of hostile text', () => {
  for (const include of ['approved', 'all'] as const) {
    it(`HTML (${include}) holds no executable markup: one JSON-LD script, no handlers, no unsafe links`, () => {
      const html = exportHtml(input, { include, organisation: vector(3) });
      const tags = openTags(html);
      const scripts = tags.filter((t) => t.name === 'script');
      expect(scripts).toHaveLength(1);
      expect(scripts[0].attrs).toEqual({ type: 'application/ld+json' });
      expect(html.match(/<script/gi)).toHaveLength(1);
      for (const tag of tags) {
        expect(['iframe', 'img', 'svg', 'object', 'embed', 'base', 'form']).not.toContain(tag.name);
        for (const [name, value] of Object.entries(tag.attrs)) {
          expect(name).not.toMatch(/^on/);
          if (['href', 'src', 'action', 'formaction', 'srcdoc', 'xlink:href'].includes(name)) expect(value).toMatch(/^(https?:\/\/|#)/);
        }
      }
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });
  }

  it('keeps the JSON-LD block inert and still parseable', () => {
    const html = exportHtml(input, { include: 'all', organisation: '</script><script>alert(1)</script>' });
    const json = tokenize(html).find((t, i, all) => t.kind === 'text' && all[i - 1]?.kind === 'open' && (all[i - 1] as { name: string }).name === 'script');
    const body = (json as { text: string }).text;
    expect(body).not.toMatch(/[<>&\u2028\u2029]/);
    const data = JSON.parse(body);
    expect(data['@graph'][0].author.name).toBe('</script><script>alert(1)</script>');
    expect(data['@graph'][0].url).toMatch(/^#claim-\d+$/);
  });

  it('Web Annotations keep the text as data: valid JSON with the strings unchanged', () => {
    const json = JSON.parse(exportWebAnnotations(input));
    expect(json.first.items.length).toBe(claims.length * 2);
    expect(JSON.stringify(json)).toContain(JSON.stringify(vector(9)).slice(1, -1));
  });
});

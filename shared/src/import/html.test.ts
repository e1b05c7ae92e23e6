import { describe, expect, it } from 'vitest';
import { articleSchema, type ArticleNode } from '../schema.js';
import { renderArticle } from '../export/article-html.js';
import { canonicalText } from '../text.js';
import { importHtml } from './html.js';

function read(html: string): { doc: ArticleNode; title: string; json: string } {
  const result = importHtml(html);
  const doc = articleSchema.nodeFromJSON(result.doc);
  doc.check();
  return { doc, title: result.title, json: JSON.stringify(result.doc) };
}

function blocks(doc: ArticleNode): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    out.push(`${node.type.name === 'heading' ? `h${node.attrs.level}` : 'p'}: ${node.textContent}`);
    return false;
  });
  return out;
}

function marksOf(doc: ArticleNode): { text: string; marks: string[] }[] {
  const out: { text: string; marks: string[] }[] = [];
  doc.descendants((node) => {
    if (node.isText) out.push({ text: node.text!, marks: node.marks.map((m) => (m.type.name === 'link' ? `link ${m.attrs.href}` : m.type.name)) });
  });
  return out;
}

describe('importing HTML', () => {
  it('keeps headings, paragraphs, lists and quotes, and takes the title from the h1', () => {
    const { doc, title } = read(`<!doctype html><html><head><title>  Bridge &amp; tunnel </title></head><body>
      <h1>Mayor promises bridge</h1><p>The bridge   opens
      in 2027.</p><h2>Costs</h2><h4>Details</h4>
      <ul><li>Steel</li><li><p>Concrete</p><ul><li>Nested</li></ul></li></ul>
      <blockquote><p>"It will be done," she said.</p></blockquote></body></html>`);
    expect(title).toBe('Mayor promises bridge');
    expect(blocks(doc)).toEqual([
      'h1: Mayor promises bridge',
      'p: The bridge opens in 2027.',
      'h2: Costs',
      'h3: Details',
      'p: Steel',
      'p: Concrete',
      'p: Nested',
      'p: "It will be done," she said.',
    ]);
    expect(doc.child(4).type.name).toBe('bullet_list');
    expect(doc.child(4).child(1).child(1).type.name).toBe('bullet_list');
    expect(doc.child(5).type.name).toBe('blockquote');
    expect(doc.child(0).attrs.id).toBe('mayor-promises-bridge');
  });

  it('keeps emphasis, strong emphasis and links with safe targets', () => {
    const { doc } = read('<p><em>Really</em> <b>bold</b> <i><strong>both</strong></i> <a href=" https://city.example/a ">source</a> <a href="#top">up</a> <a href="mailto:desk@news.example">mail</a></p>');
    expect(marksOf(doc)).toEqual([
      { text: 'Really', marks: ['em'] },
      { text: ' ', marks: [] },
      { text: 'bold', marks: ['strong'] },
      { text: ' ', marks: [] },
      { text: 'both', marks: ['em', 'strong'] },
      { text: ' ', marks: [] },
      { text: 'source', marks: ['link https://city.example/a'] },
      { text: ' ', marks: [] },
      { text: 'up', marks: ['link #top'] },
      { text: ' ', marks: [] },
      { text: 'mail', marks: ['link mailto:desk@news.example'] },
    ]);
  });

  it('takes the title from <title> when there is no h1, else from the first heading or paragraph', () => {
    expect(read('<title> Bridge &amp; tunnel | Gazette </title><h2>Section</h2>').title).toBe('Bridge & tunnel | Gazette');
    expect(read('<p>Intro</p><h2>Real headline</h2>').title).toBe('Real headline');
    expect(read('<div>Just some text</div>').title).toBe('Just some text');
  });

  it('turns line breaks and preformatted lines into paragraphs and unwraps other containers', () => {
    const { doc } = read('<div><section>One<br>Two</section><table><tr><td>Cell</td></tr></table><pre>line 1\nline 2</pre></div>');
    expect(blocks(doc)).toEqual(['p: One', 'p: Two', 'p: Cell', 'p: line 1', 'p: line 2']);
  });

  it('keeps the canonical text one textblock per line, whatever the whitespace of the source', () => {
    const { doc } = read('<p>\n  a\u00a0 b\t</p>\n\n<p> <span> c </span> <em>d</em> </p>');
    expect(canonicalText(doc)).toBe('a\u00a0 b\nc d');
  });

  it('decodes entities and drops control characters', () => {
    const { doc } = read('<p>Caf&eacute; &lt;b&gt; &#x26; &#169;\u0007</p>');
    expect(canonicalText(doc)).toBe('Café <b> & ©');
    expect(marksOf(doc)).toEqual([{ text: 'Café <b> & ©', marks: [] }]);
  });

  it('refuses HTML without readable text', () => {
    expect(() => importHtml('')).toThrow(/no readable text/);
    expect(() => importHtml('<script>alert(1)</script><style>p{}</style><img src=x>')).toThrow(/no readable text/);
  });
});

describe('importing hostile HTML', () => {
  const hostile = `<html><head><title>Hostile</title><script>steal()</script><style>body{}</style>
    <meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"></head>
    <body onload="steal()">
    <h1 onclick="steal()">Headline</h1>
    <p style="color:red" onmouseover="steal()">Safe text <a href="javascript:steal()">js</a>
      <a href="JaVaScRiPt:steal()">mixed case</a> <a href="jav&#x61;script:steal()">entity</a>
      <a href="  javascript:steal()">spaces</a> <a href="java\tscript:steal()">tab</a>
      <a href="data:text/html;base64,PHNjcmlwdD4=">data</a> <a href="vbscript:msgbox(1)">vb</a>
      <a href="//evil.example/x">protocol-relative</a> <a href="/relative">relative</a>
      <a href="https://ok.example/" onclick="steal()" target="_blank">ok</a></p>
    <iframe src="https://evil.example">iframe text</iframe>
    <object data="x.swf"><param name="a" value="b">object text</object><embed src="x.swf">
    <svg onload="steal()"><script>steal()</script><a href="https://evil.example"><text>svg text</text></a><foreignObject><p>foreign</p></foreignObject></svg>
    <math><mi>math text</mi><annotation-xml encoding="text/html"><p>math html</p></annotation-xml></math>
    <template><p>template text</p></template><noscript>noscript text</noscript>
    <form action="https://evil.example"><input value="input text"><button>button text</button><textarea>textarea text</textarea></form>
    <img src=x onerror="steal()" alt="alt text"><video src=x onerror="steal()">video text</video>
    <div hidden>hidden text</div><span aria-hidden="true">aria text</span>
    <p><b><i><u><s><a href="https://deep.example"><span><em>deep</em></span></a></s></u></i></b></p>
    <p>&lt;script&gt;alert(1)&lt;/script&gt; is shown as text</p>
    <scr<script>ipt>steal()</script><style>p{}</style>
    <p>after junk</p>
    </body></html>`;
  const { doc, json } = read(hostile);
  const text = canonicalText(doc);

  it('keeps the readable article text', () => {
    expect(blocks(doc)).toEqual([
      'h1: Headline',
      'p: Safe text js mixed case entity spaces tab data vb protocol-relative relative ok',
      'p: deep',
      'p: <script>alert(1)</script> is shown as text',
      'p: ipt>steal()',
      'p: after junk',
    ]);
  });

  it('drops scripts, styles, frames, plugins, SVG, MathML, templates, forms, media and hidden content', () => {
    for (const gone of ['steal', 'body{}', 'iframe text', 'object text', 'svg text', 'foreign', 'math', 'template text',
      'noscript text', 'input text', 'button text', 'textarea text', 'alt text', 'video text', 'hidden text', 'aria text', 'p{}']) {
      expect(text.replace('ipt>steal()', '')).not.toContain(gone);
    }
  });

  it('keeps no attribute but a safe link target, and no unsafe link at all', () => {
    expect(marksOf(doc).filter((run) => run.marks.some((mark) => mark.startsWith('link')))).toEqual([
      { text: 'ok', marks: ['link https://ok.example/'] },
      { text: 'deep', marks: ['link https://deep.example', 'em', 'strong'] },
    ]);
    for (const gone of ['javascript', 'data:', 'vbscript', 'onclick', 'onload', 'onerror', 'onmouseover', 'style', 'target', 'evil']) {
      expect(json.toLowerCase()).not.toContain(gone);
    }
  });

  it('renders through the schema into markup with nothing executable', () => {
    const html = renderArticle(doc, []);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; is shown as text');
    expect(html).not.toMatch(/<script|<iframe|<svg|<math|<style|\son\w+=|javascript:/i);
  });

  it('survives junk nested past any sensible depth without running out of stack', () => {
    const deep = `<p>top</p>${'<div><span>'.repeat(20_000)}buried`;
    expect(blocks(read(deep).doc)).toEqual(['p: top']);
    const quotes = `${'<blockquote>'.repeat(100)}deep quote`;
    const quoted = read(quotes).doc;
    expect(canonicalText(quoted)).toBe('deep quote');
    let depth = 0;
    quoted.descendants((node, _pos, parent) => {
      if (node.type.name === 'blockquote' && parent?.type.name !== 'blockquote') depth = 1;
      else if (node.type.name === 'blockquote') depth += 1;
    });
    expect(depth).toBeLessThanOrEqual(16);
  });
});

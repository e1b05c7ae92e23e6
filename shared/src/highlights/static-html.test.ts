import { describe, expect, it } from 'vitest';
import { articleSchema } from '../schema.js';
import type { Highlight } from './pieces.js';
import { staticArticleHtml } from './static-html.js';
import { chunkedDoc } from './view-doc.js';

const s = articleSchema;
const para = (...content: Parameters<typeof s.text>[] | ReturnType<typeof s.text>[]) => s.node('paragraph', null, content as never);
const claim = (id: string, from: number, to: number, verdict: Highlight['verdict'] = 'true', number = 1): Highlight => ({ id, number, verdict, from, to });

/** The static copy of `doc` as the page gets it (the view's document: dense blocks cut into runs). */
const html = (doc: ReturnType<typeof s.node>, highlights: Highlight[], focusedId: string | null = null) => staticArticleHtml(chunkedDoc(doc, highlights), highlights, focusedId);

describe('the static copy of an article', () => {
  it('draws each piece as the view does: innermost claim\'s look, nesting, and the claims starting there', () => {
    const doc = s.node('doc', null, [para(s.text('Alpha beta gamma'))]);
    // "Alpha" (1–6) inside "Alpha beta" (1–11).
    const drawn = html(doc, [claim('c2', 1, 11, 'false', 1), claim('c1', 1, 6, 'true', 2)]);
    expect(drawn).toBe(
      '<p>' +
        '<span class="claim-highlight verdict-true claim-highlight--nested" data-claims-starting="c1 c2">Alpha</span>' +
        '<span class="claim-highlight verdict-false"> beta</span>' +
        ' gamma</p>',
    );
  });

  it('keeps a mark open across pieces and writes blocks from the schema, an empty one holding a line', () => {
    const em = s.marks.em.create();
    const doc = s.node('doc', null, [
      s.node('heading', { level: 2, id: 'intro' }, [s.text('Intro')]),
      para(s.text('one two', [em]), s.text(' three')),
      s.node('paragraph'),
    ]);
    // Positions: heading 0–7 ("Intro" 1–6); paragraph from 7, its text from 8: "one" 8–11, " two" 11–15, " three" 15–21.
    const drawn = html(doc, [claim('a', 8, 11), claim('b', 11, 21, 'mixed', 2)]);
    expect(drawn).toBe(
      '<h2 id="intro">Intro</h2>' +
        '<p><em><span class="claim-highlight verdict-true" data-claims-starting="a">one</span>' +
        '<span class="claim-highlight verdict-mixed" data-claims-starting="b"> two</span></em>' +
        // One piece over text with different marks: one element per stretch, each naming the claim (as ProseMirror does).
        '<span class="claim-highlight verdict-mixed" data-claims-starting="b"> three</span></p>' +
        '<p><br></p>',
    );
  });

  it('escapes the text and every attribute value, and drops an unsafe link', () => {
    const link = s.marks.link.create({ href: 'javascript:alert(1)' });
    const doc = s.node('doc', null, [para(s.text('<script>alert("x")</script> & co', [link]))]);
    const hostile = `x" onmouseover="alert(1)`;
    const drawn = html(doc, [claim(hostile, 1, 9)], hostile);
    expect(drawn).not.toMatch(/<script|onmouseover="|javascript:/);
    expect(drawn).toBe(
      '<p><a><span class="claim-highlight verdict-true claim-highlight--focused" data-claims-starting="x&quot; onmouseover=&quot;alert(1)">&lt;script&gt;</span>' +
        'alert(&quot;x&quot;)&lt;/script&gt; &amp; co</a></p>',
    );
  });

  it('leaves out claims that do not fit the document', () => {
    const doc = s.node('doc', null, [para(s.text('Short'))]);
    expect(html(doc, [claim('far', 3, 500)])).toBe('<p>Short</p>');
  });
});

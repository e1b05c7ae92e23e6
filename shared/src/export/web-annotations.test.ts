import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../import/plain-text.js';
import { articleSchema } from '../schema.js';
import { canonicalText } from '../text.js';
import { seedInput } from './fixtures.js';
import { claimAnnotationId, exportWebAnnotations } from './web-annotations.js';
import { importWebAnnotations } from './web-annotations-import.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const input = seedInput(importPlainText(seed));
const comment = (id: string, name: string, text: string) => ({
  id,
  author: { id: `u-${name}`, name },
  createdAt: '2026-11-19T11:00:00.000Z',
  updatedAt: '2026-11-19T11:30:00.000Z',
  text,
});
input.claims[0] = {
  ...input.claims[0],
  tags: ['un', 'votes'],
  thread: [comment('c1', 'Ana', 'Is the count final?'), comment('c2', 'Rita', 'Yes — checked the verbatim record.')],
};
const exported = exportWebAnnotations(input);
const collection = JSON.parse(exported);

describe('the W3C Web Annotation export', () => {
  it('is an AnnotationCollection with one assessing annotation per claim and one reply per comment', () => {
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    const items = collection.first.items;
    expect(collection.total).toBe(items.length);
    expect(items.filter((a: { motivation: string }) => a.motivation === 'assessing')).toHaveLength(input.claims.length);
    expect(items.filter((a: { motivation: string }) => a.motivation === 'replying')).toHaveLength(2);
  });

  it('describes a claim by quote and position on the article, with verdict, rationale, sources and creator', () => {
    const claim = input.claims.find((c) => c.id === 'non-ascii')!;
    const annotation = collection.first.items.find((a: { id: string }) => a.id === claimAnnotationId('non-ascii'));
    expect(annotation).toEqual({
      id: 'urn:factdesk:claim:non-ascii',
      type: 'Annotation',
      motivation: 'assessing',
      status: 'approved',
      creator: { id: 'urn:factdesk:user:u-ana', type: 'Person', name: 'Ana Annotator' },
      created: claim.createdAt,
      modified: claim.updatedAt,
      body: [
        { type: 'TextualBody', purpose: 'assessing', value: 'False', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'commenting', value: claim.rationale, format: 'text/plain' },
        { id: 'https://press.un.org/en/2025/ga12675.doc.htm', type: 'Text', purpose: 'linking', title: 'UN press release' },
        { type: 'TextualBody', purpose: 'tagging', value: 'un' },
      ],
      target: {
        source: 'https://example.org/news/us-russia-un',
        selector: [
          { type: 'TextQuoteSelector', ...claim.target.quote },
          { type: 'TextPositionSelector', ...claim.target.position },
        ],
      },
    });
  });

  it('makes each comment a reply that targets its claim', () => {
    const replies = collection.first.items.filter((a: { motivation: string }) => a.motivation === 'replying');
    expect(replies[0]).toMatchObject({
      type: 'Annotation',
      target: claimAnnotationId(input.claims[0].id),
      creator: { name: 'Ana', type: 'Person' },
      created: '2026-11-19T11:00:00.000Z',
      modified: '2026-11-19T11:30:00.000Z',
      body: { type: 'TextualBody', value: 'Is the count final?' },
    });
  });

  it('round-trips every claim through import, re-anchored on the same article', () => {
    const imported = importWebAnnotations(exported, input.text, 1);
    expect(imported).toHaveLength(input.claims.length);
    for (const claim of input.claims) {
      const back = imported.find((c) => c.annotationId === claimAnnotationId(claim.id))!;
      expect(back.anchored).toBe(claim.id !== 'lost');
      if (back.anchored) expect(back.input.target).toEqual(claim.target);
      else expect(back.input.target.quote).toEqual(claim.target.quote);
      expect(back.input).toMatchObject({ verdict: claim.verdict, rationale: claim.rationale, sources: claim.sources, tags: claim.tags });
      expect(back.author).toEqual(claim.author);
      expect([back.createdAt, back.updatedAt]).toEqual([claim.createdAt, claim.updatedAt]);
      expect(back.comments.map((c) => [c.author?.name, c.text, c.createdAt])).toEqual(
        claim.thread.map((c) => [c.author.name, c.text, c.createdAt]),
      );
    }
  });

  it('re-anchors by the selectors when the article changed since the export', () => {
    const edited = importPlainText(seed.replace('UNITED NATIONS,New York', 'UNITED NATIONS, New York, NY'));
    const text = canonicalText(articleSchema.nodeFromJSON(edited));
    const back = importWebAnnotations(exported, text, 2).find((c) => c.annotationId === claimAnnotationId('nested-inner'))!;
    expect(back.anchored).toBe(true);
    expect(back.input.target.version).toBe(2);
    const { start, end } = back.input.target.position;
    expect(text.slice(start, end)).toBe('93 votes in favor');
    expect(start).not.toBe(input.claims.find((c) => c.id === 'nested-inner')!.target.position.start);
  });

  it('leaves out source links that are not http(s), with a warning', () => {
    const hostile = JSON.parse(exported);
    hostile.first.items[0].body.push({ id: 'javascript:alert(1)', purpose: 'linking' });
    const [first] = importWebAnnotations(JSON.stringify(hostile), input.text);
    expect(first.input.sources.every((s) => s.url.startsWith('https://'))).toBe(true);
    expect(first.warnings).toContain('Left out a source that is not an http(s) link: javascript:alert(1)');
  });

  it('keeps claim and comment ids, and never restores a sign-off', () => {
    const imported = importWebAnnotations(exported, input.text, 1);
    expect(imported.map((c) => c.claimId).sort()).toEqual(input.claims.map((c) => c.id).sort());
    expect(imported.find((c) => c.claimId === input.claims[0].id)!.comments.map((c) => c.commentId)).toEqual(['c1', 'c2']);
    const statusOf = (id: string) => imported.find((c) => c.claimId === id)!.status;
    expect([statusOf('nested-inner'), statusOf('overlap-b'), statusOf('adjacent-a'), statusOf('same-b')]).toEqual(['in-review', 'in-review', 'draft', 'draft']);
  });

  it('gives annotations made elsewhere a stable id of their own', () => {
    const foreign = JSON.parse(exported);
    foreign.first.items = foreign.first.items.slice(0, 1).map((a: object) => ({ ...a, id: 'https://hypothes.is/a/' + 'x'.repeat(80) }));
    const [once] = importWebAnnotations(JSON.stringify(foreign), input.text);
    const [twice] = importWebAnnotations(JSON.stringify(foreign), input.text);
    expect(once.claimId).toMatch(/^wa-[0-9a-z]+$/);
    expect(once.claimId.length).toBeLessThanOrEqual(64);
    expect(twice.claimId).toBe(once.claimId);
  });

  it('refuses broken input with a readable error', () => {
    expect(() => importWebAnnotations('{ not json', input.text)).toThrow(/not valid JSON/);
    expect(() => importWebAnnotations('{"type":"AnnotationCollection"}', input.text)).toThrow(/Not a Web Annotation collection/);
    const noQuote = { items: [{ id: 'a1', motivation: 'assessing', body: [], target: { source: 'x', selector: [] } }] };
    expect(() => importWebAnnotations(JSON.stringify(noQuote), input.text)).toThrow('Annotation a1: the target has no TextQuoteSelector.');
    const badVerdict = JSON.parse(exported);
    badVerdict.first.items[0].body[0].value = 'Pants on fire';
    expect(() => importWebAnnotations(JSON.stringify(badVerdict), input.text)).toThrow(/"Pants on fire" is not a verdict/);
    const tooLong = JSON.parse(exported);
    tooLong.first.items[0].body[1].value = 'x'.repeat(20_001);
    expect(() => importWebAnnotations(JSON.stringify(tooLong), input.text)).toThrow(/rationale/);
  });
});

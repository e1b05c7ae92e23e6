import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../import/plain-text.js';
import { seedInput } from './fixtures.js';
import { checkNesting, markedText, openTags } from './html-checks.js';
import { exportHtml } from './html.js';
import { isSignedOff, prepareExport } from './export-input.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const input = seedInput(importPlainText(seed));
const generatedAt = new Date('2026-11-25T12:00:00Z');
const all = exportHtml(input, { include: 'all', generatedAt });
const approved = exportHtml(input, { include: 'approved', generatedAt });
const numbered = prepareExport(input).claims;
const byId = (id: string) => numbered.find((c) => c.claim.id === id)!;

function jsonLd(html: string) {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0][1]);
}

describe('the HTML export', () => {
  it('is a standalone HTML5 document with a language, a title, inline CSS and a print stylesheet', () => {
    expect(all.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(all).toContain('<title>U.S. and Russia unite to Oppose UN Resolution');
    expect(all).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(all).not.toMatch(/<link\b|\bsrc=|@import|url\(/i);
    expect(all.match(/<script\b/g)).toHaveLength(1);
  });

  it('keeps every element, marks included, properly nested', () => {
    expect(() => checkNesting(all)).not.toThrow();
    expect(() => checkNesting(approved)).not.toThrow();
    expect(() => checkNesting('<p><mark>a<em>b</mark></em></p>')).toThrow(/closes/);
  });

  it('keeps the article structure: headings with ids, the table of contents, interview turns', () => {
    expect(all).toContain('<h2 id="the-contentious-resolution">');
    expect(all).toContain('<nav aria-label="Table of contents" class="toc">');
    expect(all).toContain('<a href="#the-contentious-resolution">The </a><mark class="claim" data-claim="1" id="mark-1">');
    expect(all).toContain('<p class="turn" data-speaker="Dr. Petrova">');
    expect(all).toContain('<strong class="speaker">');
  });

  it('marks exactly the quoted text of every found claim, across overlaps, nesting and paragraph ends', () => {
    const texts = markedText(all);
    for (const { number, claim, range } of numbered) {
      if (range === null) expect(texts.has(number)).toBe(false);
      else expect(texts.get(number)).toBe(claim.target.quote.exact.replace(/\n/g, ''));
    }
  });

  it('numbers claims in reading order, outer before inner, and labels each one once', () => {
    const order = [...all.matchAll(/id="mark-(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual(numbered.filter((c) => c.range).map((c) => c.number));
    expect(byId('nested-outer').number).toBeLessThan(byId('nested-inner').number);
    for (const { number, range } of numbered.filter((c) => c.range)) {
      expect(all.split(`id="mark-${number}"`)).toHaveLength(2);
      expect(all).toContain(`<a class="claim-label" href="#claim-${number}">`);
      expect(all).toContain(`id="claim-${number}"`);
      expect(all).toContain(`<a href="#mark-${number}">Back to claim ${number}`);
      expect(range).not.toBeNull();
    }
  });

  it('nests the inner claim inside the outer one and gives identical ranges a mark each', () => {
    const outer = byId('nested-outer').number;
    const inner = byId('nested-inner').number;
    expect(all).toMatch(new RegExp(`data-claim="${outer}"[^>]*>(?:(?!</mark>).)*<mark class="claim" data-claim="${inner}"`));
    const [a, b] = [byId('same-a').number, byId('same-b').number];
    expect(all).toMatch(new RegExp(`data-claim="${Math.min(a, b)}"[^>]*><a[^>]*>.*?</a><mark class="claim" data-claim="${Math.max(a, b)}"`));
  });

  it('shows each verdict as an icon and words in the label and the claims section', () => {
    const n = byId('non-ascii').number;
    expect(all).toContain(`<span class="visually-hidden">Claim </span>${n} <span aria-hidden="true">✘</span> False</a>`);
    expect(all).toContain(`<h3>Claim ${n}: <span class="verdict verdict-false"><span aria-hidden="true">✘</span> False</span></h3>`);
  });

  it('lists a claim that is not in this version as not found', () => {
    const lost = byId('lost');
    expect(lost.range).toBeNull();
    expect(all).toMatch(new RegExp(`id="claim-${lost.number}"[\\s\\S]*?not found in this version`));
  });

  it('with include=approved shows only signed-off claims; with all, marks the others as not signed off', () => {
    const signedOff = input.claims.filter(isSignedOff).length;
    expect(approved.match(/<li class="claim-entry/g)).toHaveLength(signedOff);
    expect(approved).not.toContain('Not signed off');
    expect(all.match(/<li class="claim-entry/g)).toHaveLength(input.claims.length);
    expect(all.match(/<strong>Not signed off<\/strong> \((Draft|In review|Changes requested)\)/g)).toHaveLength(
      input.claims.length - signedOff,
    );
  });

  it('links sources with nofollow and shows sign-off, author and a short history', () => {
    expect(all).toContain('<a href="https://press.un.org/en/2025/ga12675.doc.htm" rel="nofollow noopener noreferrer">UN press release</a>');
    expect(all).toContain('by Rita Reviewer on <time datetime="2026-11-20T10:00:00.000Z">2026-11-20 10:00 UTC</time>');
    expect(all).toContain('<dt>Author</dt><dd>Ana Annotator</dd>');
    expect(all).toContain('— Approved by Rita Reviewer</li>');
  });

  it('embeds one ClaimReview per signed-off claim with the fields search engines read', () => {
    const data = jsonLd(all);
    expect(data['@context']).toBe('https://schema.org');
    const signedOff = numbered.filter((c) => isSignedOff(c.claim));
    expect(data['@graph']).toHaveLength(signedOff.length);
    const first = signedOff[0];
    expect(data['@graph'][0]).toEqual({
      '@type': 'ClaimReview',
      url: `https://example.org/news/us-russia-un#claim-${first.number}`,
      claimReviewed: first.claim.target.quote.exact.replace(/\s+/g, ' ').trim(),
      datePublished: '2026-11-20T10:00:00.000Z',
      author: { '@type': 'Organization', name: 'Factdesk newsroom' },
      reviewRating: expect.objectContaining({ '@type': 'Rating', alternateName: expect.any(String) }),
      itemReviewed: {
        '@type': 'Claim',
        appearance: {
          '@type': 'CreativeWork',
          url: 'https://example.org/news/us-russia-un',
          headline: input.meta.title,
          publisher: { '@type': 'Organization', name: 'World Today News' },
          datePublished: '2025-02-25',
        },
      },
    });
    const ratings = data['@graph'].map((r: { reviewRating: object }) => r.reviewRating);
    expect(ratings).toContainEqual({ '@type': 'Rating', alternateName: 'True', ratingValue: 5, bestRating: 5, worstRating: 1 });
    expect(ratings).toContainEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
  });

  it('names the organisation given and uses in-page urls when the article has no source URL', () => {
    const html = exportHtml({ ...input, meta: { ...input.meta, sourceUrl: '', publisher: '' } }, { include: 'approved', organisation: 'The Daily Check' });
    const review = jsonLd(html)['@graph'][0];
    expect(review.author.name).toBe('The Daily Check');
    expect(review.url).toMatch(/^#claim-\d+$/);
    expect(review.itemReviewed).toEqual({ '@type': 'Claim' });
  });

  it('links nowhere but http(s) and in-page anchors', () => {
    for (const tag of openTags(all)) {
      if ('href' in tag.attrs) expect(tag.attrs.href).toMatch(/^(https?:\/\/|#)/);
    }
  });
});

describe('the HTML export of an article whose heading ids look like the export\'s own', () => {
  it('renames those headings and the links to them, so every id stays unique', () => {
    const article = importPlainText('Claim 1\nTable of Contents\n- Claim 1\n- Mark 2 Section\nMark 2 Section\nBody text here.');
    const html = exportHtml({ article, meta: { ...input.meta, title: 'T' }, claims: [] }, { include: 'all' });
    expect(html).toContain('<h1 id="article-claim-1">');
    expect(html).toContain('<a href="#article-claim-1">');
    expect(html).toContain('<h2 id="mark-2-section">');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists an orphaned claim without marking a look-alike passage as its text', () => {
    const claim = byId('overlap-a').claim;
    const orphan = { ...claim, id: 'orphan', anchor: { state: 'orphan' as const, version: 2, previous: claim.target, suggestions: [] } };
    const prepared = prepareExport({ ...input, claims: [claim, orphan] }).claims;
    expect(prepared.find((c) => c.claim.id === claim.id)!.range).not.toBeNull();
    expect(prepared.find((c) => c.claim.id === 'orphan')!.range).toBeNull();
  });
});

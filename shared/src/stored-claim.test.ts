import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import * as Y from 'yjs';
import { importPlainText } from './import/plain-text.js';
import { articleSchema } from './schema.js';
import { canonicalText } from './text.js';
import { targetFromRange } from './anchoring/selectors.js';
import { isHighlighted } from './anchoring/highlight-place.js';
import { claimsMap, createStampedClaim, listClaims, readClaim, setClaimStatus, writeArticleVersion, writeMeta } from './ydoc.js';
import { lazyClaim } from './lazy-claim.js';
import { addArticleVersion } from './anchoring/new-version.js';
import { exportDoc } from './export/export-doc.js';
import { checkedField, shownVerdict } from './stored-claim.js';
import { fieldRefusal } from './permissions.js';
import { findStoredProblems, repairStoredClaims } from './repair-claims.js';

const ANA = { id: 'u-ana', name: 'Ana' };
const RITA = { id: 'u-rita', name: 'Rita' };
const ARTICLE = 'Bridge opens\n\nThe new bridge cost 40 million euros. It opened in May after two years of work.';
const HUGE = 'x'.repeat(900_000);

/** An article with one claim per kind of bad stored value, written straight into the Y.Doc. */
function docWithBadValues() {
  const doc = new Y.Doc();
  const article = importPlainText(ARTICLE);
  writeMeta(doc, { title: 'Bridge opens', sourceUrl: 'https://example.org/bridge', currentVersion: 1 });
  writeArticleVersion(doc, { version: 1, doc: article, textHash: '', createdAt: '2026-11-25T10:00:00.000Z' });
  const text = canonicalText(articleSchema.nodeFromJSON(article));
  const targetOf = (exact: string) => targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1);
  const at = new Date('2026-11-25T10:00:00Z');
  const make = (exact: string) => createStampedClaim(doc, ANA, { target: targetOf(exact), verdict: 'true', rationale: 'ok', sources: [] }, at);
  const ids = {
    verdict: make('cost 40 million euros'),
    target: make('opened in May'),
    sources: make('two years of work'),
    huge: make('The new bridge'),
  };
  setClaimStatus(doc, ids.verdict, 'approved', RITA, { action: 'approved' }, { decision: 'approved', reviewer: RITA, at: '2026-11-25T11:00:00.000Z', comment: '' }, at);
  const map = (id: string) => claimsMap(doc).get(id)!;
  map(ids.verdict).set('verdict', 'totally-made-up');
  map(ids.target).set('target', { version: 1, quote: { exact: 'opened in May', prefix: '', suffix: '' } });
  map(ids.sources).set('sources', [
    { url: 'javascript:alert(1)', title: 'click me' },
    { url: 'https://example.org/report', title: 'Report' },
  ]);
  map(ids.huge).set(HUGE, HUGE);
  (claimsMap(doc) as Y.Map<unknown>).set('not-a-claim', 'just a string');
  return { doc, ids };
}

describe('reading claims with bad stored values', () => {
  it('lists every claim with a map, flags the bad fields and ignores entries that are not claims', () => {
    const { doc, ids } = docWithBadValues();
    const claims = listClaims(doc);
    expect(claims.map((c) => c.id).sort()).toEqual(Object.values(ids).sort());
    const byId = new Map(claims.map((c) => [c.id, c]));
    expect(byId.get(ids.verdict)!.invalid).toEqual(['verdict']);
    expect(byId.get(ids.target)!.invalid).toEqual(['target']);
    expect(byId.get(ids.sources)!.invalid).toEqual(['sources']);
    expect(byId.get(ids.huge)!.invalid).toEqual([HUGE.slice(0, 40)]);
    expect(readClaim(doc, 'not-a-claim')).toBeNull();
  });

  it('shows an unknown verdict as an invalid verdict without a rating', () => {
    const { doc, ids } = docWithBadValues();
    const claim = readClaim(doc, ids.verdict)!;
    expect(shownVerdict(claim)).toMatchObject({ label: 'Invalid verdict', rating: null });
    expect(shownVerdict(readClaim(doc, ids.sources)!)).toMatchObject({ label: 'True', rating: 5 });
  });

  it('keeps the valid sources and drops the bad ones', () => {
    const { doc, ids } = docWithBadValues();
    expect(readClaim(doc, ids.sources)!.sources).toEqual([{ url: 'https://example.org/report', title: 'Report' }]);
  });

  it('lists a claim whose target has no position without highlighting it', () => {
    const { doc, ids } = docWithBadValues();
    const claim = readClaim(doc, ids.target)!;
    expect(claim.target.position).toBeDefined();
    expect(isHighlighted(claim)).toBe(false);
  });

  it('never copies an unknown key into the claim read', () => {
    const { doc, ids } = docWithBadValues();
    const claim = readClaim(doc, ids.huge)!;
    expect(JSON.stringify(claim).length).toBeLessThan(2_000);
  });

  it('lists a claim without a usable target after the others, and a new version writes nothing for it', () => {
    const { doc, ids } = docWithBadValues();
    expect(listClaims(doc).at(-1)!.id).toBe(ids.target);
    const stored = JSON.stringify(claimsMap(doc).get(ids.target)!.toJSON());
    addArticleVersion(doc, importPlainText(`${ARTICLE} A new last sentence.`), RITA);
    expect(JSON.stringify(claimsMap(doc).get(ids.target)!.toJSON())).toBe(stored);
    expect(findStoredProblems(doc).map((p) => p.field).sort()).toEqual([HUGE.slice(0, 40) + '…', '(entry)', 'sources', 'target', 'verdict'].sort());
  });

  it('reads a claim lazily with the same safe values and flags', () => {
    const { doc, ids } = docWithBadValues();
    for (const id of [ids.verdict, ids.target, ids.sources]) {
      const full = readClaim(doc, id)!;
      const { claim } = lazyClaim(claimsMap(doc).get(id)!);
      for (const key of ['verdict', 'target', 'sources', 'status', 'review'] as const) expect(claim[key]).toEqual(full[key]);
      expect(claim.invalid).toEqual(full.invalid);
    }
  });

  it('survives bad history entries and comments', () => {
    const { doc, ids } = docWithBadValues();
    const map = claimsMap(doc).get(ids.sources)!;
    (map.get('history') as Y.Array<unknown>).push([42, { at: 'now', by: null }]);
    (map.get('thread') as Y.Map<unknown>).set('c-bad', { text: 7 });
    const claim = readClaim(doc, ids.sources)!;
    expect(claim.history).toHaveLength(1);
    expect(claim.thread).toEqual([]);
    expect(claim.invalid).toEqual(['sources', 'history', 'thread']);
  });
});

describe('exporting claims with bad stored values', () => {
  it.each(['html', 'jsonld', 'csv'] as const)('exports %s with every claim, approved or all', (format) => {
    const { doc } = docWithBadValues();
    for (const include of ['approved', 'all'] as const) expect(() => exportDoc(doc, { format, include })).not.toThrow();
  });

  it('marks a flagged claim in the HTML with a visible note and publishes no rating for a bad verdict', () => {
    const { doc } = docWithBadValues();
    const html = exportDoc(doc, { format: 'html', include: 'all', generatedAt: new Date('2026-11-25T12:00:00Z') }).text;
    expect(html).toContain('Invalid verdict');
    expect(html).toMatch(/class="invalid-note"[^>]*>[^<]*verdict/);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain(HUGE.slice(0, 100));
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
    expect(data['@graph']).toEqual([]);
  });

  it('writes HTML that html-validate accepts, notes included', async () => {
    const { doc } = docWithBadValues();
    const html = exportDoc(doc, { format: 'html', include: 'all' }).text;
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const report = await validator.validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('leaves the bad fields out of the Web Annotations', () => {
    const { doc, ids } = docWithBadValues();
    const collection = JSON.parse(exportDoc(doc, { format: 'jsonld', include: 'all' }).text);
    const item = (id: string) => collection.first.items.find((a: { id: string }) => a.id.endsWith(encodeURIComponent(id)));
    expect(item(ids.verdict).body.some((b: { purpose: string }) => b.purpose === 'assessing')).toBe(false);
    expect(item(ids.target).target.selector).toBeUndefined();
    expect(item(ids.sources).body.filter((b: { purpose: string }) => b.purpose === 'linking')).toEqual([
      { id: 'https://example.org/report', type: 'Text', purpose: 'linking', title: 'Report' },
    ]);
  });

  it('names the invalid fields of a claim in a CSV column', () => {
    const { doc } = docWithBadValues();
    const csv = exportDoc(doc, { format: 'csv', include: 'all' }).text;
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header.split(',').at(-1)).toBe('Invalid fields');
    expect(rows.some((row) => row.includes('Invalid verdict') && row.endsWith(',verdict'))).toBe(true);
  });
});

describe('repairing bad stored values', () => {
  it('removes the bad values, keeps the rest, and finds nothing the second time', () => {
    const { doc, ids } = docWithBadValues();
    const found = findStoredProblems(doc);
    expect(found.map((p) => [p.claimId.slice(0, 20), p.field.slice(0, 20)]).sort()).toEqual(
      [
        [ids.verdict, 'verdict'],
        [ids.target, 'target'],
        [ids.sources, 'sources'],
        [ids.huge, HUGE.slice(0, 20)],
        ['not-a-claim', '(entry)'],
      ].map(([a, b]) => [a.slice(0, 20), b]).sort(),
    );
    expect(found.every((p) => p.preview.length <= 200)).toBe(true);
    repairStoredClaims(doc);
    expect(findStoredProblems(doc)).toEqual([]);
    expect(readClaim(doc, ids.sources)!.sources).toEqual([{ url: 'https://example.org/report', title: 'Report' }]);
    expect(readClaim(doc, ids.huge)!.invalid).toBeUndefined();
    expect(readClaim(doc, ids.verdict)!.invalid).toEqual(['verdict']);
    expect(listClaims(doc)).toHaveLength(4);
  });
});

describe('checking a stored field', () => {
  const review = { decision: 'approved', reviewer: RITA, at: '2026-11-25T11:00:00.000Z', comment: '' };
  const values: [string, unknown][] = [
    ['sources', [{ url: 'https://example.org/a', title: 'A' }]],
    ['sources', [{ url: 'https://example.org/a b', title: 'A' }]],
    ['sources', [{ url: 'https://example.org/a', title: 7 }]],
    ['sources', Array.from({ length: 51 }, () => ({ url: 'https://example.org/a', title: '' }))],
    ['tags', ['ok']],
    ['tags', ['']],
    ['tags', ['x'.repeat(61)]],
    ['review', review],
    ['review', { ...review, at: '2026-02-30T11:00:00.000Z' }],
    ['review', { ...review, decision: 'maybe' }],
    ['review', { ...review, reviewer: { id: '', name: 'Rita' } }],
    ['review', null],
    ['verdict', 'mixed'],
    ['verdict', { toString: 'mixed' }],
  ];

  it.each(values)('agrees with the schema on %s %j', (field, value) => {
    expect(checkedField(field, value).ok).toBe(fieldRefusal(field, value) === null);
  });
});

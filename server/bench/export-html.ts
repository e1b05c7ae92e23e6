/**
 * Export benchmark: the seed article with many claims (spread over the whole text, many
 * overlapping or nested, half of them signed off) through the three exporters. The HTML
 * export is the one with a target: cutting the text at every claim boundary and keeping
 * the marks nested must stay fast when a newsroom archives a heavily checked article.
 */
import { readFileSync } from 'node:fs';
import {
  articleSchema,
  canonicalText,
  exportCsv,
  exportHtml,
  exportWebAnnotations,
  importPlainText,
  targetFromRange,
  VERDICT_IDS,
  type ArticleMeta,
  type Claim,
  type ExportInput,
} from '@factdesk/shared';
import { median } from './harness.js';

const SEED = new URL('../../seeds/us-russia-un-resolution.txt', import.meta.url);
const META: ArticleMeta = {
  title: 'U.S. and Russia unite to Oppose UN Resolution Condemning Ukraine Invasion',
  sourceUrl: 'https://example.org/news/us-russia-un',
  publisher: 'World Today News',
  publishedAt: '2025-02-25',
  currentVersion: 1,
};

export interface ExportTimings {
  claims: number;
  /** Characters of the article's canonical text. */
  textLength: number;
  /** Median ms of exportHtml with include=all. */
  htmlMs: number;
  /** Median ms of exportWebAnnotations. */
  jsonLdMs: number;
  /** Median ms of exportCsv. */
  csvMs: number;
  /** Size of the HTML export in bytes. */
  htmlBytes: number;
}

/** A small deterministic random generator, so every run exports the same claims. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` claims spread evenly over `text`, 4 to 120 characters long, so neighbours overlap and nest. */
export function benchClaims(text: string, count: number): Claim[] {
  const next = random(42);
  const ana = { id: 'u-ana', name: 'Ana Annotator' };
  const rita = { id: 'u-rita', name: 'Rita Reviewer' };
  const claims: Claim[] = [];
  for (let i = 0; i < count; i++) {
    let start = Math.floor((i / count) * (text.length - 5));
    while (text[start] === '\n') start++;
    const end = Math.min(text.length, start + 4 + Math.floor(next() * 116));
    const signed = i % 2 === 0;
    claims.push({
      id: `bench-${i}`,
      author: ana,
      createdAt: '2026-11-19T09:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      target: targetFromRange(text, start, end, 1),
      verdict: VERDICT_IDS[i % VERDICT_IDS.length],
      rationale: `Checked against the record (claim ${i}) <with> "markup" & quotes.`,
      sources: [{ url: `https://example.org/source/${i}`, title: `Source ${i}` }],
      tags: ['bench'],
      status: signed ? 'approved' : 'in-review',
      review: signed ? { decision: 'approved', reviewer: rita, at: '2026-11-20T10:00:00.000Z', comment: '' } : null,
      history: [{ at: '2026-11-19T09:00:00.000Z', by: ana, action: 'created' }],
      thread: [],
    });
  }
  return claims;
}

/** The seed article with `count` generated claims, ready for the exporters. */
export function benchExportInput(count: number): ExportInput & { text: string } {
  const article = importPlainText(readFileSync(SEED, 'utf8'));
  const text = canonicalText(articleSchema.nodeFromJSON(article));
  return { article, meta: META, claims: benchClaims(text, count), documentId: 'us-russia-un-resolution', text };
}

function timeMedian(runs: number, fn: () => unknown): number {
  fn(); // warm-up: the first run pays for compilation
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Times the three exporters on the seed article with `count` claims (median of `runs`, after one warm-up). */
export function measureExport(count: number, runs: number): ExportTimings {
  const input = benchExportInput(count);
  const generatedAt = new Date('2026-11-25T12:00:00.000Z');
  const html = exportHtml(input, { include: 'all', generatedAt });
  return {
    claims: count,
    textLength: input.text.length,
    htmlMs: timeMedian(runs, () => exportHtml(input, { include: 'all', generatedAt })),
    jsonLdMs: timeMedian(runs, () => exportWebAnnotations(input)),
    csvMs: timeMedian(runs, () => exportCsv(input)),
    htmlBytes: Buffer.byteLength(html),
  };
}

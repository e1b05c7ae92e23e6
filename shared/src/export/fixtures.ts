/**
 * Test fixtures for the exporters: claims on the seed article that exercise every way two
 * highlights can meet (overlapping, nested, adjacent, identical), a whole paragraph, a
 * span across two paragraphs, non-ASCII text, formatting inside a claim, and a claim
 * that is no longer in the text. Used by the tests beside it only.
 */
import type { Claim, ClaimStatus, Review } from '../claim.js';
import { targetFromRange } from '../anchoring/selectors.js';
import { articleSchema } from '../schema.js';
import { canonicalText } from '../text.js';
import type { ArticleJSON, ArticleMeta } from '../ydoc.js';
import type { VerdictId } from '../verdicts.js';
import type { ExportInput } from './export-input.js';

const ANA = { id: 'u-ana', name: 'Ana Annotator' };
const RITA = { id: 'u-rita', name: 'Rita Reviewer' };

/** Where `exact` starts in `text` (the `nth` occurrence, 0-based); throws when it is not there. */
export function indexOf(text: string, exact: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(exact, at + 1);
    if (at < 0) throw new Error(`Fixture quote not in the article: ${exact}`);
  }
  return at;
}

export interface FixtureClaim {
  id: string;
  exact: string;
  nth?: number;
  verdict?: VerdictId;
  status?: ClaimStatus;
  rationale?: string;
}

/** A claim on `text` with sensible defaults; approved claims get an approving review by Rita. */
export function makeClaim(text: string, spec: FixtureClaim, overrides: Partial<Claim> = {}): Claim {
  const start = indexOf(text, spec.exact, spec.nth);
  const status = spec.status ?? 'approved';
  const review: Review | null =
    status === 'approved' || status === 'changes-requested'
      ? { decision: status === 'approved' ? 'approved' : 'changes-requested', reviewer: RITA, at: '2026-11-20T10:00:00.000Z', comment: '' }
      : null;
  return {
    id: spec.id,
    author: ANA,
    createdAt: '2026-11-19T09:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    target: targetFromRange(text, start, start + spec.exact.length, 1),
    verdict: spec.verdict ?? 'mostly-true',
    rationale: spec.rationale ?? `Checked against the UN record (${spec.id}).`,
    sources: [{ url: 'https://press.un.org/en/2025/ga12675.doc.htm', title: 'UN press release' }],
    tags: ['un'],
    status,
    review,
    history: [
      { at: '2026-11-19T09:00:00.000Z', by: ANA, action: 'created' },
      ...(review ? [{ at: review.at, by: RITA, action: review.decision }] : []),
    ],
    thread: [],
    ...overrides,
  };
}

/** The claims of the fixture: which ways of meeting each one tests. */
export const SEED_CLAIMS: FixtureClaim[] = [
  // Overlapping: "Russia voted against" is in both.
  { id: 'overlap-a', exact: 'both the United States and Russia voted against', verdict: 'true' },
  { id: 'overlap-b', exact: 'Russia voted against a resolution condemning Russia’s invasion', verdict: 'true', status: 'in-review' },
  // Nested.
  { id: 'nested-outer', exact: 'The General Assembly passed the resolution with 93 votes in favor, 18 against, and 65 abstentions', verdict: 'true' },
  { id: 'nested-inner', exact: '93 votes in favor', verdict: 'mostly-true' },
  // Adjacent: one ends where the next begins.
  { id: 'adjacent-a', exact: 'the United States proposed its own resolution', verdict: 'true', status: 'draft' },
  { id: 'adjacent-b', exact: ', consisting of just three paragraphs', verdict: 'mixed' },
  // Identical ranges.
  { id: 'same-a', exact: 'the U.S. resolution also passed, with 93 votes in favor, 8 against, and 73 abstentions', verdict: 'true' },
  { id: 'same-b', exact: 'the U.S. resolution also passed, with 93 votes in favor, 8 against, and 73 abstentions', verdict: 'mostly-false', status: 'changes-requested' },
  // A whole paragraph.
  {
    id: 'paragraph',
    exact:
      'In a further unusual move, the United States abstained from voting on its own resolution after amendments were added. This decision underscores the complexities and potential disagreements surrounding the U.S. approach to the conflict. The abstention raises questions about the coherence of U.S. policy and its commitment to the principles outlined in its own proposal.',
    verdict: 'unverifiable',
  },
  // Across two paragraphs.
  { id: 'two-paragraphs', exact: 'have paid high costs.\nShea’s statement highlights', verdict: 'not-a-claim' },
  // Non-ASCII (en dash, curly apostrophe).
  { id: 'non-ascii', exact: 'New York – In a surprising turn of events', verdict: 'false' },
  // Across the speaker mark of an interview turn.
  { id: 'speaker', exact: 'Dr. Petrova: Thank you for having me.', verdict: 'true' },
  // Part of a table-of-contents link.
  { id: 'toc-link', exact: 'Contentious Resolution', verdict: 'mixed' },
];

/** The seed article's meta as the import would write it. */
export const SEED_META: ArticleMeta = {
  title: 'U.S. and Russia unite to Oppose UN Resolution Condemning Ukraine Invasion,Signaling Shift in Foreign Policy',
  sourceUrl: 'https://example.org/news/us-russia-un',
  publisher: 'World Today News',
  publishedAt: '2025-02-25',
  currentVersion: 1,
};

/** The export input: the seed article with the fixture claims plus one claim whose quote is gone. */
export function seedInput(article: ArticleJSON): ExportInput & { text: string } {
  const text = canonicalText(articleSchema.nodeFromJSON(article));
  const claims = SEED_CLAIMS.map((spec) => makeClaim(text, spec));
  const lost = makeClaim(text, { id: 'lost', exact: 'Realignment of Alliances', verdict: 'false' });
  lost.target = { ...lost.target, quote: { exact: 'a sentence that was edited away', prefix: '', suffix: '' }, position: { start: 5, end: 36 } };
  // Stored out of reading order on purpose: the exporters number claims themselves.
  return { article, meta: SEED_META, claims: [...claims].reverse().concat(lost), documentId: 'us-russia-un-resolution', text };
}

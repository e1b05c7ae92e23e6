/**
 * What the claims index keeps of one claim: the few fields the review queue and the article
 * list show, computed from the claim as read from its Y.Doc. Pure, so the index and its tests
 * agree on one reading.
 */
import type { Claim, HistoryEntry } from '@factdesk/shared';

/** How much of the quoted text the queue shows. */
export const QUOTE_EXCERPT = 200;

export interface ClaimSummary {
  docId: string;
  claimId: string;
  status: string;
  verdict: string;
  authorId: string;
  authorName: string;
  quote: string;
  sourceDomains: string[];
  createdAt: string;
  updatedAt: string;
  /** When the claim last entered review (submitted, or reopened by the server); null if never. */
  submittedAt: string | null;
}

/** The quoted text on one line, cut to QUOTE_EXCERPT characters. */
export function quoteExcerpt(exact: string): string {
  const line = exact.replace(/\s+/g, ' ').trim();
  return line.length > QUOTE_EXCERPT ? `${line.slice(0, QUOTE_EXCERPT - 1)}…` : line;
}

/** The distinct host names of the sources ("www." dropped), in the order they first appear. */
export function sourceDomains(sources: readonly { url: string }[]): string[] {
  const domains = new Set<string>();
  for (const source of sources) {
    try {
      const host = new URL(source.url).hostname.toLowerCase().replace(/^www\./, '');
      if (host) domains.add(host);
    } catch {
      // Not a URL: the rules never store one, but an old doc might hold anything.
    }
  }
  return [...domains];
}

/** When the claim last moved into review, from its append-only history. */
export function lastEnteredReview(history: readonly HistoryEntry[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i];
    if (entry.action === 'submitted' || entry.action === 'reopened') return entry.at;
  }
  return null;
}

/** The index row of one claim of document `docId`. */
export function summariseClaim(docId: string, claim: Claim): ClaimSummary {
  const submittedAt = lastEnteredReview(claim.history) ?? (claim.status === 'in-review' ? claim.updatedAt : null);
  return {
    docId,
    claimId: claim.id,
    status: String(claim.status),
    verdict: String(claim.verdict),
    authorId: String(claim.author?.id ?? ''),
    authorName: String(claim.author?.name ?? ''),
    quote: quoteExcerpt(claim.target?.quote?.exact ?? ''),
    sourceDomains: sourceDomains(claim.sources),
    createdAt: String(claim.createdAt ?? ''),
    updatedAt: String(claim.updatedAt ?? ''),
    submittedAt,
  };
}

/**
 * Finding claims on an article: which claims pass the sidebar's filters (verdict, status,
 * author, source domain, free text) and how many claims there are per verdict and status.
 * Pure functions over claims as read from the Y.Doc; the filters themselves are UI state.
 */
import { CLAIM_STATUSES, VERDICT_IDS, type Claim, type ClaimStatus, type VerdictId } from '@factdesk/shared';

export interface ClaimFilters {
  verdict: VerdictId | null;
  status: ClaimStatus | null;
  /** The author's id. */
  author: string | null;
  /** A source's host name, without "www.". */
  domain: string | null;
  text: string;
}

export const NO_FILTERS: ClaimFilters = { verdict: null, status: null, author: null, domain: null, text: '' };

export interface ClaimCountsSummary {
  byVerdict: Record<VerdictId, number>;
  byStatus: Record<ClaimStatus, number>;
  total: number;
}

/** True when any filter narrows the list. */
export function filtersActive(filters: ClaimFilters): boolean {
  return !!(filters.verdict || filters.status || filters.author || filters.domain || filters.text.trim());
}

/** A source URL's host name, lower case and without "www." (null when it is no URL). */
export function domainOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * The domains of a claim's sources, each parsed once: the Y.Doc hands back the same sources
 * array until they change, and parsing ten thousand claims' URLs again on every change was
 * most of a remote claim's cost in the filters.
 */
const domainsOfSources = new WeakMap<Claim['sources'], (string | null)[]>();

function sourceDomains(sources: Claim['sources']): (string | null)[] {
  let domains = domainsOfSources.get(sources);
  if (!domains) domainsOfSources.set(sources, (domains = sources.map((s) => domainOf(s.url))));
  return domains;
}

/** True when the claim passes every filter; the text matches quote, rationale, author, sources and tags, ignoring case. */
export function claimMatches(claim: Claim, filters: ClaimFilters): boolean {
  if (filters.verdict && claim.verdict !== filters.verdict) return false;
  if (filters.status && claim.status !== filters.status) return false;
  if (filters.author && claim.author?.id !== filters.author) return false;
  if (filters.domain && !sourceDomains(claim.sources).includes(filters.domain)) return false;
  const needle = filters.text.trim().toLocaleLowerCase();
  if (!needle) return true;
  const haystack = [
    claim.target?.quote?.exact ?? '',
    claim.rationale,
    claim.author?.name ?? '',
    ...claim.sources.flatMap((s) => [s.url, s.title]),
    ...claim.tags,
  ]
    .join('\n')
    .toLocaleLowerCase();
  return haystack.includes(needle);
}

/** How many claims have each verdict and each status (every key present). */
export function countClaims(claims: readonly Claim[]): ClaimCountsSummary {
  const counts: ClaimCountsSummary = {
    byVerdict: Object.fromEntries(VERDICT_IDS.map((v) => [v, 0])) as Record<VerdictId, number>,
    byStatus: Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>,
    total: claims.length,
  };
  for (const claim of claims) {
    if (claim.verdict in counts.byVerdict) counts.byVerdict[claim.verdict]++;
    if (claim.status in counts.byStatus) counts.byStatus[claim.status]++;
  }
  return counts;
}

/** The people who wrote claims here, by name, each once. */
export function claimAuthors(claims: readonly Claim[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const claim of claims) if (claim.author?.id) byId.set(claim.author.id, claim.author.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The source domains cited here, sorted, each once. */
export function claimDomains(claims: readonly Claim[]): string[] {
  const domains = new Set<string>();
  for (const claim of claims) for (const domain of sourceDomains(claim.sources)) if (domain) domains.add(domain);
  return [...domains].sort();
}

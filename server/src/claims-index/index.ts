/**
 * The claims index: a summary row per claim of every document, kept current from the rooms
 * and back-filled from the update log at start. Read by the review queue and the article list.
 */
export { createClaimsIndex, emptyCounts, type ClaimCounts, type ClaimsIndex, type QueuedClaim } from './claims-index.js';
export { summariseClaim, quoteExcerpt, sourceDomains, lastEnteredReview, type ClaimSummary } from './summarise.js';

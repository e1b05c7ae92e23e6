/**
 * Prepares claims for a test the way a script would: over the real collaboration socket,
 * with a person's bearer token, so the server checks them like any other change. Tests about
 * what a role may see use it to set the scene quickly; the claim form itself is exercised in
 * collab.test.ts. A reviewer signs a claim off the same way (`signOffClaim`).
 */
import {
  articleSchema,
  canonicalText,
  createClaim,
  personRef,
  readArticleVersion,
  readClaim,
  setClaimStatus,
  targetFromRange,
  type ClaimStatus,
  type Source,
  type VerdictId,
} from '@factdesk/shared';
import { connectCollab } from '../../server/src/testing/collab-client.js';
import type { ServerUnderTest } from '../../server/src/testing/server-under-test.js';
import type { Credentials } from './people.js';

export interface ClaimToSeed {
  /** Text of the article to claim; its first occurrence is used. */
  quote: string;
  verdict: VerdictId;
  rationale?: string;
  sources?: Source[];
  /** 'draft' (default) or 'in-review' (submitted by its author). */
  status?: Extract<ClaimStatus, 'draft' | 'in-review'>;
}

/** Writes a claim by `author` on document `docId` and waits until the server has accepted it; returns its id. */
export async function seedClaim(server: ServerUnderTest, docId: string, author: Credentials, claim: ClaimToSeed): Promise<string> {
  const writer = connectCollab(server.url, docId, author.token);
  const witness = connectCollab(server.url, docId, author.token);
  try {
    await writer.until((doc) => readArticleVersion(doc) !== null);
    const version = readArticleVersion(writer.doc)!;
    const text = canonicalText(articleSchema.nodeFromJSON(version.doc));
    const start = text.indexOf(claim.quote);
    if (start < 0) throw new Error(`"${claim.quote}" is not in the text of ${docId}`);
    const target = targetFromRange(text, start, start + claim.quote.length, version.version);
    const by = personRef(author.user);
    const id = createClaim(writer.doc, by, { target, verdict: claim.verdict, rationale: claim.rationale ?? '', sources: claim.sources ?? [] });
    const status = claim.status ?? 'draft';
    if (status === 'in-review') setClaimStatus(writer.doc, id, 'in-review', by, { action: 'submitted' });
    // Another connection seeing the claim proves the server applied and stored it.
    await witness.until((doc) => readClaim(doc, id)?.status === status).catch((error: Error) => {
      throw new Error(writer.rejections.length ? `The server refused the claim: ${writer.rejections.join('; ')}` : error.message);
    });
    if (writer.rejections.length) throw new Error(`The server refused the claim: ${writer.rejections.join('; ')}`);
    return id;
  } finally {
    writer.destroy();
    witness.destroy();
  }
}

/** Signs off claim `claimId` (in review) as `reviewer` and waits until the server has accepted it. */
export async function signOffClaim(server: ServerUnderTest, docId: string, reviewer: Credentials, claimId: string): Promise<void> {
  const writer = connectCollab(server.url, docId, reviewer.token);
  const witness = connectCollab(server.url, docId, reviewer.token);
  try {
    await writer.until((doc) => readClaim(doc, claimId)?.status === 'in-review');
    const by = personRef(reviewer.user);
    const review = { decision: 'approved' as const, reviewer: by, at: new Date().toISOString(), comment: '' };
    setClaimStatus(writer.doc, claimId, 'approved', by, { action: 'approved' }, review);
    await witness.until((doc) => readClaim(doc, claimId)?.status === 'approved').catch((error: Error) => {
      throw new Error(writer.rejections.length ? `The server refused the sign-off: ${writer.rejections.join('; ')}` : error.message);
    });
  } finally {
    writer.destroy();
    witness.destroy();
  }
}

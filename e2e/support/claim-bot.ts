/**
 * Prepares claims for a test the way a script would: over the real collaboration socket,
 * with a person's bearer token, so the server checks them like any other change. Tests about
 * what a role may see use it to set the scene quickly; the claim form itself is exercised in
 * collab.test.ts. Its review steps are the server's typed requests, as the app makes them
 * (`signOffClaim`).
 */
import {
  articleSchema,
  canonicalText,
  createClaim,
  personRef,
  readArticleVersion,
  readClaim,
  targetFromRange,
  type ClaimStatus,
  type Source,
  type VerdictId,
} from '@factdesk/shared';
import { connectCollab } from '../../server/src/testing/collab-client.js';
import { transitionOrThrow } from '../../server/src/testing/claim-requests.js';
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
    // Another connection seeing the claim stamped proves the server applied, stored and recorded it.
    await witness.until((doc) => !!readClaim(doc, id)?.createdAt).catch((error: Error) => {
      throw new Error(writer.rejections.length ? `The server refused the claim: ${writer.rejections.join('; ')}` : error.message);
    });
    if (writer.rejections.length) throw new Error(`The server refused the claim: ${writer.rejections.join('; ')}`);
    if (claim.status === 'in-review') {
      await transitionOrThrow(server.url, author.token, docId, id, 'submit');
      await witness.until((doc) => readClaim(doc, id)?.status === 'in-review');
    }
    return id;
  } finally {
    writer.destroy();
    witness.destroy();
  }
}

/** Signs off claim `claimId` (in review) as `reviewer` and waits until the server has accepted it. */
export async function signOffClaim(server: ServerUnderTest, docId: string, reviewer: Credentials, claimId: string): Promise<void> {
  await transitionOrThrow(server.url, reviewer.token, docId, claimId, 'approve');
}

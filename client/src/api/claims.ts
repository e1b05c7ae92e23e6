/**
 * The review steps of a claim and the resolution of its thread, which the server writes
 * itself (a client cannot write a claim's status, review, history or thread resolution into
 * the Y.Doc). The result arrives over the collaboration socket like any other change.
 */
import { requestJson } from './http.js';

/** A review step: submit, withdraw, approve, request changes, reopen. */
export type ClaimTransition = 'submit' | 'withdraw' | 'approve' | 'request-changes' | 'reopen';

function claimPath(docId: string, claimId: string, rest: string): string {
  return `/api/documents/${encodeURIComponent(docId)}/claims/${encodeURIComponent(claimId)}/${rest}`;
}

/** Asks the server to take `action` on the claim; throws ApiError with the server's reason. */
export async function transitionClaim(docId: string, claimId: string, action: ClaimTransition, comment?: string): Promise<void> {
  await requestJson('POST', claimPath(docId, claimId, 'transitions'), comment === undefined ? { action } : { action, comment });
}

/** Asks the server to mark the claim's thread resolved (true) or open it again (false). */
export async function setThreadResolution(docId: string, claimId: string, resolved: boolean): Promise<void> {
  await requestJson('PUT', claimPath(docId, claimId, 'thread-resolution'), { resolved });
}

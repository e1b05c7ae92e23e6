/**
 * The review steps of a claim, as typed requests: submitting, withdrawing, approving,
 * requesting changes, reopening, and resolving its thread. Whatever certifies a claim — its
 * status, the review record, the history entry, the time — is written here by the server, in
 * the live room (so every client sees it at once and the update log holds it), after asking the
 * same shared rules the client asks; clients cannot write these fields themselves.
 */
import {
  LIMITS,
  canResolveThread,
  personRef,
  readClaim,
  setClaimStatus,
  setThreadResolved,
  statusChangeRefusal,
  type Actor,
  type Claim,
  type ClaimStatus,
  type HistoryEntry,
  type Review,
  type RuleOptions,
} from '@factdesk/shared';
import type * as Y from 'yjs';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import type { DocumentRepository } from '../documents/documents.js';
import { ApiError, badRequest, conflict, notFound } from '../errors.js';
import type { Rooms } from '../rooms/types.js';
import { parseInput, type RouteTable } from './api.js';

const transitionSchema = z.object({
  action: z.enum(['submit', 'withdraw', 'approve', 'request-changes', 'reopen'], {
    error: 'The action must be "submit", "withdraw", "approve", "request-changes" or "reopen".',
  }),
  comment: z.string().max(LIMITS.comment, `The comment is too long (at most ${LIMITS.comment} characters).`).optional(),
});
const resolutionSchema = z.object({ resolved: z.boolean({ error: 'Say whether the thread is resolved (true or false).' }) });

export type TransitionAction = z.infer<typeof transitionSchema>['action'];

/** Each step: the statuses it starts from, where it leads, and what it says when the claim is elsewhere. */
const TRANSITIONS: Record<TransitionAction, { from: readonly ClaimStatus[]; to: ClaimStatus; elsewhere: string }> = {
  submit: { from: ['draft', 'changes-requested'], to: 'in-review', elsewhere: 'Only a draft, or a claim sent back for changes, can be submitted for review.' },
  withdraw: { from: ['in-review'], to: 'draft', elsewhere: 'Only a claim in review can be withdrawn.' },
  approve: { from: ['in-review'], to: 'approved', elsewhere: 'Only a claim in review can be approved.' },
  'request-changes': { from: ['in-review'], to: 'changes-requested', elsewhere: 'Only a claim in review can be sent back for changes.' },
  reopen: { from: ['approved'], to: 'in-review', elsewhere: 'Only a signed-off claim can be reopened.' },
};

const ALREADY: Record<ClaimStatus, string> = {
  draft: 'This claim is already a draft.',
  'in-review': 'This claim is already in review.',
  approved: 'This claim is already signed off.',
  'changes-requested': 'Changes have already been requested on this claim.',
};

export interface ClaimRouteDeps {
  documents: Pick<DocumentRepository, 'exists'>;
  rooms: Pick<Rooms, 'withDoc'>;
  audit: Pick<AuditLog, 'record'>;
  /** The workspace's rules now (the two-person rule). */
  rules(): RuleOptions;
}

const sentence = (reason: string) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;

/** The history keeps a bounded note; the full comment stays in the review. */
function historyNote(comment: string): string {
  if (comment.length <= LIMITS.historyNote) return comment;
  let cut = comment.slice(0, LIMITS.historyNote - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never half a surrogate pair
  return `${cut}…`;
}

function claimIn(doc: Y.Doc, claimId: string): Claim {
  const claim = readClaim(doc, claimId, { history: false, thread: false });
  if (!claim) throw notFound('There is no such claim in this document.');
  return claim;
}

/** Checks and writes one step; returns the status it left. */
function transition(doc: Y.Doc, claimId: string, actor: Actor, action: TransitionAction, comment: string, rules: RuleOptions, now: Date): ClaimStatus {
  const claim = claimIn(doc, claimId);
  const step = TRANSITIONS[action];
  // Who may take this step at all is answered before where the claim is: a stranger hears 403, not 409.
  const refusal = statusChangeRefusal(actor, { author: claim.author, status: step.from[0] }, step.to, rules);
  if (refusal) throw new ApiError(403, sentence(refusal));
  if (!step.from.includes(claim.status)) throw conflict(claim.status === step.to ? ALREADY[step.to] : step.elsewhere);
  const by = personRef(actor);
  const at = now.toISOString();
  let entry: Omit<HistoryEntry, 'at' | 'by'>;
  let review: Review | undefined;
  if (action === 'approve') {
    review = { decision: 'approved', reviewer: by, at, comment };
    entry = { action: 'approved' };
  } else if (action === 'request-changes') {
    review = { decision: 'changes-requested', reviewer: by, at, comment };
    entry = { action: 'changes-requested', note: historyNote(comment) };
  } else if (action === 'submit') {
    entry = { action: 'submitted' };
  } else if (action === 'reopen') {
    entry = { action: 'reopened', note: 'Reopened for review.' };
  } else {
    entry = { action: 'edited', fields: ['status'], note: 'Withdrawn from review.' };
  }
  setClaimStatus(doc, claimId, step.to, by, entry, review, now);
  return claim.status;
}

/** POST …/claims/:claimId/transitions and PUT …/claims/:claimId/thread-resolution; each answers `{ claim }`. */
export function claimRoutes({ documents, rooms, audit, rules }: ClaimRouteDeps): RouteTable {
  return [
    [
      'POST',
      '/api/documents/:id/claims/:claimId/transitions',
      {
        access: 'user',
        async handle({ params, actor, body }) {
          if (!documents.exists(params.id)) throw notFound('There is no such document.');
          const input = parseInput(transitionSchema, await body());
          const comment = input.comment?.trim() ?? '';
          if (input.action === 'request-changes' && !comment) throw badRequest('Say what needs to change.');
          const now = new Date();
          const { from, claim } = rooms.withDoc(params.id, (doc) => ({
            from: transition(doc, params.claimId, actor, input.action, comment, rules(), now),
            claim: readClaim(doc, params.claimId),
          }));
          audit.record(actor.id, `claim.${input.action}`, { documentId: params.id, claimId: params.claimId, from, to: claim?.status });
          return { body: { claim } };
        },
      },
    ],
    [
      'PUT',
      '/api/documents/:id/claims/:claimId/thread-resolution',
      {
        access: 'user',
        async handle({ params, actor, body }) {
          if (!documents.exists(params.id)) throw notFound('There is no such document.');
          const { resolved } = parseInput(resolutionSchema, await body());
          if (!canResolveThread(actor)) throw new ApiError(403, 'Viewers cannot resolve threads.');
          const claim = rooms.withDoc(params.id, (doc) => {
            if (!!claimIn(doc, params.claimId).threadResolved === resolved) {
              throw conflict(resolved ? 'This thread is already resolved.' : 'This thread is already open.');
            }
            setThreadResolved(doc, params.claimId, resolved ? { by: personRef(actor), at: new Date().toISOString() } : null);
            return readClaim(doc, params.claimId);
          });
          audit.record(actor.id, resolved ? 'claim.thread-resolved' : 'claim.thread-reopened', { documentId: params.id, claimId: params.claimId });
          return { body: { claim } };
        },
      },
    ],
  ];
}

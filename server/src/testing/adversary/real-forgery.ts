/**
 * Forgeries made the way a tampered app would make them: a real Y.Doc in step with the stored
 * state, changed through the shared functions (approve someone's claim, write a review, edit
 * or delete what is not yours) — valid Yjs, forbidden effect. A few allowed changes run the
 * same way, so the accepting path is exercised too.
 */
import * as Y from 'yjs';
import {
  claimsMap,
  createClaim,
  deleteClaim,
  deleteComment,
  editComment,
  replyToClaim,
  setClaimAnchoring,
  setClaimStatus,
  setThreadResolved,
  updateClaim,
  writeArticleVersion,
  writeMeta,
} from '@factdesk/shared';
import type { ClaimPick, Plan } from './plans.js';
import { cached, person, pickClaim, uuid, type ForgeContext } from './targets.js';

/** A real Y.Doc of the sender's, in step with what the server stored. */
function forgeDoc(ctx: ForgeContext): Y.Doc {
  let doc = ctx.hostile.forgeDoc;
  if (!doc) {
    doc = new Y.Doc();
    ctx.hostile.forgeDoc = doc;
    const c = cached(ctx);
    Y.applyUpdate(doc, (c.state ??= Y.encodeStateAsUpdate(ctx.mirror)));
  } else {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(ctx.mirror, Y.encodeStateVector(doc)));
  }
  // Set after the sync: Yjs gives a doc that receives structs under its own id a new id, and
  // a rebuilt app keeps writing under the id it had (the server stored its earlier changes).
  doc.clientID = ctx.hostile.forgeClientId;
  return doc;
}

/** The update a tampered app would send for a forbidden (or, for comparison, allowed) change. */
export function realForgery(plan: Extract<Plan, { kind: 'forgery' }>, ctx: ForgeContext): Uint8Array | null {
  const doc = forgeDoc(ctx);
  const me = person(ctx.sender);
  const now = new Date();
  const at = now.toISOString();
  const pick = (which: ClaimPick['which']) => {
    const key = pickClaim(ctx, { which, n: plan.claim.n });
    return key && claimsMap(doc).get(key) instanceof Y.Map ? key : null;
  };
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array) => updates.push(u);
  doc.on('update', collect);
  try {
    const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
    const ensure = (which: ClaimPick['which']) => pick(which) ?? createClaim(doc, me, { target, verdict: 'true', rationale: 'forger', sources: [] }, uuid(ctx.rand));
    const review = (decision: 'approved' | 'changes-requested') => ({ decision, reviewer: me, at, comment: '' });
    const commentOf = (id: string, theirs: boolean) => {
      const thread = claimsMap(doc).get(id)?.get('thread');
      if (!(thread instanceof Y.Map)) return null;
      return [...thread.keys()].find((k) => ((thread.get(k) as { author?: { id?: string } })?.author?.id !== ctx.sender.id) === theirs) ?? null;
    };
    // A claim broken by an earlier accepted forgery makes the shared functions throw: then there is nothing to send.
    try {
      forgeInto(plan, doc, ensure, review, commentOf, me, now, at, target, ctx);
    } catch {
      /* nothing forged */
    }
  } finally {
    doc.off('update', collect);
  }
  return updates.length ? Y.mergeUpdates(updates) : null;
}

function forgeInto(
  plan: Extract<Plan, { kind: 'forgery' }>,
  doc: Y.Doc,
  ensure: (which: ClaimPick['which']) => string,
  review: (decision: 'approved' | 'changes-requested') => { decision: 'approved' | 'changes-requested'; reviewer: { id: string; name: string }; at: string; comment: string },
  commentOf: (id: string, theirs: boolean) => string | null,
  me: { id: string; name: string },
  now: Date,
  at: string,
  target: unknown,
  ctx: ForgeContext,
): void {
    switch (plan.forgery) {
      case 'approve-other':
        setClaimStatus(doc, ensure('other'), 'approved', me, { action: 'approved' }, review('approved'), now);
        break;
      case 'approve-own':
        setClaimStatus(doc, ensure('own'), 'approved', me, { action: 'approved' }, review('approved'), now);
        break;
      case 'request-changes':
        setClaimStatus(doc, ensure('other'), 'changes-requested', me, { action: 'changes-requested' }, review('changes-requested'), now);
        break;
      case 'write-review': {
        const id = ensure('any');
        setClaimStatus(doc, id, (claimsMap(doc).get(id)?.get('status') as 'draft') ?? 'draft', me, { action: 'edited' }, review('approved'), now);
        break;
      }
      case 'edit-other':
        updateClaim(doc, ensure('other'), { rationale: `forged ${plan.claim.n}`, verdict: 'false' });
        break;
      case 'edit-own':
        updateClaim(doc, ensure(plan.claim.which === 'approved' ? 'approved' : 'own'), { rationale: `mine ${plan.claim.n} ${at}` });
        break;
      case 'delete-approved':
        deleteClaim(doc, ensure('approved'));
        break;
      case 'delete-other':
        deleteClaim(doc, ensure('other'));
        break;
      case 'delete-own':
        deleteClaim(doc, ensure('own'));
        break;
      case 'resolve-thread':
        setThreadResolved(doc, ensure('any'), { by: me, at });
        break;
      case 'edit-other-comment': {
        const id = ensure('any');
        const c = commentOf(id, true);
        if (c) editComment(doc, id, c, me, 'rewritten by someone else', now);
        else replyToClaim(doc, id, ctx.others[0], 'in your name', now, uuid(ctx.rand));
        break;
      }
      case 'delete-other-comment': {
        const id = ensure('any');
        const c = commentOf(id, true);
        if (c) deleteComment(doc, id, c);
        break;
      }
      case 'reply':
        replyToClaim(doc, ensure('any'), me, `reply ${plan.claim.n}`, now, uuid(ctx.rand));
        break;
      case 'past-targets':
        setClaimAnchoring(doc, ensure('own'), { pastTargets: [target as never] });
        break;
      case 'write-meta':
        writeMeta(doc, { title: 'Forged title' });
        break;
      case 'write-article':
        writeArticleVersion(doc, { version: 99, doc: { type: 'doc', content: [] }, textHash: 'x', createdAt: at });
        break;
      case 'submit-own':
        setClaimStatus(doc, ensure('own'), 'in-review', me, { action: 'submitted' }, undefined, now);
        break;
      case 'forge-history':
        (claimsMap(doc).get(ensure('own'))?.get('history') as Y.Array<unknown> | undefined)?.push([{ at, by: { id: 'factdesk', name: 'Factdesk' }, action: 'approved' }]);
        break;
      case 'forge-updated-at':
        claimsMap(doc).get(ensure('own'))?.set('updatedAt', '2001-01-01T00:00:00.000Z');
        break;
      case 'unknown-key':
        claimsMap(doc).get(ensure('own'))?.set('evil', { injected: true });
        break;
    }
}

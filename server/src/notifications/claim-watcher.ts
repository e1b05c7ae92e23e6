/**
 * Turns changes to claims into notifications: a claim submitted (or sent back) for review →
 * its reviewers; approved or sent back with changes → its author; "@login" in a comment →
 * that person. It reads what is new since it last looked at each claim — history entries past
 * the length it saw, comments whose edit time it has not seen — and keeps that per Y.Doc (a
 * WeakMap: an unloaded room's memory goes with its doc). A claim it has not seen yet (a room
 * just loaded, often by a client bringing offline work) is read from its last few history
 * entries and all its comments; the store's event keys keep that from notifying twice.
 * Nobody is told of their own action, and only active people are told anything.
 */
import * as Y from 'yjs';
import {
  DEFAULT_RULES,
  claimsMap,
  mentionedLogins,
  personRef,
  readClaim,
  readMeta,
  roleAtLeast,
  type Claim,
  type HistoryEntry,
  type PersonRef,
  type RuleOptions,
} from '@factdesk/shared';
import type { UserRepository } from '../auth/users.js';
import type { ClaimsChange, ClaimsChangeListener } from '../rooms/types.js';
import type { NewNotification, NotificationStore } from './notification-store.js';

/** What the watcher has seen of one claim. */
interface Seen {
  historyLength: number;
  /** Comment id → the `updatedAt` seen. */
  comments: Map<string, string>;
}

/** On first sight of a claim, only its last entries count, and only if they are this recent. */
const FIRST_SIGHT_ENTRIES = 10;
const FIRST_SIGHT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const QUOTE_EXCERPT = 160;
const TEXT_EXCERPT = 1000;
/** The history entries someone is told about. */
const NOTABLE = new Set<string>(['submitted', 'reopened', 'approved', 'changes-requested']);
/** The server signs the history entries it writes itself with this id (validation/sign-off.ts). */
const SERVER_ID = 'factdesk';

export interface ClaimWatcherDeps {
  users: Pick<UserRepository, 'list' | 'getById' | 'getByLogin'>;
  store: Pick<NotificationStore, 'add'>;
  rules?: () => RuleOptions;
}

function excerpt(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The rooms' `onClaimsChanged` listener that fills the "For you" lists. */
export function createClaimWatcher({ users, store, rules = () => DEFAULT_RULES }: ClaimWatcherDeps): ClaimsChangeListener {
  const seenByDoc = new WeakMap<Y.Doc, Map<string, Seen>>();

  return (change: ClaimsChange) => {
    let seenClaims = seenByDoc.get(change.doc);
    if (!seenClaims) seenByDoc.set(change.doc, (seenClaims = new Map()));
    for (const claimId of change.claimIds) {
      const map = claimsMap(change.doc).get(claimId);
      const history = map instanceof Y.Map ? map.get('history') : undefined;
      const length = history instanceof Y.Array ? history.length : 0;
      const seen = seenClaims.get(claimId);
      // Runs on every accepted update: most are edits that neither add a notable history entry
      // nor touch the thread, and need no reading of the claim at all.
      const written = change.fields.get(claimId);
      const threadWritten = !written || written.has('*') || written.has('thread');
      if (map instanceof Y.Map && seen && !threadWritten) {
        const added = length > seen.historyLength ? (history as Y.Array<HistoryEntry>).slice(seen.historyLength) : [];
        if (!added.some((entry) => NOTABLE.has(entry.action))) {
          seen.historyLength = length;
          continue;
        }
      }
      const claim = map instanceof Y.Map ? readClaim(change.doc, claimId, { history: false }) : null;
      if (!map || !claim || !claim.author) {
        seenClaims.delete(claimId);
        continue;
      }
      const newEntries = length > (seen?.historyLength ?? 0)
        ? ((history as Y.Array<HistoryEntry>).slice(seen ? seen.historyLength : Math.max(0, length - FIRST_SIGHT_ENTRIES)))
        : [];
      const freshOnly = !seen;
      const context = { change, claim };
      for (const entry of newEntries) {
        if (freshOnly && Date.now() - Date.parse(entry.at) > FIRST_SIGHT_MAX_AGE_MS) continue;
        notifyOfEntry(context, entry);
      }
      const comments = new Map<string, string>();
      for (const comment of claim.thread) {
        comments.set(comment.id, comment.updatedAt);
        if (seen?.comments.get(comment.id) === comment.updatedAt) continue;
        notifyOfMentions(context, comment.id, comment.author, comment.text, comment.updatedAt);
      }
      seenClaims.set(claimId, { historyLength: length, comments });
    }
  };

  function send(to: string[], template: Omit<NewNotification, 'userId'>, exclude: (string | undefined)[]): void {
    for (const userId of new Set(to)) {
      if (exclude.includes(userId)) continue;
      const user = users.getById(userId);
      if (user?.active) store.add({ ...template, userId });
    }
  }

  function base(change: ClaimsChange, claim: Claim) {
    return { docId: change.docId, claimId: claim.id, documentTitle: readMeta(change.doc).title, quote: excerpt(claim.target?.quote?.exact ?? '', QUOTE_EXCERPT) };
  }

  function notifyOfEntry({ change, claim }: { change: ClaimsChange; claim: Claim }, entry: HistoryEntry): void {
    // The server reopens a claim on someone's behalf: name that someone.
    const by: PersonRef = entry.by.id === SERVER_ID && change.actor ? personRef(change.actor) : entry.by;
    const exclude = [entry.by.id, by.id];
    if (entry.action === 'submitted' || entry.action === 'reopened') {
      const reviewers = users.list().filter((u) => u.active && roleAtLeast(u.role, 'reviewer'));
      // Under the two-person rule the author cannot review their own claim: no point asking them.
      if (rules().twoPersonRule) exclude.push(claim.author.id);
      send(
        reviewers.map((u) => u.id),
        { ...base(change, claim), eventKey: `review-request:${change.docId}:${claim.id}:${entry.at}`, kind: 'review-request', by, text: excerpt(entry.note ?? '', TEXT_EXCERPT), at: entry.at },
        exclude,
      );
    } else if (entry.action === 'approved' || entry.action === 'changes-requested') {
      const comment = claim.review && claim.review.at === entry.at ? claim.review.comment : (entry.note ?? '');
      send(
        [claim.author.id],
        { ...base(change, claim), eventKey: `decision:${change.docId}:${claim.id}:${entry.at}`, kind: 'decision', decision: entry.action, by, text: excerpt(comment, TEXT_EXCERPT), at: entry.at },
        exclude,
      );
    }
  }

  function notifyOfMentions({ change, claim }: { change: ClaimsChange; claim: Claim }, commentId: string, author: PersonRef, text: string, at: string): void {
    const mentioned = mentionedLogins(text)
      .map((login) => users.getByLogin(login))
      .filter((u) => u !== null)
      .map((u) => u.id);
    send(
      mentioned,
      { ...base(change, claim), eventKey: `mention:${change.docId}:${claim.id}:${commentId}`, kind: 'mention', by: author, text: excerpt(text, TEXT_EXCERPT), at },
      [author.id],
    );
  }
}

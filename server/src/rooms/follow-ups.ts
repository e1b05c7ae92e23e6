/**
 * What the server writes after the updates it accepts: a new claim's stamps, an edit's time and
 * "edited" history entry, an edited sign-off reopened. A claim's new stamps and a reopened
 * sign-off go out within the turn, all of a turn's in one transaction. Edit records wait a
 * moment: one person's edits of one claim in quick succession (a rationale revised in several
 * saves) become one entry naming every field they changed — one server write for a burst of
 * edits instead of one per edit. Anything else the server writes to the doc (a review step, a
 * new version) first flushes what waits, so the history keeps the order things happened in.
 */
import type * as Y from 'yjs';
import { emptyClaimWrite, type Actor, type Claim, type ClaimWrite } from '@factdesk/shared';
import { recordUnrecordedChanges, reopenChangedSignOffs } from '../validation/index.js';
import { signedOffFieldsChanged } from '../validation/sign-off.js';

/** How long one person's edits of one claim are gathered into one history entry (0: each is recorded within its turn). */
export const EDIT_RECORD_DELAY_MS = 1_000;

interface Accepted {
  writes: ClaimWrite[];
  before: Map<string, Claim | null>;
  actor: Actor;
}

interface PendingEdit {
  claimId: string;
  actor: Actor;
  /** Each gathered field's value before the first edit of it (a claim read keeps only the fields its edit wrote). */
  before: Record<string, unknown>;
}

export class FollowUps {
  private turn: Accepted[] = [];
  private readonly edits = new Map<string, PendingEdit>();
  private timer: NodeJS.Timeout | null = null;

  /** @param write runs the server's own change to the doc (logged and relayed). */
  constructor(
    private readonly write: (change: (doc: Y.Doc) => void) => void,
    private readonly delayMs = EDIT_RECORD_DELAY_MS,
  ) {}

  /** Whether anything waits to be written. */
  get pending(): boolean {
    return this.turn.length > 0 || this.edits.size > 0;
  }

  /** The writes of an accepted update by `actor`, with the claims they touched as they were. */
  add(writes: ClaimWrite[], before: Map<string, Claim | null>, actor: Actor): void {
    this.turn.push({ writes, before, actor });
    if (this.turn.length === 1) setImmediate(() => this.writeTurn());
  }

  /** Writes everything that waits, now. */
  flush(): void {
    if (!this.pending) return;
    const turn = this.turn.splice(0);
    this.write((doc) => doc.transact(() => {
      this.apply(doc, turn);
      this.writeEdits(doc);
    }));
  }

  /** Drops what waits (the room is broken: nothing more is written from it). */
  clear(): void {
    this.turn = [];
    this.edits.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private writeTurn(): void {
    const turn = this.turn.splice(0);
    if (turn.length === 0) return;
    this.write((doc) => doc.transact(() => this.apply(doc, turn)));
  }

  private apply(doc: Y.Doc, turn: Accepted[]): void {
    for (const { writes, before, actor } of turn) {
      const now: ClaimWrite[] = [];
      for (const write of writes) {
        const was = before.get(write.claimId) ?? null;
        if (write.kind === 'create' || !was) now.push(write);
        else if (write.kind === 'update' && signedOffFieldsChanged(write, was).length > 0) {
          this.writeEdits(doc, write.claimId); // what was gathered for this claim first, then this edit and the reopen
          now.push(write);
        } else if (write.kind === 'update' && 'anchor' in write.fields) now.push(write); // a triage decision carries its note
        else if (write.kind === 'update' && this.delayMs === 0) now.push(write);
        else if (write.kind === 'update') this.gather(write, was, actor);
      }
      if (now.length === 0) continue;
      recordUnrecordedChanges(doc, now, before, actor);
      reopenChangedSignOffs(doc, now, before);
    }
  }

  private gather(write: ClaimWrite, was: Claim, actor: Actor): void {
    const key = `${write.claimId}\u0000${actor.id}`;
    let edit = this.edits.get(key);
    if (!edit) this.edits.set(key, (edit = { claimId: write.claimId, actor, before: {} }));
    for (const field in write.fields) if (!(field in edit.before)) edit.before[field] = was[field as keyof Claim];
    this.timer ??= setTimeout(() => {
      this.timer = null;
      if (this.edits.size > 0) this.write((doc) => doc.transact(() => this.writeEdits(doc)));
    }, this.delayMs);
    this.timer.unref?.();
  }

  /** Records the gathered edits (of one claim, or all). */
  private writeEdits(doc: Y.Doc, claimId?: string): void {
    for (const [key, edit] of this.edits) {
      if (claimId !== undefined && edit.claimId !== claimId) continue;
      this.edits.delete(key);
      const write = emptyClaimWrite(edit.claimId);
      for (const field in edit.before) write.fields[field] = undefined;
      recordUnrecordedChanges(doc, [write], new Map([[edit.claimId, edit.before as unknown as Claim]]), edit.actor);
    }
  }
}

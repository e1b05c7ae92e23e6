/**
 * When and how a room folds its update log into a snapshot: after COMPACT_AFTER updates, in a
 * worker thread when the log can (a busy room's event loop never stops for it), on the event
 * loop when the room is idle or closing. The room counts what it stores (`stored`) and says
 * what it has (`RoomForCompaction`).
 */
import * as Y from 'yjs';
import type { UpdateLog } from './types.js';

/** How many updates pile up in the log before the room folds them into a snapshot. */
const COMPACT_AFTER = 500;

/** What compaction needs of its room. */
export interface RoomForCompaction {
  /** The doc while the room is awake; null while it rests. */
  awakeDoc(): Y.Doc | null;
  isBroken(): boolean;
  /** Writes every accepted update still queued. */
  flush(): void;
}

export class RoomCompaction {
  /** Updates in the log since the last snapshot (counted here: no query per update). */
  pending: number;
  private scheduled = false;
  /** The compaction running in a worker thread, if any. */
  private background: Promise<void> | null = null;
  /** Compact once `pending` reaches this; pushed back after a failed compaction. */
  private compactAt = COMPACT_AFTER;

  constructor(
    private readonly id: string,
    private readonly log: UpdateLog,
    private readonly room: RoomForCompaction,
  ) {
    this.pending = log.pendingSinceSnapshot(id);
  }

  /** One more update went to the log. */
  stored(): void {
    this.pending++;
  }

  /** Compacts in the background once enough has piled up. */
  scheduleIfDue(): void {
    if (this.pending >= this.compactAt) this.schedule();
  }

  /** Resolves once no background compaction of this room is running. */
  async settled(): Promise<void> {
    await this.background;
  }

  /**
   * Folds the log into a snapshot, on the event loop, when the room is idle or closing (or the
   * log cannot compact in the background): 35–65 ms for the seed and 1,000 claims here, too
   * long for a busy room (see schedule). A failure leaves the log as it was (restart replays
   * more updates), so it is logged and the room carries on.
   */
  compact(): void {
    this.scheduled = false;
    const doc = this.room.awakeDoc();
    if (!doc) return; // resting: its last compaction ran as it went to rest
    this.room.flush(); // the snapshot must not cover updates the log has not got yet
    if (this.room.isBroken() || this.pending === 0 || this.background) return;
    try {
      this.log.compact(this.id, Y.encodeStateAsUpdate(doc), this.pending);
      this.pending = 0;
      this.compactAt = COMPACT_AFTER;
    } catch (error) {
      this.compactAt = this.pending + COMPACT_AFTER;
      console.error(`room ${this.id}: could not compact the update log: ${(error as Error).message}`);
    }
  }

  /** Compacts a busy room's log without stopping it: in a worker thread when the log can. */
  schedule(): void {
    if (this.scheduled || this.background) return;
    const inBackground = this.log.compactInBackground?.bind(this.log);
    if (!inBackground) {
      this.scheduled = true;
      setImmediate(() => this.compact());
      return;
    }
    this.background = inBackground(this.id)
      .then(
        (folded) => {
          this.pending = Math.max(0, this.pending - folded);
          this.compactAt = COMPACT_AFTER;
        },
        (error: Error) => {
          this.compactAt = this.pending + COMPACT_AFTER;
          if (!this.room.isBroken()) console.error(`room ${this.id}: could not compact the update log: ${error.message}`);
        },
      )
      .finally(() => (this.background = null));
  }
}

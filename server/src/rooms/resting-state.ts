/**
 * A resting room's article: on disk, not in memory. A room holds its Y.Doc only while people
 * write to it (a Y.Doc of the seed article with 100 claims takes ≈ 0.9 MB of heap, its encoded
 * state ≈ 100 kB). The rest of the time — an article open on many screens, read, its presence
 * moving — the room answers from the update log, which holds every accepted change already:
 * a fresh client gets the stored updates as they are, a returning one their difference to its
 * state vector, computed on the encoded updates. The stored state vector and delete set (a Yjs
 * snapshot: a few bytes per writer and per deleted range) are kept to greet clients and to tell
 * an incoming update that brings nothing new (a returning client's sync step 2) from one that
 * needs the doc.
 */
import * as Y from 'yjs';
import type { UpdateLog } from './types.js';

export class RestingState {
  private sv: Map<number, number> | null = null;
  private ds: Y.Snapshot["ds"] | null = null;

  /**
   * @param summary the stored state's state vector and delete set when known (taken from the
   *   doc as the room went to rest); otherwise each is decoded from the log on first need.
   */
  constructor(
    private readonly docId: string,
    private readonly log: UpdateLog,
    summary: Y.Snapshot | null = null,
  ) {
    if (summary) {
      this.sv = summary.sv;
      this.ds = summary.ds;
    }
  }

  /** Whether the state vector is at hand without decoding the stored article. */
  get summarised(): boolean {
    return this.sv !== null;
  }

  /** The stored updates, the snapshot first. */
  parts(): Uint8Array[] {
    return this.log.load(this.docId);
  }

  private merged(): Uint8Array {
    const parts = this.parts();
    return parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
  }

  /** The stored state vector, encoded for a sync step 1; decoded from the log on first use. */
  stateVector(): Uint8Array {
    if (!this.sv) this.sv = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(this.merged()));
    return Y.encodeStateVector(this.sv);
  }

  /** Whether every item and deletion of `update` is stored already. Throws on a malformed update. */
  contains(update: Uint8Array): boolean {
    if (!this.ds) {
      const merged = this.merged();
      // The difference to its own state vector is the delete set alone. Decoded apart from the
      // state vector, which a greeting needs at once: each is a pass over the whole article.
      const own = this.sv ? Y.encodeStateVector(this.sv) : Y.encodeStateVectorFromUpdate(merged);
      this.sv ??= Y.decodeStateVector(own);
      this.ds = Y.mergeDeleteSets([Y.decodeUpdate(Y.diffUpdate(merged, own)).ds]);
    }
    return Y.snapshotContainsUpdate(Y.createSnapshot(this.ds, this.sv!), update);
  }

  /**
   * What a client with `stateVector` lacks, as updates to send in order (the last one as sync
   * step 2). A fresh client gets the stored updates as they are: for an article with 10,000
   * claims, re-encoding them would take longer than sending them. `parts` read ahead, if they were.
   */
  missing(stateVector: Uint8Array, parts = this.parts()): Uint8Array[] {
    if (parts.length === 0) return [Y.encodeStateAsUpdate(new Y.Doc())];
    if (Y.decodeStateVector(stateVector).size === 0) return [...parts.slice(1), parts[0]];
    const merged = parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
    return [Y.diffUpdate(merged, stateVector)];
  }
}

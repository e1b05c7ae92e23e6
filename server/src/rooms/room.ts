/**
 * One article's room: the authoritative Y.Doc, its presence, and its connections. Every
 * incoming update passes the validation gate; an accepted one is written to the durable log
 * before anyone else receives it.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Actor, RuleOptions } from '@factdesk/shared';
import { checkUpdate, reopenChangedSignOffs, type ClientOwners } from '../validation/index.js';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, encodeRejected } from './protocol.js';
import { rewriteAwarenessUpdate } from './awareness-identity.js';
import type { UpdateLog } from './types.js';

/** What a room needs of a connection. */
export interface Peer {
  readonly actor: Actor;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** How many updates pile up in the log before the room folds them into a snapshot. */
const COMPACT_AFTER = 500;

const LOAD = Symbol('load');
/** How many updates of one peer may wait for the change they build on. */
const MAX_WAITING = 100;

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  /** Each peer and the awareness client ids it speaks for. */
  readonly peers = new Map<Peer, Set<number>>();
  private readonly owners: ClientOwners = new Map();
  /** Updates of each peer that build on a change not here yet (see receiveUpdate). */
  private readonly waiting = new Map<Peer, Uint8Array[]>();
  private compactScheduled = false;
  /** The compaction running in a worker thread, if any. */
  private background: Promise<void> | null = null;
  /** Compact once `pending` reaches this; pushed back after a failed compaction. */
  private compactAt = COMPACT_AFTER;
  private broken = false;
  /** Updates in the log since the last snapshot (counted here: no query per update). */
  private pending: number;

  constructor(
    readonly id: string,
    private readonly log: UpdateLog,
    private readonly rules: RuleOptions,
    private readonly onBroken: (room: Room) => void,
    private readonly checkUpdates = true,
  ) {
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.transact(() => {
      for (const update of log.load(id)) Y.applyUpdate(this.doc, update);
    }, LOAD);
    this.pending = log.pendingSinceSnapshot(id);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.persistAndBroadcast(update, origin));
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.relayAwareness(change, origin));
  }

  /** A new peer: send it our state and everyone's presence. */
  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(sync, this.doc);
    peer.send(encoding.toUint8Array(sync));
    this.sendAwareness(peer);
  }

  /** Every presence state, to one peer. */
  sendAwareness(peer: Peer): void {
    const states = [...this.awareness.getStates().keys()];
    if (states.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states));
    peer.send(encoding.toUint8Array(encoder));
  }

  /** A peer left: forget its presence. */
  leave(peer: Peer): void {
    this.waiting.delete(peer);
    const ids = this.peers.get(peer);
    this.peers.delete(peer);
    if (!ids || ids.size === 0) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    // Its clocks too: a client may invent a new id per message, and the room would keep each one.
    for (const id of ids) this.awareness.meta.delete(id);
  }

  /** Sync step 1 from a peer: answer with what it lacks. */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
    peer.send(encoding.toUint8Array(encoder));
  }

  /** An update from a peer: checked, then applied (which logs and broadcasts it) or refused. */
  receiveUpdate(peer: Peer, update: Uint8Array): 'accepted' | 'rejected' | 'malformed' {
    if (!this.checkUpdates) {
      Y.applyUpdate(this.doc, update, peer);
      return 'accepted';
    }
    const outcome = this.tryUpdate(peer, update);
    if (outcome === 'waiting') {
      // A client that reconnects may send a fresh change before its sync step 2 has re-sent
      // the offline changes it builds on. Hold it (bounded) until they arrive, instead of
      // refusing it and making the client drop its unsent work.
      const queue = this.waiting.get(peer) ?? [];
      queue.push(update);
      this.waiting.set(peer, queue);
      if (queue.length > MAX_WAITING) {
        queue.shift();
        peer.send(encodeRejected('the change depends on an earlier change the server does not have'));
      }
      return 'accepted';
    }
    if (outcome === 'accepted') this.retryWaiting();
    return outcome;
  }

  private tryUpdate(peer: Peer, update: Uint8Array): 'accepted' | 'rejected' | 'malformed' | 'waiting' {
    const check = checkUpdate(this.doc, update, peer.actor, this.owners, this.rules);
    if (!check.ok) {
      if (check.waiting) return 'waiting';
      peer.send(encodeRejected(check.reason));
      return check.malformed ? 'malformed' : 'rejected';
    }
    for (const client of check.clients) this.owners.set(client, peer.actor.id);
    Y.applyUpdate(this.doc, update, peer);
    if (!this.broken) reopenChangedSignOffs(this.doc, check.writes, check.before);
    return 'accepted';
  }

  /** Re-checks held updates after the room changed, until none makes progress. */
  private retryWaiting(): void {
    let progress = true;
    while (progress && this.waiting.size > 0) {
      progress = false;
      for (const [peer, queue] of this.waiting) {
        for (let i = 0; i < queue.length; ) {
          const outcome = this.tryUpdate(peer, queue[i]);
          if (outcome === 'waiting') {
            i++;
            continue;
          }
          queue.splice(i, 1);
          progress = true;
        }
        if (queue.length === 0) this.waiting.delete(peer);
      }
    }
  }

  /** Presence from a peer, with its identity stamped by us. */
  receiveAwareness(peer: Peer, update: Uint8Array): void {
    const mine = this.peers.get(peer) ?? new Set<number>();
    const owned = (id: number) => mine.has(id) || ![...this.peers.values()].some((ids) => ids.has(id));
    const rewritten = rewriteAwarenessUpdate(update, peer.actor, owned);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, rewritten.update, peer);
  }

  /** Writes server-side changes (imports, new versions) into the doc; they are logged and broadcast. */
  change<T>(fn: (doc: Y.Doc) => T): T {
    return fn(this.doc);
  }

  /** Resolves once no background compaction of this room is running. */
  async settled(): Promise<void> {
    await this.background;
  }

  /**
   * Folds the log into a snapshot of the current state, on the event loop: used when the room
   * is idle or closing (and where the log cannot compact in the background). Encoding the seed
   * article with 1,000 claims and writing it takes about 35–65 ms on the 2-core test machine
   * (compaction.test.ts) — too long for a busy room, which compacts in a worker instead
   * (scheduleCompaction). A failure leaves the log as it was — nothing is lost, restart just
   * replays more updates — so it is logged and the room carries on.
   */
  compact(): void {
    this.compactScheduled = false;
    if (this.broken || this.pending === 0 || this.background) return;
    try {
      this.log.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.pending);
      this.pending = 0;
      this.compactAt = COMPACT_AFTER;
    } catch (error) {
      this.compactAt = this.pending + COMPACT_AFTER;
      console.error(`room ${this.id}: could not compact the update log: ${(error as Error).message}`);
    }
  }

  /** Closes every peer and frees the doc. */
  destroy(code: number, reason: string): void {
    this.broken = true; // nothing more is stored or sent from this copy
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
    this.peers.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private persistAndBroadcast(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD || this.broken) return;
    try {
      this.log.append(this.id, update);
      this.pending++;
    } catch (error) {
      // The doc now holds a change that is not on disk: nobody may see it. Drop the room; it reloads from the log.
      this.broken = true;
      console.error(`room ${this.id}: could not store an update: ${(error as Error).message}`);
      this.onBroken(this);
      return;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    if (this.pending >= this.compactAt) this.scheduleCompaction();
  }

  /** Compacts a busy room's log without stopping it: in a worker thread when the log can. */
  private scheduleCompaction(): void {
    if (this.compactScheduled || this.background) return;
    const inBackground = this.log.compactInBackground?.bind(this.log);
    if (!inBackground) {
      this.compactScheduled = true;
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
          if (!this.broken) console.error(`room ${this.id}: could not compact the update log: ${error.message}`);
        },
      )
      .finally(() => (this.background = null));
  }

  private relayAwareness({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const ids = origin ? this.peers.get(origin as Peer) : undefined;
    if (ids) {
      for (const id of [...added, ...updated]) ids.add(id);
      for (const id of removed) ids.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    const message = encoding.toUint8Array(encoder);
    for (const peer of this.peers.keys()) peer.send(message);
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

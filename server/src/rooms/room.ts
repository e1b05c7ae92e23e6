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
import { checkUpdate, recordUnrecordedChanges, reopenChangedSignOffs, type ClientOwners } from '../validation/index.js';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, encodeRejected } from './protocol.js';
import { rewriteAwarenessUpdate } from './awareness-identity.js';
import type { ClaimsChangeListener, UpdateLog } from './types.js';
import { LogWriter } from './log-writer.js';
import { observeClaimsChanges } from './claims-changes.js';

/** What a room needs of a connection. */
export interface Peer {
  readonly actor: Actor;
  /** Sends `message`; `sent` runs once it has been handed to the network (or could not be). */
  send(message: Uint8Array, sent?: () => void): void;
  close(code: number, reason: string): void;
}

/** How many updates pile up in the log before the room folds them into a snapshot. */
const COMPACT_AFTER = 500;

const LOAD = Symbol('load');
/** How many updates of one peer may wait for the change they build on. */
const MAX_WAITING = 100;

export class Room {
  private readonly ydoc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  /** The authoritative doc, loaded from the stored state on first use. */
  get doc(): Y.Doc {
    this.ensureLoaded();
    return this.ydoc;
  }

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
  /** The stored state (snapshot, then updates) until the doc has integrated it; null after. */
  private stored: Uint8Array[] | null;
  /** The peers that were sent the stored state as it is, and the doc's state vector right after loading it. */
  private readonly sentStored = new WeakSet<Peer>();
  private loadedStateVector: Uint8Array | null = null;
  private loadScheduled = false;
  /** Writes accepted updates to the log, several per transaction (group commit). */
  private readonly writer: LogWriter;
  /** Updates in the log since the last snapshot (counted here: no query per update). */
  private pending: number;

  constructor(
    readonly id: string,
    private readonly log: UpdateLog,
    private readonly rules: () => RuleOptions,
    private readonly onBroken: (room: Room) => void,
    private readonly options: { checkUpdates?: boolean; onClaimsChanged?: ClaimsChangeListener; writer?: LogWriter } = {},
  ) {
    this.writer = options.writer ?? new LogWriter(log);
    this.awareness = new awarenessProtocol.Awareness(this.ydoc);
    this.awareness.setLocalState(null);
    // Read now, integrated on first need (see join): decoding a big article takes far longer than reading it.
    this.stored = log.load(id);
    this.pending = log.pendingSinceSnapshot(id);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.relayAwareness(change, origin));
  }

  /**
   * Starts logging, broadcasting and telling the claims listeners — after the load, so that
   * Yjs does not encode the whole loaded article once more for an 'update' event nobody needs.
   */
  private attachDocListeners(): void {
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => this.persistAndBroadcast(update, origin));
    const listener = this.options.onClaimsChanged;
    if (!listener) return;
    observeClaimsChanges(this.id, this.ydoc, (change) => !this.broken && listener(change), (origin) =>
      origin && typeof origin === 'object' && 'actor' in origin ? (origin as Peer).actor : null,
    );
  }

  /**
   * A new peer: send it our state and everyone's presence. In a room that has not loaded its
   * doc yet, the peer first gets the stored state exactly as it is on disk (what the doc would
   * hold once loaded), so the article appears without waiting for the server to decode it —
   * for an article with 10,000 claims that decoding takes about a second. The doc is loaded
   * right after, and only then does the room ask the peer for what it has (sync step 1).
   */
  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    if (this.stored) {
      // Load once the stored state has left (a big article is several MB, written out over many
      // turns of the event loop), not before: the load stops the loop.
      this.sendStored(peer, () => this.scheduleLoad());
      this.sentStored.add(peer);
      this.afterLoad(() => this.peers.has(peer) && this.sendSyncStep1(peer));
    } else {
      this.sendSyncStep1(peer);
    }
    this.sendAwareness(peer);
  }

  private scheduleLoad(): void {
    if (this.loadScheduled) return;
    this.loadScheduled = true;
    setImmediate(() => this.ensureLoaded());
  }

  /** Runs `fn` once the doc is loaded (in the same turn as the load). */
  private afterLoad(fn: () => void): void {
    if (!this.stored) fn();
    else this.loadWaiters.push(fn);
  }

  private readonly loadWaiters: (() => void)[] = [];

  /** Integrates the stored state into the doc, once. Every reader of the doc calls this first. */
  private ensureLoaded(): void {
    const stored = this.stored;
    if (!stored || this.broken) return;
    this.stored = null;
    this.ydoc.transact(() => {
      for (const update of stored) Y.applyUpdate(this.ydoc, update);
    }, LOAD);
    this.attachDocListeners();
    this.loadedStateVector = Y.encodeStateVector(this.ydoc);
    for (const fn of this.loadWaiters.splice(0)) fn();
  }

  /** The stored state as sync messages: the later updates first, then the first part (the snapshot) as sync step 2. */
  private sendStored(peer: Peer, sent: () => void): void {
    const [first, ...rest] = this.stored ?? [];
    for (const update of rest) peer.send(syncMessage(syncProtocol.messageYjsUpdate, update));
    // Yjs holds the later updates until what they build on arrives; step 2 then completes the sync.
    peer.send(syncMessage(syncProtocol.messageYjsSyncStep2, first ?? Y.encodeStateAsUpdate(new Y.Doc())), sent);
  }

  private sendSyncStep1(peer: Peer): void {
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(sync, this.doc);
    peer.send(encoding.toUint8Array(sync));
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

  /** Sync step 1 from a peer: answer with what it lacks — once it is all on disk. */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    if (this.sentStored.has(peer)) {
      // It was sent the stored state, and has it all by the time this answer arrives: send only
      // what is newer — after the load, which this does not hurry (see join).
      this.afterLoad(() =>
        this.writer.whenFlushed(() => {
          if (!this.broken && this.peers.has(peer)) this.sendSyncStep2(peer, this.loadedStateVector ?? stateVector);
        }),
      );
      return;
    }
    this.ensureLoaded();
    this.writer.whenFlushed(() => {
      if (!this.broken && this.peers.has(peer)) this.sendSyncStep2(peer, stateVector);
    });
  }

  private sendSyncStep2(peer: Peer, stateVector: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
    peer.send(encoding.toUint8Array(encoder));
  }

  /** An update from a peer: checked, then applied (which logs and broadcasts it) or refused. */
  receiveUpdate(peer: Peer, update: Uint8Array): 'accepted' | 'rejected' | 'malformed' {
    this.ensureLoaded();
    if (this.options.checkUpdates === false) {
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
    const check = checkUpdate(this.doc, update, peer.actor, this.owners, this.rules());
    if (!check.ok) {
      if (check.waiting) return 'waiting';
      peer.send(encodeRejected(check.reason));
      return check.malformed ? 'malformed' : 'rejected';
    }
    for (const client of check.clients) this.owners.set(client, peer.actor.id);
    Y.applyUpdate(this.doc, update, peer);
    if (!this.broken) recordUnrecordedChanges(this.doc, check.writes, check.before, peer.actor);
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

  /** Writes server-side changes (imports, new versions) into the doc; they are durable and broadcast when it returns. */
  change<T>(fn: (doc: Y.Doc) => T): T {
    this.ensureLoaded();
    try {
      return fn(this.doc);
    } finally {
      this.writer.flush();
    }
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
    if (this.stored) return; // never loaded, so never changed: the log is as it was
    this.writer.flush(); // the snapshot must not cover updates the log has not got yet
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
    this.ydoc.destroy();
  }

  private persistAndBroadcast(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD || this.broken) return;
    this.pending++;
    this.writer.write(
      this.id,
      update,
      () => this.broadcast(update, origin),
      (error) => {
        if (this.broken) return;
        // The doc now holds a change that is not on disk: nobody may see it. Drop the room; it reloads from the log.
        this.broken = true;
        console.error(`room ${this.id}: could not store an update: ${error.message}`);
        this.onBroken(this);
      },
    );
  }

  /** Sends a stored update to every peer but the one it came from. */
  private broadcast(update: Uint8Array, origin: unknown): void {
    if (this.broken) return;
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

/** One message of the sync protocol carrying `update` as `type` (step 2, or update). */
function syncMessage(type: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

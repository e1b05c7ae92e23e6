/**
 * One article's room: the authoritative Y.Doc, its presence, and its connections. Every
 * incoming update passes the validation gate; an accepted one is written to the durable log
 * before anyone else receives it. The doc is in memory only while people write: a room with no
 * write for a while rests, answering from the log (resting-state.ts), until the next write.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { canAnnotate, transactionChangedDoc, type RuleOptions } from '@factdesk/shared';
import {
  appliesCleanly,
  applyAndCheck,
  checkUpdate,
  type ClientOwners,
  type UpdateCheck,
} from '../validation/index.js';
import { MESSAGE_SYNC, encodeRejected, syncMessage } from './protocol.js';
import { RoomPresence } from './room-presence.js';
import type { Peer, RoomOptions, UpdateLog } from './types.js';
import { LogWriter } from './log-writer.js';
import { observeClaimsChanges } from './claims-changes.js';
import { RestingState } from './resting-state.js';
import { HeldUpdates } from './held-updates.js';
import { arrived } from '../validation/completeness.js';
import { SERVER_PERSON } from '../validation/sign-off.js';
import { RoomCompaction } from './room-compaction.js';
import { FollowUps } from './follow-ups.js';

export type { Peer, RoomOptions } from './types.js';

/** A room rests after this long without a write, or 200 times its load time if longer (a 0.7 s load must not come with every write). */
export const REST_AFTER_MS = 30_000;
/** A document's storage quota by default: an article with 10,000 claims takes about 8 MB. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
const REST_AFTER_LOAD_TIMES = 200;

export class Room {
  /** The authoritative doc while the room is awake; null while it rests. */
  private ydoc: Y.Doc | null = null;
  /** What the room knows of its article while it rests; null while awake. */
  private resting: RestingState | null;
  /** The authoritative doc, loaded from the log if the room rests (which wakes it). */
  get doc(): Y.Doc {
    return this.ydoc ?? this.wake();
  }

  /** Whether the doc is out of memory (see resting-state.ts). */
  get isResting(): boolean { return this.ydoc === null; }

  /** Each peer and the awareness client ids it speaks for. */
  readonly peers = new Map<Peer, Set<number>>();
  /** Who first wrote under each Yjs client id (kept by `options.owners` across loads). */
  private readonly owners: ClientOwners;
  /** Who is here and what they point at (y-protocols awareness). */
  readonly presence = new RoomPresence(this.peers);
  /** Updates of each peer that build on a change not here yet. */
  private readonly held: HeldUpdates;
  /** The stored size of the doc as last measured, plus what was accepted since (see `quotaRefusal`). */
  private storedBytes = 0;
  private measuredBytes = 0;
  private measured = false;
  private broken = false;
  /** Peers joined while the room rested without knowing its state vector: greeted after their first answer. */
  private readonly greetLater = new Set<Peer>();
  /** Peers sent the stored state unasked (see join): their sync step 1 needs no more than an empty answer. */
  private readonly pushed = new WeakSet<Peer>();
  /** The stored updates read for a peer that joined a resting room, until its sync step 1 is answered. */
  private readonly readAhead = new Map<Peer, Uint8Array[]>();
  /** Set while the doc's observers see a transaction that was refused: the claims listeners are not told. */
  private refusing = false;
  /** People one of whose updates was refused after it was applied: theirs are checked before applying from then on. */
  private readonly checkFirst = new Set<string>();
  /** Whether the doc's last transaction changed anything (set by its afterTransaction listener). */
  private lastChanged = false;
  /** What the server writes after the updates it accepts (stamps, edit records, reopened sign-offs). */
  private readonly followUps: FollowUps;
  /** Accepted updates not on disk yet; the room rests only when none is left. */
  private unflushed = 0;
  private lastWriteAt = 0;
  /** When the update being judged arrived: its delivery time is measured from here to its broadcast. */
  private receivedAt = 0;
  private restAfterMs: number;
  private restTimer: NodeJS.Timeout | null = null;
  /** Writes accepted updates to the log, several per transaction (group commit). */
  private readonly writer: LogWriter;
  /** Folds the log into a snapshot now and then. */
  private readonly compaction: RoomCompaction;

  constructor(
    readonly id: string,
    private readonly log: UpdateLog,
    private readonly rules: () => RuleOptions,
    private readonly onBroken: (room: Room) => void,
    private readonly options: RoomOptions = {},
  ) {
    this.writer = options.writer ?? new LogWriter(log);
    this.owners = options.owners?.load(id) ?? new Map();
    this.followUps = new FollowUps((change) => this.broken || this.serverWrite(change), options.editRecordDelayMs);
    this.held = new HeldUpdates(options.heldBytesPerPeer, options.heldBytesPerRoom, (reason) => options.metrics?.updateRefused(reason));
    this.restAfterMs = options.restAfterMs ?? REST_AFTER_MS;
    this.resting = new RestingState(id, log);
    this.compaction = new RoomCompaction(id, log, {
      awakeDoc: () => this.ydoc,
      isBroken: () => this.broken,
      flush: () => this.writer.flush(),
    });
  }

  /**
   * Loads the doc from the log and starts logging, broadcasting and telling the claims
   * listeners — after the load, so that Yjs does not encode the whole article once more for an
   * 'update' event nobody needs.
   */
  private wake(): Y.Doc {
    const started = performance.now();
    const doc = new Y.Doc();
    const parts = this.log.load(this.id);
    doc.transact(() => {
      for (const update of parts) Y.applyUpdate(doc, update);
    });
    this.storedBytes = this.measuredBytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
    this.measured = false;
    if (doc.store.pendingStructs || doc.store.pendingDs) this.dropStoredPending(doc);
    this.ydoc = doc;
    this.resting = null;
    this.readAhead.clear();
    doc.on('afterTransaction', (transaction: Y.Transaction) => (this.lastChanged = transactionChangedDoc(transaction)));
    const listener = this.options.onClaimsChanged;
    if (listener) {
      observeClaimsChanges(this.id, doc, (change) => !this.broken && !this.refusing && listener(change), (origin) =>
        origin && typeof origin === 'object' && 'actor' in origin ? (origin as Peer).actor : null,
      );
    }
    const base = this.options.restAfterMs ?? REST_AFTER_MS;
    this.restAfterMs = Math.max(base, (performance.now() - started) * REST_AFTER_LOAD_TIMES);
    this.lastWriteAt = performance.now();
    this.armRest(this.restAfterMs);
    return doc;
  }

  /**
   * A log written before every update was judged whole may hold parts Yjs parked: they were
   * never checked, and would integrate unchecked once their gap is filled. They are left out of
   * the doc and of the snapshot that replaces the log.
   */
  private dropStoredPending(doc: Y.Doc): void {
    console.warn(`room ${this.id}: the log held changes that never applied whole; they are set aside`);
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
    this.log.compact(this.id, Y.encodeStateAsUpdate(doc), this.log.pendingSinceSnapshot(this.id));
  }

  /** Bytes of held updates (budgeted per peer and per room). */
  get heldBytes(): number {
    return this.held.heldBytes;
  }

  /** How many times a held update was judged again. */
  get heldRejudged(): number {
    return this.held.rejudged;
  }

  private armRest(ms: number): void {
    if (this.restTimer) clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => this.restIfIdle(), ms);
    this.restTimer.unref();
  }

  /**
   * Drops the doc once nothing has been written for a while, nothing waits to be written, and
   * no peer's update waits for a change it builds on. What it held is all in the log.
   */
  private restIfIdle(): void {
    this.restTimer = null;
    const doc = this.ydoc;
    if (!doc || this.broken) return;
    const idle = performance.now() - this.lastWriteAt;
    if (idle < this.restAfterMs) return this.armRest(this.restAfterMs - idle);
    if (this.unflushed > 0 || this.held.size > 0 || this.followUps.pending) return this.armRest(this.restAfterMs);
    if (this.compaction.pending > 0 && !this.log.compactInBackground) this.compact();
    // Taken from the doc, the snapshot costs little now and spares decoding the log later.
    this.resting = new RestingState(this.id, this.log, Y.snapshot(doc));
    this.ydoc = null;
    doc.destroy();
    if (this.compaction.pending > 0) this.compaction.schedule();
  }

  /**
   * A new peer: greet it with our state vector (sync step 1) and everyone's presence. Its own
   * sync step 1, which a y-websocket client sends on open, is answered with what it lacks.
   * A room that has not held its doc since the server started does not know its state vector
   * without decoding the article (≈ 0.4 s for 10,000 claims): it sends the stored updates at
   * once, unasked, as they are on disk, and greets once they have left.
   */
  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    if (this.resting && !this.resting.summarised) {
      this.pushed.add(peer);
      this.greetLater.add(peer);
      this.sendUpdates(peer, this.resting.missing(new Uint8Array([0])), () => this.greet(peer));
    } else {
      this.sendSyncStep1(peer);
      // Read while the peer's own sync step 1 is on its way (an article with 10,000 claims is 8 MB).
      if (this.resting) this.readAhead.set(peer, this.resting.parts());
    }
    this.presence.sendAll(peer);
  }

  private sendSyncStep1(peer: Peer): void {
    const stateVector = this.ydoc ? Y.encodeStateVector(this.ydoc) : this.resting!.stateVector();
    peer.send(syncMessage(syncProtocol.messageYjsSyncStep1, stateVector));
  }

  /** A peer left: forget its presence. */
  leave(peer: Peer): void {
    this.held.drop(peer);
    const ids = this.peers.get(peer);
    this.peers.delete(peer);
    this.greetLater.delete(peer);
    this.readAhead.delete(peer);
    if (ids) this.presence.forget(ids);
  }

  /** Sync step 1 from a peer: answer with what it lacks — once it is all on disk. */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    Y.decodeStateVector(stateVector); // a malformed one throws here, to the connection, not later
    if (this.resting && !this.pushed.has(peer)) return this.answerFromLog(peer, stateVector, this.resting);
    this.writer.whenFlushed(() => {
      if (this.broken || !this.peers.has(peer)) return;
      // Sent the stored state, then every update stored since: nothing is missing.
      if (this.pushed.delete(peer)) return peer.send(syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(new Y.Doc())));
      if (this.resting) return this.answerFromLog(peer, stateVector, this.resting);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
      peer.send(encoding.toUint8Array(encoder));
    });
  }

  /** A resting room's answer: the stored updates a peer lacks (all on disk: a room rests only once they are). */
  private answerFromLog(peer: Peer, stateVector: Uint8Array, resting: RestingState): void {
    const updates = resting.missing(stateVector, this.readAhead.get(peer));
    this.readAhead.delete(peer);
    this.sendUpdates(peer, updates, () => this.greet(peer));
  }

  /** Sends a peer the sync step 1 it was not greeted with yet, if any. */
  private greet(peer: Peer): void {
    if (!this.greetLater.delete(peer)) return;
    // Decoding the article for its state vector stops the loop: not before the article has left.
    setImmediate(() => this.peers.has(peer) && !this.broken && this.sendSyncStep1(peer));
  }

  /** Sends `updates` in order, the last as sync step 2; `sent` once they have left. */
  private sendUpdates(peer: Peer, updates: Uint8Array[], sent: () => void): void {
    // Yjs holds the later updates until what they build on arrives; step 2 then completes the sync.
    updates.forEach((update, i) =>
      i < updates.length - 1
        ? peer.send(syncMessage(syncProtocol.messageYjsUpdate, update))
        : peer.send(syncMessage(syncProtocol.messageYjsSyncStep2, update), sent),
    );
  }

  /** An update from a peer: checked, then applied (which logs and broadcasts it) or refused. */
  receiveUpdate(peer: Peer, update: Uint8Array): 'accepted' | 'rejected' | 'malformed' {
    this.receivedAt = performance.now();
    // A returning client's sync step 2 mostly repeats what is stored: no need to wake for it.
    if (this.resting && this.restingContains(update)) return 'accepted';
    if (this.options.checkUpdates === false) {
      this.applyFromPeer(peer, update);
      return 'accepted';
    }
    const outcome = this.tryUpdate(peer, update, true);
    if (typeof outcome !== 'string') {
      this.held.hold(peer, update, outcome.waitingFor);
      return 'accepted';
    }
    if (outcome === 'accepted' && this.held.size > 0) this.retryHeld();
    return outcome;
  }

  /** Judges the held updates whose clocks have arrived. */
  private retryHeld(): void {
    this.held.retry(
      (waitingFor) => arrived(this.doc, waitingFor),
      (from, update) => {
        const outcome = this.tryUpdate(from, update, false);
        return typeof outcome === 'string' ? 'done' : outcome;
      },
    );
  }

  /** Whether a resting room has all of `update` already (a malformed one is left to the gate to report). */
  private restingContains(update: Uint8Array): boolean {
    try {
      return this.resting!.contains(update);
    } catch {
      return false;
    }
  }

  /**
   * Checks an update and applies it if allowed: a live edit of someone who may annotate, and
   * none of whose updates was refused so, is applied and checked in one transaction (cheaper).
   */
  private tryUpdate(
    peer: Peer,
    update: Uint8Array,
    mayApplyFirst: boolean,
  ): 'accepted' | 'rejected' | 'malformed' | { waitingFor: ReadonlyMap<number, number> } {
    const applyFirst = mayApplyFirst && canAnnotate(peer.actor) && !this.checkFirst.has(peer.actor.id);
    const client = applyFirst ? appliesCleanly(this.doc, update) : null;
    const overQuota = client !== null ? this.quotaRefusal(update) : null;
    let check: UpdateCheck = overQuota
      ? { ok: false, reason: overQuota, malformed: false }
      : client === null
        ? checkUpdate(this.doc, update, peer.actor, this.owners, this.rules())
        : this.applyChecked(peer, update, client);
    // Applied first and found to build on something missing: the doc was dropped; learn what it waits for.
    if (!check.ok && check.waiting && check.waitingFor === null) check = checkUpdate(this.doc, update, peer.actor, this.owners, this.rules());
    if (check.ok && client === null && check.clients.length > 0) {
      const refusal = this.quotaRefusal(update);
      if (refusal) check = { ok: false, reason: refusal, malformed: false };
    }
    if (!check.ok) {
      if (check.waiting && check.waitingFor) return { waitingFor: check.waitingFor };
      peer.send(encodeRejected(check.reason));
      this.options.metrics?.updateRefused(check.reason);
      return check.malformed ? 'malformed' : 'rejected';
    }
    for (const written of check.clients) this.bindClient(written, peer.actor.id);
    if (client === null && !this.applyFromPeer(peer, update)) {
      peer.send(encodeRejected('the change could not be applied whole'));
      this.options.metrics?.updateRefused('the change could not be applied whole');
      return 'rejected';
    }
    this.options.metrics?.updateAccepted();
    if (!this.broken && check.followUp) this.followUps.add(check.writes, check.followUp, peer.actor);
    return 'accepted';
  }

  /** Records that `userId` wrote under the Yjs client id `client` (the first writer keeps it). */
  private bindClient(client: number, userId: string): void {
    if (this.owners.has(client)) return;
    this.owners.set(client, userId);
    this.options.owners?.bind(this.id, client, userId);
  }

  /**
   * Why a change that adds content may not be stored: the document is at its quota. The size
   * is what was stored at load plus what was accepted since, an estimate that only grows; it is
   * measured (an encoding of the whole doc) once it passes the quota, and again only after it
   * has grown by another sixteenth of it, so a full document refuses cheaply.
   */
  private quotaRefusal(update: Uint8Array): string | null {
    const quota = this.options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES;
    if (this.storedBytes + update.byteLength <= quota) return null;
    if (!this.measured || this.storedBytes - this.measuredBytes >= quota / 16) {
      this.storedBytes = this.measuredBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
      this.measured = true;
    }
    if (this.storedBytes + update.byteLength <= quota) return null;
    return `this article has reached its storage limit (${Math.round(quota / 1024 / 1024)} MB): ask an admin to archive claims or start a new version`;
  }

  /**
   * Applies a peer's whole, judged update, then stores and relays it as it came, if it changed
   * anything: the doc has no 'update' listener for it, so Yjs does not encode it once more.
   * False if Yjs parked part of it after all: the doc is dropped (it reloads from the log).
   */
  private applyFromPeer(peer: Peer, update: Uint8Array): boolean {
    const doc = this.doc;
    this.lastChanged = false;
    Y.applyUpdate(doc, update, peer);
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      this.dropDoc();
      return false;
    }
    if (this.lastChanged) this.persistAndBroadcast(update, peer);
    return true;
  }

  /**
   * Applies a peer's update and checks it in one transaction (its observers run after the
   * check). Refused, the change is in the doc: the doc is dropped, and the sender's updates are
   * checked before applying from then on — a reload once per person, not once per update.
   */
  private applyChecked(peer: Peer, update: Uint8Array, client: number): UpdateCheck {
    const doc = this.doc;
    let check: UpdateCheck = { ok: false, reason: 'the change is malformed', malformed: true };
    this.lastChanged = false;
    try {
      Y.transact(
        doc,
        (transaction) => {
          check = applyAndCheck(doc, transaction, update, client, peer.actor, this.owners, this.rules());
          this.refusing = !check.ok;
        },
        peer,
        false,
      );
    } finally {
      if (!check.ok) {
        this.checkFirst.add(peer.actor.id);
        this.dropDoc();
      }
      this.refusing = false;
    }
    if (check.ok && this.lastChanged) this.persistAndBroadcast(update, peer);
    return check;
  }

  /** Drops a doc holding a refused change: with everything accepted written, the log is the doc without it. */
  private dropDoc(): void {
    const doc = this.ydoc;
    if (!doc) return;
    this.writer.flush();
    this.ydoc = null;
    this.resting = new RestingState(this.id, this.log);
    doc.destroy();
  }

  /** Runs the server's own changes to the doc; Yjs encodes them for the log and the peers. */
  private serverWrite<T>(fn: (doc: Y.Doc) => T): T {
    const doc = this.doc;
    this.bindClient(doc.clientID, SERVER_PERSON.id);
    doc.on('update', this.persistServerUpdate);
    try {
      return fn(doc);
    } finally {
      doc.off('update', this.persistServerUpdate);
    }
  }

  /** Writes server-side changes (imports, new versions) into the doc; they are durable and broadcast when it returns. */
  change<T>(fn: (doc: Y.Doc) => T): T {
    this.followUps.flush(); // the history keeps the order things happened in
    try {
      return this.serverWrite(fn);
    } finally {
      this.writer.flush();
    }
  }

  /** Resolves once no background compaction of this room is running. */
  settled(): Promise<void> {
    return this.compaction.settled();
  }

  /** Folds the log into a snapshot now, on the event loop (the room is idle or closing). */
  compact(): void {
    this.compaction.compact();
  }

  /** Closes every peer and frees the doc. */
  destroy(code: number, reason: string): void {
    if (!this.broken) this.followUps.flush(); // a closing server still records what it accepted
    this.followUps.clear();
    this.broken = true; // nothing more is stored or sent from this copy
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
    this.peers.clear();
    this.presence.destroy();
    if (this.restTimer) clearTimeout(this.restTimer);
    this.ydoc?.destroy();
  }

  private readonly persistServerUpdate = (update: Uint8Array, origin: unknown) => this.persistAndBroadcast(update, origin);

  private persistAndBroadcast(update: Uint8Array, origin: unknown): void {
    if (this.broken) return;
    const receivedAt = this.peers.has(origin as Peer) ? this.receivedAt : null; // the server's own writes were never received
    this.compaction.stored();
    this.storedBytes += update.byteLength;
    this.unflushed++;
    this.lastWriteAt = performance.now();
    this.writer.write(
      this.id,
      update,
      () => {
        this.unflushed--;
        this.broadcast(update, origin);
        if (receivedAt !== null) this.options.metrics?.updateDelivered((performance.now() - receivedAt) / 1000);
      },
      (error) => {
        this.unflushed--;
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
    const message = syncMessage(syncProtocol.messageYjsUpdate, update);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    this.compaction.scheduleIfDue();
  }
}

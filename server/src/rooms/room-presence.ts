/**
 * A room's presence (who is here, their selection, what they edit): y-protocols awareness,
 * with each peer's identity stamped by the server and relayed to everyone in the room. Kept
 * apart from the article's doc, which a resting room does not hold.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE, MESSAGE_AWARENESS } from './protocol.js';
import { rewriteAwarenessUpdate } from './awareness-identity.js';
import type { Peer } from './room.js';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class RoomPresence {
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());

  /** @param peers each peer of the room and the awareness client ids it speaks for (kept up to date here). */
  constructor(private readonly peers: Map<Peer, Set<number>>) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.relay(change, origin));
  }

  /** Every presence state, to one peer. */
  sendAll(peer: Peer): void {
    const states = [...this.awareness.getStates().keys()];
    if (states.length === 0) return;
    peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  /**
   * Presence from a peer: taken after the turn's document updates (see `deferred` below);
   * a malformed one closes the peer then.
   */
  receive(peer: Peer, update: Uint8Array): void {
    deferred.push({ presence: this, peer, update });
    if (deferred.length === 1) setImmediate(drainDeferred);
  }

  /** Presence from a peer still in the room, with its identity stamped by us. */
  take(peer: Peer, update: Uint8Array): void {
    if (!this.peers.has(peer)) return; // it left meanwhile: its presence is already forgotten
    const mine = this.peers.get(peer) ?? new Set<number>();
    const owned = (id: number) => mine.has(id) || ![...this.peers.values()].some((ids) => ids.has(id));
    const rewritten = rewriteAwarenessUpdate(update, peer.actor, owned);
    this.incoming = rewritten;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, rewritten.update, peer);
    } finally {
      this.incoming = null;
    }
  }

  /** The rewritten update being applied: relayed as it is when all of it was taken (most are). */
  private incoming: { update: Uint8Array; clientIds: number[] } | null = null;

  /** Forgets the presence of the client ids a departed peer spoke for. */
  forget(ids: Set<number>): void {
    if (ids.size === 0) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    // Its clocks too: a client may invent a new id per message, and the room would keep each one.
    for (const id of ids) this.awareness.meta.delete(id);
  }

  destroy(): void {
    this.awareness.destroy();
  }

  private relay({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const ids = origin ? this.peers.get(origin as Peer) : undefined;
    if (ids) {
      for (const id of [...added, ...updated]) ids.add(id);
      for (const id of removed) ids.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    const incoming = this.incoming;
    // Each state of the rewritten update is what the awareness now holds, at the same clock.
    const whole = incoming !== null && changed.length === incoming.clientIds.length && incoming.clientIds.every((id) => changed.includes(id));
    const message = awarenessMessage(whole ? incoming.update : awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const peer of this.peers.keys()) peer.send(message);
  }
}

/**
 * Presence waiting to be taken, from every room. Clients renew their presence every 15 s, and
 * clients that connected together renew together: hundreds of renewals in one turn, each
 * decoded, stamped, applied and relayed to the whole room. Taken inline, they held up the claim
 * updates that arrived with them. So presence is taken after the turn's updates, and in slices
 * of a few milliseconds, with the socket reads and the log's answers let through in between.
 */
const deferred: { presence: RoomPresence; peer: Peer; update: Uint8Array }[] = [];
const SLICE_MS = 2;

function drainDeferred(): void {
  const until = performance.now() + SLICE_MS;
  let taken = 0;
  while (taken < deferred.length && (taken === 0 || performance.now() < until)) {
    const { presence, peer, update } = deferred[taken++];
    try {
      presence.take(peer, update);
    } catch {
      peer.close(CLOSE.malformed, 'malformed presence');
    }
  }
  deferred.splice(0, taken);
  if (deferred.length > 0) setImmediate(drainDeferred);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

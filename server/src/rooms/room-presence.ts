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

  /**
   * Presence from a peer still in the room, with its identity stamped by us; relayed by
   * `relayTaken`, with whatever else the room took in the same slice.
   */
  take(peer: Peer, update: Uint8Array): void {
    if (!this.peers.has(peer)) return; // it left meanwhile: its presence is already forgotten
    const mine = this.peers.get(peer) ?? new Set<number>();
    const owned = (id: number) => mine.has(id) || ![...this.peers.values()].some((ids) => ids.has(id));
    const rewritten = rewriteAwarenessUpdate(update, peer.actor, owned);
    this.incoming = rewritten.states;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, rewritten.update, peer);
    } finally {
      this.incoming = null;
    }
  }

  /** The states (JSON) of the rewritten update being applied, by client id. */
  private incoming: Map<number, string> | null = null;
  /** Client ids whose presence was taken and is not relayed yet, with their state's JSON as taken. */
  private readonly taken = new Map<number, string>();

  /**
   * Relays the presence taken since the last call, in one message to each peer. Clients that
   * connected together renew together, so a room of five relays one message of five states
   * to each of them, not five messages each.
   */
  relayTaken(): void {
    const entries = [...this.taken].flatMap(([clientId, json]) => {
      const meta = this.awareness.meta.get(clientId);
      return meta ? [{ clientId, clock: meta.clock, json }] : []; // forgotten meanwhile: already relayed as gone
    });
    this.taken.clear();
    if (entries.length === 0) return;
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, entries.length);
    for (const { clientId, clock, json } of entries) {
      encoding.writeVarUint(update, clientId);
      encoding.writeVarUint(update, clock);
      encoding.writeVarString(update, json);
    }
    const message = awarenessMessage(encoding.toUint8Array(update));
    for (const peer of this.peers.keys()) peer.send(message);
  }

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
    if (this.incoming) {
      // Taken from a peer: each state is now what its update said (null: gone), at the same clock.
      for (const id of changed) this.taken.set(id, this.incoming.get(id) ?? JSON.stringify(this.awareness.getStates().get(id) ?? null));
      return;
    }
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const peer of this.peers.keys()) peer.send(message);
  }
}

/**
 * Presence waiting to be taken, from every room. Clients renew their presence every 15 s, and
 * clients that connected together renew together: hundreds of renewals in one turn, each
 * decoded, stamped, applied and relayed to the whole room. Taken inline, they held up the claim
 * updates that arrived with them. So presence is taken after the turn's updates, and in slices
 * of a few milliseconds, with the socket reads and the log's answers let through in between;
 * each room relays what it took in a slice once (`relayTaken`). One message per client to each
 * peer made the renewals of a thousand clients five thousand messages, which held up the
 * claim updates on their way out and in the clients that received them.
 */
const deferred: { presence: RoomPresence; peer: Peer; update: Uint8Array }[] = [];
const SLICE_MS = 2;

function drainDeferred(): void {
  const until = performance.now() + SLICE_MS;
  const rooms = new Set<RoomPresence>();
  let taken = 0;
  while (taken < deferred.length && (taken === 0 || performance.now() < until)) {
    const { presence, peer, update } = deferred[taken++];
    rooms.add(presence);
    try {
      presence.take(peer, update);
    } catch {
      peer.close(CLOSE.malformed, 'malformed presence');
    }
  }
  deferred.splice(0, taken);
  for (const presence of rooms) presence.relayTaken();
  if (deferred.length > 0) setImmediate(drainDeferred);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

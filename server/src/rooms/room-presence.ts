/**
 * A room's presence (who is here, their selection, what they edit): y-protocols awareness,
 * with each peer's identity stamped by the server and relayed to everyone in the room. Kept
 * apart from the article's doc, which a resting room does not hold. Each connection speaks for
 * one awareness client id and pays for its presence from a budget (presence-budget.ts), so the
 * room holds one bounded state per connection and relays no more than the budgets allow.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE, MESSAGE_AWARENESS, encodeRejected } from './protocol.js';
import { readFirstEntry, stampState, type PresenceEntry } from './awareness-identity.js';
import { DEFAULT_PRESENCE_LIMITS, PresenceBudget, type PresenceLimits } from './presence-budget.js';
import type { Peer } from './room.js';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * A client that reconnects keeps its client id, but a late echo of a departed peer's presence
 * (y-websocket re-sends what it hears) must not make that id someone else's: a departed id may
 * come back only from the same person, for this long.
 */
const DEPARTED_MS = 60_000;
const MAX_DEPARTED = 1_024;

export const OVERSIZED_PRESENCE = 'your presence state is too large';

export class RoomPresence {
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  private readonly budgets = new WeakMap<Peer, PresenceBudget>();
  /** Per peer, its latest state that did not fit its budget, taken once the budget allows. */
  private readonly parked = new WeakMap<Peer, PresenceEntry>();
  /** Who (user id) each client id of a peer in the room belongs to. */
  private readonly personOf = new Map<number, string>();
  /** Client ids of peers that left lately: who they belonged to, and when they left. */
  private readonly departed = new Map<number, { userId: string; at: number }>();

  /** @param peers each peer of the room and the awareness client id it speaks for (at most one; set here). */
  constructor(
    private readonly peers: Map<Peer, Set<number>>,
    private readonly limits: PresenceLimits = DEFAULT_PRESENCE_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange) => this.relay(change));
  }

  /**
   * Every presence state, to one peer: free when it joins, from its budget when it asks again
   * (a query costs a message the size of the whole room's presence).
   */
  sendAll(peer: Peer): void {
    const budget = this.budgets.get(peer);
    if (!budget) this.budgets.set(peer, new PresenceBudget(this.limits, this.now));
    const states = [...this.awareness.getStates().keys()];
    if (states.length === 0) return;
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states));
    if (budget && !budget.take(message.byteLength)) return;
    peer.send(message);
  }

  /**
   * Presence from a peer, taken after the turn's document updates (see `deferred` below) if it
   * is for the peer's own client id and fits its budget; over budget, only its latest state is
   * kept until the budget allows. Throws when the update cannot be read.
   */
  receive(peer: Peer, update: Uint8Array): void {
    const entry = readFirstEntry(update);
    if (!entry || !this.speaksFor(peer, entry.clientId)) return;
    if (entry.json.byteLength > this.limits.maxStateBytes) return this.refuseOversized(peer);
    // A copy: the view holds on to the whole message it arrived in, up to a megabyte.
    const kept = { ...entry, json: entry.json.slice() };
    const budget = this.budgetOf(peer);
    if (this.parked.has(peer) || !budget.take(kept.json.byteLength)) return this.park(peer, kept, budget);
    defer(this, peer, kept);
  }

  /**
   * A peer's presence, stamped with its identity; relayed by `relayTaken`, with whatever else
   * the room took in the same slice. Throws when the state is not JSON.
   */
  take(peer: Peer, { clientId, clock, json }: PresenceEntry): void {
    if (!this.peers.has(peer)) return; // it left meanwhile: its presence is already forgotten
    const stamped = stampState(json, peer.actor);
    if (Buffer.byteLength(stamped) > this.limits.maxStateBytes) return this.refuseOversized(peer);
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, stamped);
    this.incoming = stamped;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(update), peer);
    } finally {
      this.incoming = null;
    }
  }

  /** The state (JSON) being applied from a peer. */
  private incoming: string | null = null;
  /**
   * Client ids whose presence was taken and is not relayed yet, with their state's JSON as
   * taken: at most one per peer, so one slice relays at most `maxStateBytes` per peer.
   */
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

  /** Forgets the presence of the client id a departed peer spoke for. */
  forget(ids: Set<number>): void {
    if (ids.size === 0) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    const at = this.now();
    for (const id of ids) {
      // Its clock too, or the room would keep one per client id it ever saw.
      this.awareness.meta.delete(id);
      const userId = this.personOf.get(id);
      this.personOf.delete(id);
      if (userId === undefined) continue;
      this.departed.delete(id);
      this.departed.set(id, { userId, at });
      for (const [oldest] of this.departed) {
        if (this.departed.size <= MAX_DEPARTED) break;
        this.departed.delete(oldest);
      }
    }
  }

  destroy(): void {
    this.awareness.destroy();
  }

  /**
   * Whether `clientId` is the peer's own: the first one it sends that no other peer here holds
   * (nor someone else held until lately). Every other id it sends is someone else's presence
   * echoed back, and ignored.
   */
  private speaksFor(peer: Peer, clientId: number): boolean {
    const ids = this.peers.get(peer);
    if (!ids) return false;
    if (ids.size > 0) return ids.has(clientId);
    if (this.personOf.has(clientId)) return false;
    const departed = this.departed.get(clientId);
    if (departed && departed.userId !== peer.actor.id && this.now() - departed.at < DEPARTED_MS) return false;
    this.departed.delete(clientId);
    ids.add(clientId);
    this.personOf.set(clientId, peer.actor.id);
    return true;
  }

  private budgetOf(peer: Peer): PresenceBudget {
    let budget = this.budgets.get(peer);
    if (!budget) this.budgets.set(peer, (budget = new PresenceBudget(this.limits, this.now)));
    return budget;
  }

  /** Drops an oversized state; the sender hears why once, as no honest client sends one. */
  private refuseOversized(peer: Peer): void {
    const budget = this.budgetOf(peer);
    if (budget.toldOversized) return;
    budget.toldOversized = true;
    peer.send(encodeRejected(OVERSIZED_PRESENCE));
  }

  private park(peer: Peer, entry: PresenceEntry, budget: PresenceBudget): void {
    const waiting = this.parked.has(peer);
    this.parked.set(peer, entry);
    if (waiting) return;
    const timer = setTimeout(() => {
      const latest = this.parked.get(peer);
      this.parked.delete(peer);
      if (!latest || !this.peers.has(peer)) return;
      if (budget.take(latest.json.byteLength)) defer(this, peer, latest);
      else this.park(peer, latest, budget);
    }, budget.waitFor(entry.json.byteLength));
    timer.unref();
  }

  private relay({ added, updated, removed }: AwarenessChange): void {
    const changed = [...added, ...updated, ...removed];
    if (this.incoming !== null) {
      // Taken from a peer: its state is now what its update said (null: gone), at the same clock.
      for (const id of changed) this.taken.set(id, this.incoming);
      return;
    }
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const peer of this.peers.keys()) peer.send(message);
  }
}

/**
 * Presence waiting to be taken, from every room, at most one state per peer (a later one
 * replaces it). Clients renew their presence every 15 s, and clients that connected together
 * renew together: hundreds of renewals in one turn, each decoded, stamped, applied and relayed
 * to the whole room. Taken inline, they held up the claim updates that arrived with them. So
 * presence is taken after the turn's updates, and in slices of a few milliseconds, with the
 * socket reads and the log's answers let through in between; each room relays what it took in
 * a slice once (`relayTaken`). One message per client to each peer made the renewals of a
 * thousand clients five thousand messages, which held up the claim updates on their way out
 * and in the clients that received them.
 */
const deferred = new Map<Peer, { presence: RoomPresence; entry: PresenceEntry }>();
const SLICE_MS = 2;

function defer(presence: RoomPresence, peer: Peer, entry: PresenceEntry): void {
  if (deferred.size === 0) setImmediate(drainDeferred);
  deferred.set(peer, { presence, entry });
}

function drainDeferred(): void {
  const until = performance.now() + SLICE_MS;
  const rooms = new Set<RoomPresence>();
  for (const [peer, { presence, entry }] of deferred) {
    if (rooms.size > 0 && performance.now() >= until) break;
    deferred.delete(peer);
    rooms.add(presence);
    try {
      presence.take(peer, entry);
    } catch {
      peer.close(CLOSE.malformed, 'malformed presence');
    }
  }
  for (const presence of rooms) presence.relayTaken();
  if (deferred.size > 0) setImmediate(drainDeferred);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

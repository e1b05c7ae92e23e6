/**
 * Updates a room holds back because they build on clocks it does not have yet. A client that
 * reconnects may send a fresh change before its sync step 2 has re-sent the offline changes it
 * builds on: held until those arrive, instead of refused, which would make the client drop its
 * unsent work. Nothing held is applied, stored or relayed; it is judged whole once what it
 * waits for is there. Bounded in bytes per peer and per room, and judged again only when its
 * clocks have arrived, so holding costs an attacker's victims neither memory nor CPU.
 */
import { encodeRejected } from './protocol.js';
import type { Peer } from './types.js';

/** Bytes of updates one peer may have held (an honest client's fresh edits are a few kB). */
export const HELD_BYTES_PER_PEER = 1024 * 1024;
/** Bytes of held updates in one room. */
export const HELD_BYTES_PER_ROOM = 8 * 1024 * 1024;

const DROPPED = 'the change depends on an earlier change the server does not have';

interface Held {
  update: Uint8Array;
  /** Per client, the clock the doc must reach before the update can be judged. */
  waitingFor: ReadonlyMap<number, number>;
}

/** What judging a held update again came to. */
export type Rejudged = { waitingFor: ReadonlyMap<number, number> } | 'done';

export class HeldUpdates {
  private readonly byPeer = new Map<Peer, Held[]>();
  private bytes = 0;
  /** How many times a held update was judged again (for tests: only when its clocks arrived). */
  rejudged = 0;

  constructor(
    private readonly perPeer = HELD_BYTES_PER_PEER,
    private readonly perRoom = HELD_BYTES_PER_ROOM,
    /** Told of each update refused for the budget (the metrics count refusals). */
    private readonly onRefused: (reason: string) => void = () => {},
  ) {}

  get size(): number {
    return this.byPeer.size;
  }

  /** Bytes held in the room. */
  get heldBytes(): number {
    return this.bytes;
  }

  /** Holds `update` of `peer`; past a budget, the peer's oldest (or this one) is dropped and the peer told. */
  hold(peer: Peer, update: Uint8Array, waitingFor: ReadonlyMap<number, number>): void {
    if (update.byteLength > this.perPeer || update.byteLength > this.perRoom) return void this.refuse(peer);
    const queue = this.byPeer.get(peer) ?? [];
    this.byPeer.set(peer, queue);
    queue.push({ update, waitingFor });
    this.bytes += update.byteLength;
    let mine = queue.reduce((sum, h) => sum + h.update.byteLength, 0);
    while (queue.length > 0 && (mine > this.perPeer || this.bytes > this.perRoom)) {
      const dropped = queue.shift()!;
      mine -= dropped.update.byteLength;
      this.bytes -= dropped.update.byteLength;
      this.refuse(peer);
    }
    if (queue.length === 0) this.byPeer.delete(peer);
  }

  private refuse(peer: Peer): void {
    peer.send(encodeRejected(DROPPED));
    this.onRefused(DROPPED);
  }

  /** Forgets a departed peer's held updates. */
  drop(peer: Peer): void {
    for (const h of this.byPeer.get(peer) ?? []) this.bytes -= h.update.byteLength;
    this.byPeer.delete(peer);
  }

  /**
   * Judges again, in the order they came, the held updates whose clocks have arrived
   * (`arrived`), until no more arrive: one accepted may complete the next.
   */
  retry(arrived: (waitingFor: ReadonlyMap<number, number>) => boolean, judge: (peer: Peer, update: Uint8Array) => Rejudged): void {
    let progress = true;
    while (progress && this.byPeer.size > 0) {
      progress = false;
      for (const [peer, queue] of this.byPeer) {
        for (let i = 0; i < queue.length; ) {
          const held = queue[i];
          if (!arrived(held.waitingFor)) {
            i++;
            continue;
          }
          this.rejudged++;
          const outcome = judge(peer, held.update);
          if (outcome === 'done') {
            queue.splice(i, 1);
            this.bytes -= held.update.byteLength;
            progress = true;
          } else {
            held.waitingFor = outcome.waitingFor;
            i++;
          }
        }
        if (queue.length === 0) this.byPeer.delete(peer);
      }
    }
  }
}

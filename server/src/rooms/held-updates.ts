/**
 * Updates a room holds back because they build on a change it does not have yet. A client
 * that reconnects may send a fresh change before its sync step 2 has re-sent the offline
 * changes it builds on: held (a bounded number per peer) until those arrive, instead of
 * refused, which would make the client drop its unsent work.
 */
import { encodeRejected } from './protocol.js';
import type { Peer } from './room.js';

/** How many updates of one peer may wait for the change they build on. */
const MAX_HELD = 100;

export class HeldUpdates {
  private readonly byPeer = new Map<Peer, Uint8Array[]>();

  get size(): number {
    return this.byPeer.size;
  }

  /** Holds `update` of `peer`; past the bound, the oldest is dropped and the peer told. */
  hold(peer: Peer, update: Uint8Array): void {
    const queue = this.byPeer.get(peer) ?? [];
    queue.push(update);
    this.byPeer.set(peer, queue);
    if (queue.length > MAX_HELD) {
      queue.shift();
      peer.send(encodeRejected('the change depends on an earlier change the server does not have'));
    }
  }

  /** Forgets a departed peer's held updates. */
  drop(peer: Peer): void {
    this.byPeer.delete(peer);
  }

  /** Offers every held update to `tryUpdate` again, until none makes progress; those not 'waiting' any more are let go. */
  retry(tryUpdate: (peer: Peer, update: Uint8Array) => string): void {
    let progress = true;
    while (progress && this.byPeer.size > 0) {
      progress = false;
      for (const [peer, queue] of this.byPeer) {
        for (let i = 0; i < queue.length; ) {
          if (tryUpdate(peer, queue[i]) === 'waiting') {
            i++;
            continue;
          }
          queue.splice(i, 1);
          progress = true;
        }
        if (queue.length === 0) this.byPeer.delete(peer);
      }
    }
  }
}

/**
 * What one connection's presence may cost the room. Every presence state taken is stamped and
 * relayed to every peer, so a state's size and the rate of states are what bound the room's
 * work: a budget in messages and in bytes per second (token buckets), per connection. A
 * y-websocket client renews every 15 s and sends one small state (under 1 KiB) per selection
 * change, far inside the defaults.
 */

export interface PresenceLimits {
  /** The largest presence state, in bytes of JSON, as sent and as relayed after stamping `user`. */
  maxStateBytes: number;
  /** Presence states a connection may send at once, and per second in the long run. */
  messageBurst: number;
  messagesPerSecond: number;
  /** Bytes of presence a connection may send at once, and per second in the long run. */
  byteBurst: number;
  bytesPerSecond: number;
}

export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = {
  maxStateBytes: 8 * 1024,
  messageBurst: 60,
  messagesPerSecond: 20,
  byteBurst: 64 * 1024,
  bytesPerSecond: 16 * 1024,
};

/** A token bucket whose withdrawals have a weight (one message, or its bytes). */
class Bucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  /** Milliseconds until `cost` (at most the burst) can be taken; 0 when it can now. */
  waitFor(cost: number): number {
    this.refill();
    const missing = Math.min(cost, this.burst) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.perSecond) * 1000);
  }

  take(cost: number): void {
    this.tokens -= Math.min(cost, this.burst);
  }
}

/** One connection's presence budget. */
export class PresenceBudget {
  private readonly messages: Bucket;
  private readonly bytes: Bucket;
  /** Whether this connection was told once that a state of its was too large. */
  toldOversized = false;

  constructor(limits: PresenceLimits, now: () => number) {
    this.messages = new Bucket(limits.messageBurst, limits.messagesPerSecond, now);
    this.bytes = new Bucket(limits.byteBurst, limits.bytesPerSecond, now);
  }

  /** Milliseconds until a message of `bytes` fits the budget; 0 when it does now. */
  waitFor(bytes: number): number {
    return Math.max(this.messages.waitFor(1), this.bytes.waitFor(bytes));
  }

  /** Takes a message of `bytes` from the budget if it fits; false (nothing taken) when it does not. */
  take(bytes: number): boolean {
    if (this.waitFor(bytes) > 0) return false;
    this.messages.take(1);
    this.bytes.take(bytes);
    return true;
  }
}

/**
 * A per-connection token bucket: a connection may send `burst` messages at once and
 * `perSecond` in the long run. A y-websocket client sends one message per local change and
 * one per presence change (throttled), so a healthy client never comes near the default;
 * a runaway or hostile one is cut off before it can starve the room's event loop.
 */

export interface MessageRate {
  burst: number;
  perSecond: number;
}

export const DEFAULT_MESSAGE_RATE: MessageRate = { burst: 300, perSecond: 100 };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: MessageRate,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = rate.burst;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty (the sender is over its rate). */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.last) / 1000) * this.rate.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

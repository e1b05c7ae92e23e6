/**
 * Judges what the stored state gained since the last look as the doing of one sender: per
 * claim and root through the oracle, and what no field shows — a log that holds pending parts
 * or that Yjs cannot apply, a viewer's update stored at all, a clock past 2^53, structs under
 * a client id someone else writes with.
 */
import type * as Y from 'yjs';
import { claimKeys, claimView, rootsView, type ClaimView } from './doc-view.js';
import { judgeClaim, judgeRoots, type Sender, type Violation } from './oracle.js';
import type { ServerMirror, Touched } from './server-mirror.js';

export class StoredStateJudge {
  private readonly claims = new Map<string, ClaimView | undefined>();
  private roots: Record<string, string>;
  private pendingBefore: boolean;
  private clockBefore = 0;
  private clocks: Map<number, number>;
  /** Client ids whose writer the run knows: the honest clients' and each hostile connection's own. */
  readonly clientOwners = new Map<number, Sender>();
  /** The people behind the honest clients: the only ones who never have updates held for later. */
  readonly honest = new Set<string>();

  constructor(private readonly mirror: ServerMirror) {
    const doc: Y.Doc = mirror.doc;
    for (const key of claimKeys(doc)) this.claims.set(key, claimView(doc, key));
    this.roots = rootsView(doc);
    this.pendingBefore = mirror.hasPending();
    this.clocks = mirror.stateVector();
  }

  judge(touched: Touched, sender: Sender): Violation[] {
    const doc = this.mirror.doc;
    const now = Date.now();
    const out: Violation[] = [];
    const clocks = touched.rows > 0 ? this.mirror.stateVector() : this.clocks;
    // An update the server held for a clock gap is released by whoever's accepted update comes
    // next: a change is the sender's fault only if no writer whose clock advanced could make it.
    const writers = new Map<string, Sender>([[sender.id, sender]]);
    for (const [client, next] of clocks) {
      const owner = this.clientOwners.get(client);
      if (owner && next !== this.clocks.get(client) && !this.honest.has(owner.id)) writers.set(owner.id, owner);
    }
    for (const key of touched.claims) {
      const after = claimView(doc, key);
      const before = this.claims.get(key);
      const verdicts = [...writers.values()].map((w) => judgeClaim(key, before, after, w, now));
      if (verdicts.every((v) => v.length > 0)) out.push(...verdicts[0]);
      this.claims.set(key, after);
    }
    if (touched.roots.size) {
      const roots = rootsView(doc);
      out.push(...judgeRoots(this.roots, roots, sender));
      this.roots = roots;
    }
    // Reported when it starts: once the log holds a pending part, it stays until something fills it.
    const pending = this.mirror.hasPending();
    if (pending && !this.pendingBefore) out.push({ kind: `${sender.role}: stored an update whose effect is not known (pending structs or deletes in the log)`, detail: 'the stored log does not integrate' });
    this.pendingBefore = pending;
    for (const why of this.mirror.unreadable.splice(0)) out.push({ kind: `${sender.role}: stored an update Yjs cannot apply`, detail: why });
    if (touched.rows > 0) out.push(...this.judgeClocks(touched, sender, clocks, writers.size > 1));
    return out;
  }

  /** Takes what the server itself wrote on a typed request (a review step) as the new baseline, unjudged. */
  accept(touched: Touched): void {
    const doc = this.mirror.doc;
    for (const key of touched.claims) this.claims.set(key, claimView(doc, key));
    if (touched.roots.size) this.roots = rootsView(doc);
    if (touched.rows > 0) this.clocks = this.mirror.stateVector();
  }

  private judgeClocks(touched: Touched, sender: Sender, clocks: Map<number, number>, released: boolean): Violation[] {
    const out: Violation[] = [];
    if (sender.role === 'viewer' && !released) out.push({ kind: "viewer: an update of a viewer's was stored", detail: `${touched.rows} rows` });
    const highest = Math.max(0, ...clocks.values());
    if (highest > Number.MAX_SAFE_INTEGER && this.clockBefore <= Number.MAX_SAFE_INTEGER) {
      out.push({ kind: `${sender.role}: stored a client clock past 2^53 (Yjs clocks lose precision)`, detail: `clock ${highest}` });
    }
    this.clockBefore = highest;
    // Their owner's next change would collide with these clocks. (A hostile owner's own held update may land in anyone's turn.)
    for (const [client, next] of clocks) {
      const owner = this.clientOwners.get(client);
      if (next !== this.clocks.get(client) && owner && owner.id !== sender.id && this.honest.has(owner.id)) {
        out.push({ kind: `${sender.role}: stored structs under another person's client id`, detail: `client ${client} of ${owner.role} ${owner.name}` });
      }
    }
    this.clocks = clocks;
    return out;
  }
}

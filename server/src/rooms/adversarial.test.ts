/**
 * The server is the authority: hostile clients of every role send hand-encoded and forged
 * Yjs updates (Skip and GC structs, foreign and reused client ids, clock gaps, split and
 * reordered updates, deletes of others' and future items, nested types, huge lengths,
 * writes to meta and article, forged status, review, history and timestamps, awareness
 * floods) next to honest y-websocket clients, and an oracle that shares no code with the gate
 * judges every stored change against its sender's rights. FUZZ_SEED=<n> replays a run;
 * `npm run fuzz` runs a long one (testing/adversary/README.md).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate, type RawUpdate } from '../testing/adversary/update-encoder.js';
import { runCampaign } from '../testing/adversary/campaign.js';
import { judgeClaim, type Sender } from '../testing/adversary/oracle.js';
import type { ClaimView } from '../testing/adversary/doc-view.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261208);
const MESSAGES = Number(process.env.FUZZ_MESSAGES ?? 20_000);

describe('the hand encoder', () => {
  it('writes updates that Yjs reads back struct for struct', () => {
    const update: RawUpdate = {
      clients: [
        {
          client: 7,
          clock: 3,
          structs: [
            { kind: 'item', parent: { root: 'annotations' }, parentSub: 'c1', content: { kind: 'type', typeRef: 1 } },
            { kind: 'item', parent: { item: { client: 7, clock: 3 } }, parentSub: 'status', content: { kind: 'any', values: ['approved'] } },
            { kind: 'item', origin: { client: 7, clock: 4 }, content: { kind: 'string', text: 'ab' } },
            { kind: 'gc', length: 2 },
            { kind: 'skip', length: 4 },
          ],
        },
      ],
      deletes: [{ client: 9, clock: 100, length: 5 }],
    };
    const decoded = Y.decodeUpdate(encodeUpdate(update));
    expect(decoded.structs.map((s) => [s.constructor.name, s.id.client, s.id.clock, s.length])).toEqual([
      ['Item', 7, 3, 1],
      ['Item', 7, 4, 1],
      ['Item', 7, 5, 2],
      ['GC', 7, 7, 2],
      ['Skip', 7, 9, 4],
    ]);
    const status = decoded.structs[1] as Y.Item;
    expect([status.parentSub, status.content.getContent()]).toEqual(['status', ['approved']]);
    expect([...decoded.ds.clients.get(9)!].map((d) => [d.clock, d.len])).toEqual([[100, 5]]);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, encodeUpdate({ clients: [{ client: 7, clock: 0, structs: update.clients[0].structs.slice(0, 2).map((s, i) => (i === 1 ? { ...s, parent: { item: { client: 7, clock: 0 } } } : s)) }], deletes: [] }));
    expect(doc.getMap('annotations').toJSON()).toEqual({ c1: { status: 'approved' } });
  });
});

describe('the oracle', () => {
  const anna: Sender = { id: 'anna', name: 'Anna', role: 'annotator' };
  const rex: Sender = { id: 'rex', name: 'Rex', role: 'reviewer' };
  const now = Date.now();
  const at = new Date(now).toISOString();
  const claim = (fields: Record<string, unknown>): ClaimView => {
    const all = { id: 'c1', author: { id: 'anna', name: 'Anna' }, createdAt: at, updatedAt: at, verdict: 'true', rationale: 'r', status: 'draft', review: null, history: [], thread: {}, ...fields };
    const shapes = Object.fromEntries(Object.keys(all).map((k) => [k, k === 'history' ? 'YArray' : k === 'thread' ? 'YMap' : 'value']));
    return { kind: 'YMap', fields: all, shapes, hiddenContent: [] };
  };
  const kinds = (before: ClaimView | undefined, after: ClaimView | undefined, sender: Sender) => judgeClaim('c1', before, after, sender, now).map((v) => v.kind);

  it('lets an author edit their claim, with the edit recorded', () => {
    const edited = claim({ rationale: 'better', updatedAt: at, history: [{ at, by: { id: 'anna' }, action: 'edited', fields: ['rationale'] }] });
    expect(kinds(claim({}), edited, anna)).toEqual([]);
  });

  it('counts the server reopening a changed sign-off as part of the change', () => {
    const approved = claim({ status: 'approved' });
    const reopened = claim({ status: 'in-review', rationale: 'changed', history: [{ at, by: { id: 'factdesk' }, action: 'reopened' }] });
    expect(kinds(approved, reopened, anna)).toEqual([]);
  });

  it("refuses a reviewer approving someone's claim, an edit of it, and its deletion", () => {
    const approved = claim({ status: 'approved', review: { decision: 'approved', reviewer: { id: 'rex' }, at, comment: '' } });
    expect(kinds(claim({}), approved, rex)).toEqual(['reviewer: changed the status', 'reviewer: changed review']);
    expect(kinds(claim({}), claim({ verdict: 'false' }), rex)).toEqual(["reviewer: edited someone else's claim"]);
    expect(kinds(claim({}), undefined, rex)).toEqual(["reviewer: deleted someone else's claim"]);
    expect(kinds(approved, undefined, anna)).toEqual(['annotator: deleted an approved claim']);
  });

  it('refuses forged history, timestamps and fields outside the schema', () => {
    expect(kinds(claim({}), claim({ history: [{ at, by: { id: 'anna' }, action: 'approved' }] }), anna)).toEqual(['annotator: appended a forged history entry']);
    expect(kinds(claim({}), claim({ updatedAt: '2001-01-01T00:00:00.000Z' }), anna)).toEqual(['annotator: changed updatedAt without a content change']);
    expect(kinds(claim({}), claim({ evil: true }), anna)).toEqual(['annotator: added a field outside the claim schema']);
    expect(kinds(undefined, claim({ author: { id: 'rex' } }), anna)).toEqual(["annotator: created a claim in someone else's name"]);
  });

  it('sees forgeries land when the gate is switched off', async () => {
    const result = await runCampaign({ seed: SEED, messages: 1_000, gateOff: true });
    console.log(`gate off, seed ${SEED}: ${result.distinct.length} kinds of violation seen`);
    const kinds = result.distinct.map((f) => f.kind).join('\n');
    for (const kind of [
      'viewer: a viewer changed a claim',
      "edited someone else's claim",
      ': changed the status',
      ': changed review',
      ': wrote the meta root',
      ': added a field outside the claim schema',
      'client differs from the stored state',
    ]) {
      expect(kinds).toContain(kind);
    }
  }, 60_000);
});

describe('the server under hostile clients', () => {
  it(
    'lets no sender change more than its rights allow, relays nothing it refused, keeps honest clients converged, and stays up within bounded memory',
    async () => {
      const result = await runCampaign({ seed: SEED, messages: MESSAGES, log: (line) => console.log(line) });
      const summary = result.distinct.map((f) => `${f.kind} ×${f.count}\n    first at plan ${f.index}: ${f.detail}\n    message: ${f.plan}`).join('\n');
      console.log(
        `by kind ${JSON.stringify(result.byKind)}\ntimings ${JSON.stringify(result.timings, (k, v) => (typeof v === "number" ? Math.round(v) : v))}\nseed ${SEED}: ${result.sent} messages (${result.plans} plans) in ${(result.ms / 1000).toFixed(1)} s; ${result.refused} refused, ${result.accepted} accepted; closes ${JSON.stringify(result.closes)}; heap +${result.heapGrowthMiB.toFixed(1)} MiB`,
      );
      expect(result.sent).toBeGreaterThanOrEqual(MESSAGES);
      expect(summary, `violations (replay with FUZZ_SEED=${SEED})`).toBe('');
    },
    110_000,
  );
});

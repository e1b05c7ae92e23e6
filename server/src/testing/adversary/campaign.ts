/**
 * One adversarial run against the real in-process server: hostile raw clients of every role
 * send planned messages next to honest y-websocket clients making allowed changes. After every
 * plan the stored state is read back and each change judged against its sender's rights
 * (oracle.ts); every `fullCheckEvery` plans the honest clients and a watcher must equal the
 * stored state, the server must answer /healthz and its heap must stay bounded.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { createClaim, deleteClaim, replyToClaim, updateClaim, type ClaimInput } from '@factdesk/shared';
import { startFuzzServer } from './fuzz-server.js';
import { connectCollab, type CollabClient } from '../collab-client.js';
import { seededRandom } from '../fuzz-frames.js';
import { docJson } from './doc-view.js';
import { forge, type Frame, type HostileState } from './forge.js';
import type { Role, Sender, Violation } from './oracle.js';
import { describePlan, planStream, SENDERS, type Plan } from './plans.js';
import { handled, RawSocket } from './raw-socket.js';
import { ServerMirror, type Touched } from './server-mirror.js';
import { StoredStateJudge } from './stored-judge.js';

export const DOC = 'us-russia-un-resolution';

export interface CampaignOptions {
  seed: number;
  /** How many hostile messages (frames) to send at least. */
  messages: number;
  /** Plans between full checks (convergence, health, memory). */
  fullCheckEvery?: number;
  /** Plans between honest changes. */
  honestEvery?: number;
  /** Heap growth allowed over the start, beyond ten times what the log stores. */
  heapAllowanceMiB?: number;
  log?: (line: string) => void;
  /** Asked before every plan: true ends the run early (a time budget, Ctrl-C), with its summary. */
  stop?: () => boolean;
  /** End the run once the stored state is corrupt (a clock past 2^53, a log Yjs cannot apply): what follows is fallout. */
  stopOnCorruption?: boolean;
  /** Only for the oracle's self-test: the server without its gate. */
  gateOff?: boolean;
}

export interface Finding extends Violation {
  seed: number;
  /** Index of the plan after which it showed. */
  index: number;
  sender: string;
  /** The message that caused it (the last plan sent before it showed). */
  plan: string;
  frames: string[];
}

export interface CampaignResult {
  seed: number;
  plans: number;
  sent: number;
  refused: number;
  accepted: number;
  closes: Record<string, number>;
  findings: Finding[];
  /** One finding per kind, the first seen, with how often the kind showed. */
  distinct: (Finding & { count: number })[];
  ms: number;
  heapGrowthMiB: number;
  /** Messages sent and refused, by kind of plan. */
  byKind: Record<string, { sent: number; refused: number }>;
  /** Where the time went, in ms. */
  timings: Record<string, number>;
  /** Whether the run ended early because the stored state became corrupt. */
  corrupted: boolean;
}

/** A real collection of garbage, when V8 lets us ask for one. */
function collectGarbage(): boolean {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('typeof gc === "function" ? gc : null') as (() => void) | null;
  gc?.();
  return gc !== null;
}

const TARGET = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
const hex = (b: Uint8Array) => Buffer.from(b.subarray(0, 160)).toString('hex') + (b.length > 160 ? `…(${b.length} bytes)` : '');

interface Person extends Sender {
  token: string;
}

interface Honest {
  person: Person;
  client: CollabClient;
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const { seed, messages } = options;
  const fullCheckEvery = options.fullCheckEvery ?? 250;
  const honestEvery = options.honestEvery ?? 25;
  const log = options.log ?? (() => {});
  const server = await startFuzzServer({ checkUpdates: !options.gateOff });
  const opened: { close(): void }[] = [];
  const honest: Honest[] = [];
  try {
    const person = async (login: string, role: Role): Promise<Person> => {
      const { id, token } = await server.addUser(login, role);
      return { id, name: login, role, token };
    };
    const wsUrl = (p: Person) => `${server.url.replace('http', 'ws')}/collab/${DOC}?token=${p.token}`;
    const hostilePeople = { viewer: await person('vera', 'viewer'), annotator: await person('mallory', 'annotator'), reviewer: await person('rex', 'reviewer'), admin: await person('ada', 'admin') };
    const honestPeople = [await person('anna', 'annotator'), await person('rita', 'reviewer'), await person('adam', 'admin')];
    const watcherPerson = await person('wendy', 'viewer');
    const barrierPerson = await person('bart', 'viewer');
    const everyone = [...Object.values(hostilePeople), ...honestPeople];

    const barrier = new RawSocket(wsUrl(barrierPerson));
    opened.push(barrier);
    const mirror = new ServerMirror(server.db, DOC);
    opened.push({ close: () => mirror.destroy() });
    const settle = async () => {
      await barrier.stored(Y.encodeStateVector(mirror.doc));
      return mirror.refresh();
    };

    for (const p of honestPeople) honest.push({ person: p, client: connectCollab(server.url, DOC, p.token) });
    const watcher = connectCollab(server.url, DOC, watcherPerson.token);
    opened.push(...[watcher, ...honest.map((h) => h.client)].map((c) => ({ close: () => c.destroy() })));
    await Promise.all([watcher, ...honest.map((h) => h.client)].map((c) => c.synced()));

    const findings: Finding[] = [];
    const distinct = new Map<string, Finding & { count: number }>();
    let corrupted = false;
    const record = (violations: Violation[], index: number, sender: Sender, plan: string, frames: string[]) => {
      for (const v of violations) {
        if (/clock past 2\^53|cannot apply/.test(v.kind)) corrupted = true;
        const finding: Finding = { ...v, seed, index, sender: `${sender.role} ${sender.name}`, plan, frames };
        if (findings.length < 10_000) findings.push(finding);
        const seen = distinct.get(v.kind);
        if (seen) seen.count++;
        else {
          distinct.set(v.kind, { ...finding, count: 1 });
          log(`VIOLATION (seed ${seed}, plan ${index}) ${v.kind} — ${v.detail}\n  message: ${plan}\n  frames: ${frames.join(' ')}`);
        }
      }
    };
    await settle();
    const stored = new StoredStateJudge(mirror);
    const judge = (touched: Touched, sender: Sender) => stored.judge(touched, sender);
    const noteClients = () => {
      for (const h of honest) {
        stored.clientOwners.set(h.client.doc.clientID, h.person);
        stored.honest.add(h.person.id);
      }
      for (const { person: p, state } of hostiles.values()) {
        stored.clientOwners.set(state.clientId, p);
        stored.clientOwners.set(state.forgeClientId, p);
      }
    };

    // Claims of several people to aim at, each with a comment by someone else.
    const rand0 = seededRandom(seed);
    const honestChange = async (h: Honest, change: (doc: Y.Doc) => void, index: number, label: string) => {
      const rejectedBefore = h.client.rejections.length;
      try {
        change(h.client.doc);
      } catch {
        return; // the claim was broken by a forgery that got through: reported already
      }
      let touched: Touched = { claims: new Set(), roots: new Set(), rows: 0 };
      for (let i = 0; i < 200 && touched.rows === 0 && h.client.rejections.length === rejectedBefore; i++) {
        const ws = h.client.provider.ws as unknown as WebSocket | null;
        if (ws) await handled(ws);
        const more = await settle();
        touched = { claims: new Set([...touched.claims, ...more.claims]), roots: new Set([...touched.roots, ...more.roots]), rows: touched.rows + more.rows };
      }
      record(judge(touched, h.person), index, h.person, `honest ${label}`, []);
      if (h.client.rejections.length > rejectedBefore) {
        record([{ kind: `${h.person.role}: an allowed change was refused`, detail: `${label}: ${h.client.rejections.at(-1)}` }], index, h.person, `honest ${label}`, []);
      }
    };
    const claimsOf = (doc: Y.Doc, who?: string) => {
      const out: string[] = [];
      doc.getMap('annotations').forEach((m, k) => m instanceof Y.Map && (who === undefined || (m.get('author') as { id?: string })?.id === who) && out.push(k));
      return out.sort();
    };
    const input = (n: number): ClaimInput => ({ target: TARGET, verdict: 'mostly-true', rationale: `honest ${n}`, sources: [] });
    /**
     * Approved claims to aim at: the honest annotator submits one of hers and the honest reviewer
     * approves it, through the typed requests (the server writes the status, review and history).
     * A server without them answers 404 and the step is skipped.
     */
    const reviewStep = async (rand: () => number) => {
      const [author, reviewer] = [honest[0], honest[1]];
      const drafts = claimsOf(mirror.doc, author.person.id).filter((id) => (mirror.doc.getMap('annotations').get(id) as Y.Map<unknown>).get('status') === 'draft');
      if (!drafts.length) return;
      const id = drafts[Math.floor(rand() * drafts.length)];
      for (const [who, action] of [[author, 'submit'], [reviewer, 'approve']] as const) {
        const answer = await fetch(`${server.url}/api/documents/${DOC}/claims/${encodeURIComponent(id)}/transitions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${who.person.token}` },
          body: JSON.stringify({ action }),
        });
        await answer.arrayBuffer();
        stored.accept(await settle());
        if (answer.status !== 200) return;
      }
    };
    const honestTurn = async (index: number, rand: () => number) => {
      const h = honest[Math.floor(rand() * honest.length)];
      await h.client.synced();
      const doc = h.client.doc;
      const own = claimsOf(doc, h.person.id);
      const all = claimsOf(doc);
      const r = rand();
      if (r < 0.12) return reviewStep(rand);
      // Hostile claims the gate lets through (an annotator may create claims) would grow the doc without end: the admin clears them.
      if (h.person.role === 'admin' && all.length > 60) {
        const extra = all.filter((id) => !id.startsWith('honest-')).slice(0, all.length - 40);
        if (extra.length) return honestChange(h, (d) => d.transact(() => extra.forEach((id) => deleteClaim(d, id))), index, 'deletes claims');
      }
      if (own.length < 3 || r < 0.25) {
        const id = `honest-${seed}-${index}`;
        return honestChange(h, (d) => createClaim(d, { id: h.person.id, name: h.person.name }, input(index), id), index, 'creates a claim');
      }
      if (r < 0.6) {
        const id = h.person.role === 'admin' ? all[Math.floor(rand() * all.length)] : own[Math.floor(rand() * own.length)];
        return honestChange(h, (d) => updateClaim(d, id, { rationale: `edit ${index}`, tags: [`t${index % 7}`] }), index, 'edits a claim');
      }
      if (r < 0.9 || h.person.role !== 'admin') {
        const id = all[Math.floor(rand() * all.length)];
        return honestChange(h, (d) => replyToClaim(d, id, { id: h.person.id, name: h.person.name }, `comment ${index}`, new Date(), `c-${seed}-${index}`), index, 'comments');
      }
      const notMine = all.filter((id) => !own.includes(id));
      if (notMine.length > 6) return honestChange(h, (d) => deleteClaim(d, notMine[0]), index, 'deletes a claim');
    };
    for (let i = 0; i < 6; i++) await honestTurn(-1 - i, rand0);

    const hostiles = new Map<string, { socket: RawSocket; state: HostileState; person: Person }>();
    for (const role of SENDERS) {
      const socket = new RawSocket(wsUrl(hostilePeople[role]));
      opened.push(socket);
      hostiles.set(role, { socket, person: hostilePeople[role], state: { clientId: Math.floor(rand0() * 2 ** 32), forgeClientId: Math.floor(rand0() * 2 ** 32), forgeDoc: null, filler: null } });
    }

    const gcForced = collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    let heapGrowthMiB = 0;
    const storedBytes = () =>
      (server.db.prepare('SELECT (SELECT coalesce(sum(length(data)), 0) FROM doc_updates) + (SELECT coalesce(sum(length(data)), 0) FROM doc_snapshots) AS n').get() as { n: number }).n;

    const fullCheck = async (index: number) => {
      await settle();
      const stored = docJson(mirror.doc);
      for (const c of [watcher, ...honest.map((h) => h.client)]) {
        let same = false;
        for (let i = 0; i < 100 && !same; i++) {
          const ws = c.provider.ws as unknown as WebSocket | null;
          if (ws) await handled(ws);
          same = c.provider.synced && docJson(c.doc) === stored;
        }
        if (!same) {
          const who = c === watcher ? watcherPerson : honest.find((h) => h.client === c)!.person;
          record([{ kind: `${who.role} client differs from the stored state`, detail: `${who.name} after plan ${index}` }], index, who, 'convergence', []);
        }
      }
      const health = await fetch(`${server.url}/healthz`).then((r) => r.status, () => 0);
      if (health !== 200) record([{ kind: 'server stopped answering /healthz', detail: `status ${health}` }], index, watcherPerson, 'health', []);
      collectGarbage();
      heapGrowthMiB = (process.memoryUsage().heapUsed - baseline) / 2 ** 20;
      const allowance = (options.heapAllowanceMiB ?? 96) + (10 * storedBytes()) / 2 ** 20;
      if (gcForced && heapGrowthMiB > allowance) {
        record([{ kind: 'heap grew beyond its bound', detail: `${heapGrowthMiB.toFixed(1)} MiB > ${allowance.toFixed(1)} MiB` }], index, watcherPerson, 'memory', []);
      }
    };

    const started = performance.now();
    let sent = 0;
    let refused = 0;
    let index = 0;
    let forgeErrors = 0;
    const byKind: Record<string, { sent: number; refused: number }> = {};
    const timings: Record<string, number> = { forge: 0, send: 0, settle: 0, judge: 0, honest: 0, full: 0 };
    let mark = performance.now();
    const lap = (what: string) => {
      const now = performance.now();
      timings[what] += now - mark;
      mark = now;
    };
    // Plans that send nothing (nothing to aim at) do not count; a generous cap keeps the stream finite.
    for (const plan of planStream(seed, messages * 2)) {
      if (sent >= messages || options.stop?.() || (corrupted && options.stopOnCorruption)) break;
      mark = performance.now();
      noteClients();
      const rand = seededRandom((seed ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
      const hostile = hostiles.get(plan.sender)!;
      const sender = hostile.person;
      let frames: Frame[] = [];
      try {
        frames = forge(plan as Plan, {
          mirror: mirror.doc,
          mirrorVersion: mirror.version,
          sender,
          others: everyone.filter((p) => p.id !== sender.id),
          foreignClients: honest.map((h) => h.client.doc.clientID),
          hostile: hostile.state,
          rand,
        });
      } catch (error) {
        // The stored state can break Yjs itself (see "cannot apply"): the plan is skipped, the run goes on.
        hostile.state.forgeDoc = null;
        forgeErrors++;
        if (forgeErrors <= 3) log(`plan ${index} could not be forged: ${(error as Error).message}`);
      }
      lap('forge');
      if (frames.length) {
        const rejectionsBefore = hostile.socket.rejections;
        const closesBefore = hostile.socket.closedCount;
        await hostile.socket.send(frames.map((f) => f.bytes));
        sent += frames.length;
        const refusedNow = hostile.socket.rejections - rejectionsBefore + hostile.socket.closedCount - closesBefore;
        refused += Math.min(frames.length, refusedNow);
        if (refusedNow > 0) hostile.state.forgeDoc = null;
        const kind = (byKind[plan.kind] ??= { sent: 0, refused: 0 });
        kind.sent += frames.length;
        kind.refused += Math.min(frames.length, refusedNow);
        lap('send');
        const touched = await settle();
        lap('settle');
        const violations = judge(touched, sender);
        lap('judge');
        const described = (frames[0].filler ? 'the structs filling the gap an earlier plan left, then ' : '') + describePlan(plan);
        if (violations.length) record(violations, index, sender, described, frames.map((f) => hex(f.bytes)));
      }
      index++;
      if (index % honestEvery === 0) {
        await honestTurn(index, rand);
        lap('honest');
      }
      if (index % fullCheckEvery === 0) {
        await fullCheck(index);
        lap('full');
        log(`plan ${index}: ${sent} sent, ${refused} refused, ${distinct.size} kinds of violation, ${(performance.now() - started) / 1000 | 0} s`);
      }
    }
    await fullCheck(index);
    const closes: Record<string, number> = {};
    for (const { socket } of hostiles.values()) for (const [code, n] of socket.closes) closes[code] = (closes[code] ?? 0) + n;
    return {
      seed,
      plans: index,
      sent,
      refused,
      accepted: sent - refused,
      closes,
      findings,
      distinct: [...distinct.values()],
      ms: performance.now() - started,
      heapGrowthMiB,
      byKind,
      timings,
      corrupted,
    };
  } finally {
    for (const o of opened) {
      try {
        o.close();
      } catch {
        // A provider whose doc took a new client id (a forgery under its id got through) fails to say goodbye.
      }
    }
    await server.close();
  }
}

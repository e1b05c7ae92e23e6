/**
 * What the per-update permission checks cost: CPU time for a room to accept N small claim
 * updates (stored in a real SQLite log) with the checks on, against the same room applying
 * them unchecked. Both run in this process on the same generated updates, alternating.
 */
import * as Y from 'yjs';
import { createClaim, updateClaim, type Actor } from '@factdesk/shared';
import { openDatabase } from '../src/db/database.js';
import { createSqliteUpdateLog } from '../src/persistence/update-log.js';
import { createDocumentFromText } from '../src/documents/create-from-text.js';
import { createDocumentRepository } from '../src/documents/documents.js';
import { Room, type Peer } from '../src/rooms/room.js';
import { DEFAULT_RULES } from '@factdesk/shared';
import { makeTempDir } from '../src/testing/temp-dir.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SEED = fileURLToPath(new URL('../../seeds/us-russia-un-resolution.txt', import.meta.url));
const author: Actor = { id: 'u-bench', login: 'bench', name: 'Bench Annotator', role: 'annotator' };

export interface OverheadResult {
  updates: number;
  runs: number;
  checkedCpuMs: number;
  uncheckedCpuMs: number;
  overhead: number;
}

/** A fresh data dir with the seed article, as a server would have it after first start. */
function freshRoom() {
  const dir = makeTempDir('factdesk-bench-');
  const db = openDatabase(dir.path);
  const log = createSqliteUpdateLog(db);
  const documents = createDocumentRepository(db);
  createDocumentFromText({ db, documents, log }, { id: 'seed', title: 'Seed', text: readFileSync(SEED, 'utf8') });
  const room = new Room('seed', log, DEFAULT_RULES, () => {});
  return { room, dispose: () => (room.destroy(1001, 'done'), db.close(), dir.remove()) };
}

/** N small updates as one annotator's client makes them: a claim created, then edited. */
function generateUpdates(base: Y.Doc, n: number): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  const target = { version: 1, quote: { exact: 'UNITED NATIONS', prefix: '', suffix: '' }, position: { start: 0, end: 14 } };
  const ids: string[] = [];
  while (updates.length < n) {
    if (ids.length < 50 || updates.length % 10 === 0) {
      ids.push(createClaim(client, author, { target, verdict: 'mixed', rationale: 'first look', sources: [] }));
    } else {
      updateClaim(client, ids[updates.length % ids.length], author, { rationale: `edit ${updates.length}` });
    }
  }
  return updates.slice(0, n);
}

const peer: Peer = { actor: author, send: () => {}, close: () => {} };

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Measures checked vs unchecked acceptance of `updates` updates, `runs` times each (median). */
export function measureValidationOverhead(updates = 10_000, runs = 5): OverheadResult {
  const template = freshRoom();
  const generated = generateUpdates(template.room.doc, updates);
  template.dispose();
  const checked: number[] = [];
  const unchecked: number[] = [];
  // Run -1 warms up the JIT and the lazily built schemas; it is not counted.
  for (let run = -1; run < runs; run++) {
    for (const mode of run % 2 ? (['unchecked', 'checked'] as const) : (['checked', 'unchecked'] as const)) {
      const { room, dispose } = freshRoom();
      const ms = cpuMs(() => {
        for (const u of generated) {
          if (mode === 'checked') {
            if (room.receiveUpdate(peer, u) !== 'accepted') throw new Error('bench update refused');
          } else {
            Y.applyUpdate(room.doc, u, peer);
          }
        }
      });
      if (run >= 0) (mode === 'checked' ? checked : unchecked).push(ms);
      dispose();
    }
  }
  const checkedCpuMs = median(checked);
  const uncheckedCpuMs = median(unchecked);
  return { updates, runs, checkedCpuMs, uncheckedCpuMs, overhead: checkedCpuMs / uncheckedCpuMs - 1 };
}

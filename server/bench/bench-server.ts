/**
 * The server under benchmark, in its own process: `tsx server/bench/bench-server.ts
 * <dataDir> <checked|unchecked> [options as JSON]`. Before it listens it creates the bench
 * articles the options ask for (`bench-0` … each the seed article, optionally with claims),
 * so a scenario measures serving them, not importing them. Prints its URL once it listens;
 * stops on SIGTERM or when its stdin closes (the bench process is gone). Bench-only hooks
 * on stdin: the line `gc` forces a garbage collection (the process runs with --expose-gc)
 * and answers `rss <bytes> heap <bytes> total <bytes> external <bytes>`; `heap <file>`
 * writes a heap snapshot there.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { writeHeapSnapshot } from 'node:v8';
import * as Y from 'yjs';
import { articleSchema, canonicalText, createStampedClaim, importPlainText } from '@factdesk/shared';
import { startServer } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { createDocumentFromText } from '../src/documents/create-from-text.js';
import { createDocumentRepository } from '../src/documents/documents.js';
import { createSqliteUpdateLog } from '../src/persistence/update-log.js';
import { benchClaims } from './export-html.js';
import { BENCH_ADMIN_PASSWORD, BENCH_DOC_PREFIX, type BenchServerOptions } from './bench-options.js';

const [dataDir, mode, json] = process.argv.slice(2);
const options = (json ? JSON.parse(json) : {}) as BenchServerOptions;
const SEED_TEXT = readFileSync(new URL('../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');

/** One update holding `count` claims spread over the seed article, shared by every bench article. */
function claimsUpdate(count: number): Uint8Array {
  const text = canonicalText(articleSchema.nodeFromJSON(importPlainText(SEED_TEXT)));
  const doc = new Y.Doc();
  const at = new Date('2026-11-20T10:00:00.000Z');
  doc.transact(() => {
    for (const claim of benchClaims(text, count)) {
      const { target, verdict, rationale, sources } = claim;
      createStampedClaim(doc, claim.author, { target, verdict, rationale, sources }, at, claim.id);
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Creates the bench articles; with claims, each is stored as one snapshot, as after compaction. */
function prepareArticles(rooms: number, claims: number): void {
  if (rooms === 0) return;
  const db = openDatabase(dataDir);
  try {
    const log = createSqliteUpdateLog(db);
    const stores = { db, documents: createDocumentRepository(db), log };
    const withClaims = claims > 0 ? claimsUpdate(claims) : null;
    for (let i = 0; i < rooms; i++) {
      const id = `${BENCH_DOC_PREFIX}${i}`;
      createDocumentFromText(stores, { id, title: `Bench article ${i}`, text: SEED_TEXT });
      if (withClaims) log.compact(id, Y.mergeUpdates([...log.load(id), withClaims]), 1);
    }
  } finally {
    db.close();
  }
}

prepareArticles(options.rooms ?? 0, options.claims ?? 0);

const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir, adminPassword: BENCH_ADMIN_PASSWORD };
// The load generator runs thousands of sockets and updates per second from one address: lift
// the flood guards, which would rightly close them; what is measured is serving, not refusing.
const roomLimits = { messageBurst: 1_000_000, messagesPerSecond: 1_000_000, connectionsPerAddress: 1_000_000 };
const server = await startServer(config, { log: () => {}, checkUpdates: mode !== 'unchecked', roomLimits });

const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  createInterface({ input: process.stdin }).on('line', (line) => {
    // `heap <file>`: a heap snapshot, to find what holds the memory a scenario measures.
    if (line.startsWith('heap ')) return void console.log(`heap written ${writeHeapSnapshot(line.slice(5).trim())}`);
    if (line.trim() !== 'gc') return;
    gc();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    console.log(`rss ${rss} heap ${heapUsed} total ${heapTotal} external ${external}`);
  });
}
console.log(`listening ${server.url}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
// The bench process holds our stdin: when it is gone, however it died, so are we.
process.stdin.on('end', stop).resume();

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleSchema, canonicalText, claimsMap, createStampedClaim, readArticleVersion, setClaimStatus, targetFromRange } from '@factdesk/shared';
import type { Db } from '../db/database.js';
import { openDatabase } from '../db/database.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { runCli } from '../cli/run.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { REPAIR_ACTION } from './repair.js';

const ARTICLE = 'Bridge opens\n\nThe new bridge cost 40 million euros. It opened in May after two years of work.';
const DOC = 'bridge';
const ANA = { id: 'u-ana', name: 'Ana' };
const RITA = { id: 'u-rita', name: 'Rita' };
const HUGE_KEY = 'k'.repeat(1_000);
const HUGE = '<script>'.repeat(112_500);

/** Writes claims with bad stored values into the document's update log, as a hole in the checks once let through. */
async function storeBadValues(db: Db): Promise<void> {
  const log = createSqliteUpdateLog(db);
  const doc = new Y.Doc();
  try {
    for (const update of log.load(DOC)) Y.applyUpdate(doc, update);
    doc.on('update', (update: Uint8Array) => log.append(DOC, update));
    const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(doc)!.doc));
    const targetOf = (exact: string) => targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1);
    const make = (exact: string) => createStampedClaim(doc, ANA, { target: targetOf(exact), verdict: 'true', rationale: 'ok', sources: [] });
    const verdict = make('cost 40 million euros');
    setClaimStatus(doc, verdict, 'approved', RITA, { action: 'approved' }, { decision: 'approved', reviewer: RITA, at: '2026-11-25T11:00:00.000Z', comment: '' });
    const target = make('opened in May');
    const sources = make('two years of work');
    const huge = make('The new bridge');
    doc.transact(() => {
      const map = (id: string) => claimsMap(doc).get(id)!;
      map(verdict).set('verdict', 'totally-made-up');
      map(target).set('target', { version: 1, quote: { exact: 'opened in May', prefix: '', suffix: '' } });
      map(sources).set('sources', [{ url: 'javascript:alert(1)', title: 'x' }, { url: 'https://example.org/r', title: 'Report' }]);
      map(huge).set(HUGE_KEY, HUGE);
      (claimsMap(doc) as Y.Map<unknown>).set('not-a-claim', 'just a string');
    });
  } finally {
    doc.destroy();
    await log.close?.();
  }
}

function auditOf(db: Db): { action: string; detail: string }[] {
  return db.prepare('SELECT action, detail FROM audit_log WHERE action = ? ORDER BY id').all(REPAIR_ACTION) as { action: string; detail: string }[];
}

describe('bad claim values stored in a document', () => {
  const servers: TestServer[] = [];
  const dirs: ReturnType<typeof makeTempDir>[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    for (const dir of dirs.splice(0)) dir.remove();
  });
  const start = async (dataDir?: string) => {
    const server = await startTestServer({ dataDir, seeds: { [`${DOC}.txt`]: ARTICLE } });
    servers.push(server);
    return server;
  };

  it('leave every export answering 200, with the flagged claims marked', async () => {
    const t = await start();
    // Stored while the server runs, before any room holds the document: what the export then reads.
    await storeBadValues(t.server.db);
    const token = await t.adminToken();
    const exportOf = (format: string) => t.call(`/api/documents/${DOC}/export?format=${format}&include=all`, { token });

    const html = await exportOf('html');
    expect(html.status).toBe(200);
    expect(html.body).toContain('Invalid verdict');
    expect(html.body).toContain('class="invalid-note"');
    expect(html.body).not.toContain('javascript:');
    const jsonld = await exportOf('jsonld');
    expect(jsonld.status).toBe(200);
    expect(JSON.parse(jsonld.body).first.items).toHaveLength(4);
    const csv = await exportOf('csv');
    expect(csv.status).toBe(200);
    expect(csv.body.split('\r\n')[0]).toMatch(/,Invalid fields$/);
    expect((await t.call(`/api/documents/${DOC}/export?format=html`, { token })).status).toBe(200);
  });

  it('are removed at the next start, each recorded in the audit log without the value, and the start after finds nothing', async () => {
    const dir = makeTempDir('factdesk-repair-');
    dirs.push(dir);
    const dataDir = join(dir.path, 'data');
    const first = await start(dataDir);
    await storeBadValues(first.server.db);
    await first.close();
    servers.splice(0);

    const second = await start(dataDir);
    expect(second.logs.some((line) => line.startsWith(`Document ${DOC}: removed 5 bad stored claim values`))).toBe(true);
    const entries = auditOf(second.server.db);
    expect(entries).toHaveLength(5);
    for (const entry of entries) expect(entry.detail.length).toBeLessThan(1_000);
    const details = entries.map((entry) => JSON.parse(entry.detail));
    expect(details.map((d) => d.field).sort()).toEqual(['(entry)', 'k'.repeat(40) + '…', 'sources', 'target', 'verdict'].sort());
    expect(details.find((d) => d.field === 'k'.repeat(40) + '…')).toMatchObject({ documentId: DOC, size: HUGE.length + 2 });
    expect(details.find((d) => d.field === 'k'.repeat(40) + '…').preview).not.toContain('<');
    const csv = await second.call(`/api/documents/${DOC}/export?format=csv&include=all`, { token: await second.adminToken() });
    expect(csv.body).not.toContain('javascript:');
    await second.close();
    servers.splice(0);

    const third = await start(dataDir);
    expect(third.logs.some((line) => line.includes('bad stored claim value'))).toBe(false);
    expect(auditOf(third.server.db)).toHaveLength(5);
  });

  it('are listed by `repair --dry-run` and removed by `repair`, once', async () => {
    const dir = makeTempDir('factdesk-repair-');
    dirs.push(dir);
    const dataDir = join(dir.path, 'data');
    // Made by a server that then stopped: the command works on its data directory.
    const made = await start(dataDir);
    await made.close();
    servers.splice(0);
    const db = openDatabase(dataDir);
    try {
      await storeBadValues(db);
    } finally {
      db.close();
    }

    const run = async (...args: string[]) => {
      const out: string[] = [];
      const code = await runCli(['repair', ...args], { env: { DATA_DIR: dataDir }, out: (line) => out.push(line), err: (line) => out.push(line) });
      return { code, out };
    };
    expect(await run('--dry-run')).toEqual({ code: 0, out: [expect.stringMatching(/^Document bridge: would remove 5 bad stored claim values/)] });
    expect(await run()).toEqual({ code: 0, out: [expect.stringMatching(/^Document bridge: removed 5 bad stored claim values/)] });
    expect(await run()).toEqual({ code: 0, out: ['No bad stored claim values found.'] });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleSchema, canonicalText, createClaim, readArticleVersion, setClaimStatus, targetFromRange } from '@factdesk/shared';
import { openDatabase } from '../db/database.js';
import { createDocumentFromText } from '../documents/create-from-text.js';
import { createDocumentRepository } from '../documents/documents.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { runCli } from './run.js';

const ana = { id: 'u-ana', name: 'Ana' };
const rita = { id: 'u-rita', name: 'Rita' };

/** A database holding one article with a signed-off claim and a draft, as the server would have logged them. */
function seedDatabase(dataDir: string): void {
  const db = openDatabase(dataDir);
  try {
    const log = createSqliteUpdateLog(db);
    createDocumentFromText({ db, documents: createDocumentRepository(db), log }, { id: 'bridge', title: 'Bridge', text: 'Bridge\nThe bridge opens in 2027, the mayor says.' });
    const doc = new Y.Doc();
    for (const update of log.load('bridge')) Y.applyUpdate(doc, update);
    doc.on('update', (update: Uint8Array) => log.append('bridge', update));
    const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(doc)!.doc));
    const at = (exact: string) => targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1);
    const signed = createClaim(doc, ana, { target: at('opens in 2027'), verdict: 'mostly-true', rationale: 'Per the council minutes.', sources: [] });
    setClaimStatus(doc, signed, 'in-review', ana, { action: 'submitted' });
    setClaimStatus(doc, signed, 'approved', rita, { action: 'approved' }, { decision: 'approved', reviewer: rita, at: '2026-11-20T10:00:00.000Z', comment: '' });
    createClaim(doc, ana, { target: at('the mayor says'), verdict: 'unverifiable', rationale: '@mayor', sources: [] });
    doc.destroy();
  } finally {
    db.close();
  }
}

describe('factdesk export', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let out: string[];
  let err: string[];
  const run = (...argv: string[]) => runCli(argv, { env: { DATA_DIR: dataDir }, out: (l) => out.push(l), err: (l) => err.push(l) });

  beforeEach(() => {
    dir = makeTempDir('factdesk-export-');
    dataDir = join(dir.path, 'data');
    out = [];
    err = [];
    seedDatabase(dataDir);
  });
  afterEach(() => dir.remove());

  it('writes the annotated HTML, CSV or Web Annotations of a document read from the database', async () => {
    const html = join(dir.path, 'bridge.html');
    expect(await run('export', 'bridge', '--format', 'html', '--out', html)).toBe(0);
    expect(out).toEqual([`Wrote ${html} (html, signed-off claims).`]);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<mark class="claim" data-claim="1" id="mark-1">');
    expect(page).not.toContain('data-claim="2"');

    const csv = join(dir.path, 'bridge.csv');
    expect(await run('export', 'bridge', '--format', 'csv', '--include', 'all', '--out', csv)).toBe(0);
    const rows = readFileSync(csv, 'utf8').split('\r\n');
    expect(rows[1]).toMatch(/^1,opens in 2027,Mostly true,Approved,Per the council minutes\.,,Ana,Rita,/);
    expect(rows[2]).toMatch(/^2,the mayor says,Unverifiable,Draft,'@mayor,,Ana,,/);

    out = [];
    expect(await run('export', 'bridge', '--format', 'jsonld', '--include', 'all')).toBe(0);
    expect(JSON.parse(out.join('\n')).first.items).toHaveLength(2);
  });

  it('refuses an unknown document (exit 1) and a wrong format (exit 2)', async () => {
    expect(await run('export', 'nowhere', '--format', 'csv')).toBe(1);
    expect(err).toEqual(['There is no document "nowhere".']);
    expect(await run('export', 'bridge', '--format', 'pdf')).toBe(2);
    expect(err[1]).toMatch(/^Say which format with --format \(html, jsonld, csv\)\./);
  });
});

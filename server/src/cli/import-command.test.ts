import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleSchema, canonicalText, IMPORT_LIMITS, readArticleVersion } from '@factdesk/shared';
import { createAuditLog } from '../audit/audit-log.js';
import { openDatabase } from '../db/database.js';
import { createDocumentRepository } from '../documents/documents.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { startTestServer } from '../testing/test-server.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { runCli } from './run.js';

describe('factdesk import', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let out: string[];
  let err: string[];
  const run = (...argv: string[]) => runCli(argv, { env: { DATA_DIR: dataDir }, out: (l) => out.push(l), err: (l) => err.push(l) });
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir.path, name);
    writeFileSync(path, content);
    return path;
  };
  const inDatabase = <T>(fn: (db: ReturnType<typeof openDatabase>) => T): T => {
    const db = openDatabase(dataDir);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  const documents = () => inDatabase((db) => createDocumentRepository(db).list());

  beforeEach(() => {
    dir = makeTempDir('factdesk-import-');
    dataDir = join(dir.path, 'data');
    out = [];
    err = [];
  });
  afterEach(() => dir.remove());

  it('imports a Markdown file with its metadata, the format read from the extension', async () => {
    const path = file('budget.md', '# Council approves budget\n\nThe council approved *€2m*.\n');
    expect(await run('import', path, '--source-url', 'https://city.example/b', '--publisher', 'Gazette', '--published-at', '2026-03-01')).toBe(0);
    const [record] = documents();
    expect(out).toEqual([`Imported "Council approves budget" as document ${record.id}.`]);
    expect(record).toMatchObject({ title: 'Council approves budget', sourceUrl: 'https://city.example/b', publisher: 'Gazette', publishedAt: '2026-03-01' });
    const text = inDatabase((db) => {
      const doc = new Y.Doc();
      for (const update of createSqliteUpdateLog(db).load(record.id)) Y.applyUpdate(doc, update);
      return canonicalText(articleSchema.nodeFromJSON(readArticleVersion(doc)!.doc));
    });
    expect(text).toBe('Council approves budget\nThe council approved €2m.');
    expect(inDatabase((db) => createAuditLog(db).latest(1))[0]).toMatchObject({
      actorId: null,
      action: 'document.imported',
      detail: { documentId: record.id, format: 'markdown', via: 'cli' },
    });
  });

  it('lets --format and --title override the extension and the suggested title', async () => {
    const path = file('story.txt', '<h1>Story</h1><p>Body<script>x()</script></p>');
    expect(await run('import', path, '--format', 'html', '--title', 'Chosen title')).toBe(0);
    expect(documents()).toMatchObject([{ title: 'Chosen title' }]);
  });

  it('lists the imported article in a server running on the same data directory', async () => {
    const t = await startTestServer({ dataDir });
    try {
      expect(await run('import', file('live.html', '<title>Live</title><p>Body</p>'))).toBe(0);
      const answer = await t.call('/api/documents', { token: await t.adminToken() });
      expect(answer.body.documents.map((d: { title: string }) => d.title)).toEqual(['Live']);
    } finally {
      await t.close();
    }
  });

  it('refuses an unknown extension, a missing file, empty, binary or oversized content, and creates nothing', async () => {
    expect(await run('import', file('notes.pdf', 'x'))).toBe(2);
    expect(err.join('\n')).toMatch(/Say which format with --format/);
    expect(await run('import')).toBe(2);
    err = [];
    expect(await run('import', join(dir.path, 'missing.txt'))).toBe(1);
    expect(await run('import', file('empty.md', '\n\n'))).toBe(1);
    expect(await run('import', file('binary.txt', Buffer.from([0x50, 0x4b, 0xff, 0xfe, 0x00])))).toBe(1);
    expect(await run('import', file('huge.txt', 'x'.repeat(IMPORT_LIMITS.maxContentBytes + 1)))).toBe(1);
    expect(await run('import', file('bad.txt', 'A\nB'), '--source-url', 'ftp://x.example')).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(/missing\.txt: there is no such file/),
      expect.stringMatching(/empty/),
      expect.stringMatching(/not UTF-8 text/),
      expect.stringMatching(/at most 5 MB can be imported/),
      expect.stringMatching(/source URL must start with http/),
    ]);
    expect(documents()).toEqual([]);
  });
});

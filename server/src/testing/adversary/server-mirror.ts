/**
 * The server's authoritative state as stored: its SQLite update log read into a Y.Doc, row by
 * row as rows arrive (the snapshot again whenever compaction replaced it). What the log holds
 * is what every client gets on its next sync, so this is what the oracle judges.
 */
import * as Y from 'yjs';
import type { Db } from '../../db/database.js';
import { annotationsOf } from './doc-view.js';
import { claimKeyOf, hasPending, rootNameOf, type AnyType } from './yjs-internals.js';

/** What one refresh brought: the claim keys and the roots it touched, and how many update rows. */
export interface Touched {
  claims: Set<string>;
  roots: Set<string>;
  rows: number;
}

export class ServerMirror {
  readonly doc = new Y.Doc();
  private lastSeq = 0;
  private snapshotStamp = '';
  private touched: Touched = { claims: new Set(), roots: new Set(), rows: 0 };
  private readonly snapshotQuery;
  private readonly updatesQuery;
  /** Bumped whenever the doc took rows: what callers cache against. */
  version = 0;
  /** Why stored rows could not be applied, since the last `refresh`. */
  unreadable: string[] = [];

  constructor(
    db: Db,
    private readonly docId: string,
  ) {
    this.snapshotQuery = db.prepare('SELECT data, created_at AS at FROM doc_snapshots WHERE doc_id = ?');
    this.updatesQuery = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq');
    const annotations = annotationsOf(this.doc);
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      for (const [type, subs] of tr.changed) {
        if (type === (annotations as AnyType)) {
          for (const sub of subs) {
            if (sub === null) this.touched.roots.add('annotations');
            else this.touched.claims.add(sub);
          }
          continue;
        }
        const key = claimKeyOf(type, annotations);
        if (key !== null) this.touched.claims.add(key);
        else this.touched.roots.add(rootNameOf(this.doc, type));
      }
    });
  }

  /** Reads what the log gained since the last call; returns what it touched. */
  refresh(): Touched {
    const snapshot = this.snapshotQuery.get(this.docId) as
      | { data: Buffer; at: string }
      | undefined;
    if (snapshot && `${snapshot.at}/${snapshot.data.length}` !== this.snapshotStamp) {
      this.snapshotStamp = `${snapshot.at}/${snapshot.data.length}`;
      // Compaction replaces the snapshot whenever the server likes: not a row anybody's message wrote.
      this.apply(snapshot.data, 'the snapshot');
      this.version++;
    }
    const rows = this.updatesQuery.all(this.docId, this.lastSeq) as { seq: number; data: Buffer }[];
    for (const row of rows) {
      this.apply(row.data, `row ${row.seq}`);
      this.lastSeq = row.seq;
    }
    this.touched.rows += rows.length;
    if (this.touched.rows) this.version++;
    const touched = this.touched;
    this.touched = { claims: new Set(), roots: new Set(), rows: 0 };
    return touched;
  }

  private apply(data: Buffer, what: string): void {
    try {
      Y.applyUpdate(this.doc, new Uint8Array(data));
    } catch (error) {
      this.unreadable.push(`${what}: ${(error as Error).message}`);
    }
  }

  /** The stored state vector: each client id's next clock. */
  stateVector(): Map<number, number> {
    return Y.decodeStateVector(Y.encodeStateVector(this.doc));
  }

  /** Whether the log holds structs or deletes whose effect is not known (they build on something never stored). */
  hasPending(): boolean {
    return hasPending(this.doc);
  }

  destroy(): void {
    this.doc.destroy();
  }
}

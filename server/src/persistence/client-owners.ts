/**
 * Who owns each Yjs client id of a document: the first person to write under it. Kept in the
 * database so that a room loaded again (after a restart, or after it was unloaded) still
 * refuses another person's writes under that id — which would otherwise let them take over
 * the clock range the owner writes next, so that the owner's later edits are ignored.
 */
import type { Db } from '../db/database.js';
import type { ClientOwnerStore } from '../rooms/types.js';

/** The ClientOwnerStore of rooms/types.ts over the doc_client_owners table. */
export function createSqliteClientOwners(db: Db): ClientOwnerStore {
  const select = db.prepare('SELECT client, user_id FROM doc_client_owners WHERE doc_id = ?');
  const insert = db.prepare('INSERT OR IGNORE INTO doc_client_owners (doc_id, client, user_id) VALUES (?, ?, ?)');
  return {
    load(docId) {
      const owners = new Map<number, string>();
      for (const row of select.all(docId) as { client: number; user_id: string }[]) owners.set(row.client, row.user_id);
      return owners;
    },
    bind(docId, client, userId) {
      insert.run(docId, client, userId);
    },
  };
}

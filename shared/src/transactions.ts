/**
 * What a Yjs transaction did, for code that applies updates without an 'update' listener (so
 * that Yjs does not encode them again) and must still know whether anything changed: the
 * server storing a peer's update as it came, the client applying a big first sync.
 */
import type * as Y from 'yjs';

/** Whether `transaction` added or deleted anything — what Yjs asks before it emits 'update'. */
export function transactionChangedDoc(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}

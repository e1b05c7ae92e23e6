/**
 * Turns the Yjs events of one transaction on a doc's claims into what the claims listeners
 * need (types.ts `ClaimsChange`): which claims changed, which of their fields were written,
 * and whose update it was. Yjs events carry paths from the claims map: [] for a claim added or
 * removed, [claimId] for its fields, [claimId, 'history' | 'thread'] below them.
 */
import type * as Y from 'yjs';
import { claimsMap, type Actor } from '@factdesk/shared';
import type { ClaimsChangeListener } from './types.js';

/** Calls `listener` after every transaction that changed claims of `doc`; `actorOf` names the sender from the origin. */
export function observeClaimsChanges(
  docId: string,
  doc: Y.Doc,
  listener: ClaimsChangeListener,
  actorOf: (origin: unknown) => Actor | null,
): void {
  claimsMap(doc).observeDeep((events, transaction) => {
    const fields = new Map<string, Set<string>>();
    for (const event of events) {
      const [claimId, field] = event.path.map(String);
      if (claimId === undefined) for (const key of event.keys.keys()) written(fields, key, '*');
      else if (field === undefined) for (const key of event.keys.keys()) written(fields, claimId, key);
      else written(fields, claimId, field);
    }
    try {
      listener({ docId, doc, claimIds: [...fields.keys()], fields, actor: actorOf(transaction.origin) });
    } catch (error) {
      console.error(`room ${docId}: a claims listener failed: ${(error as Error).message}`);
    }
  });
}

function written(fields: Map<string, Set<string>>, claimId: string, field: string): void {
  const set = fields.get(claimId) ?? new Set<string>();
  fields.set(claimId, set.add(field));
}

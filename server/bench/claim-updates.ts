/**
 * Claim updates as one person's client makes them (claims created, then their rationales
 * edited), generated ahead of time so a scenario times only the server.
 */
import * as Y from 'yjs';
import { createClaim, updateClaim, type PersonRef } from '@factdesk/shared';

/**
 * `n` updates by `author` on top of the doc state `state`; the last one sets a rationale to
 * `lastMarker`, so a watcher can spot it in the raw bytes it receives.
 */
export function generateClaimUpdates(state: Uint8Array, author: PersonRef, n: number, lastMarker: string): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, state);
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  const target = { version: 1, quote: { exact: 'UNITED NATIONS', prefix: '', suffix: '' }, position: { start: 0, end: 14 } };
  const ids: string[] = [];
  const ref = { id: author.id, name: author.name };
  while (updates.length < n - 1) {
    if (ids.length < 50 || updates.length % 10 === 0) {
      ids.push(createClaim(client, ref, { target, verdict: 'mixed', rationale: 'first look', sources: [] }));
    } else {
      updateClaim(client, ids[updates.length % ids.length], { rationale: `edit ${updates.length}` });
    }
  }
  if (ids.length === 0) ids.push(createClaim(client, ref, { target, verdict: 'mixed', rationale: 'first look', sources: [] }));
  updateClaim(client, ids[0], { rationale: lastMarker });
  client.destroy();
  return updates.slice(-n);
}

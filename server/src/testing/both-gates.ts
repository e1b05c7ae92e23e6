/**
 * Runs an update through both of the server's gates and fails the test when they disagree:
 * `checkUpdate` (reads the update, applies nothing) and, when the update is a live edit it
 * takes, `applyAndCheck` (applies it to a copy of the doc and reads what Yjs integrated).
 * Returns the first gate's verdict; the doc passed in is not changed.
 */
import { expect } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_RULES } from '@factdesk/shared';
import { appliesCleanly, applyAndCheck, checkUpdate, keptFields, type UpdateCheck } from '../validation/index.js';

/** How many updates went through both gates (a test can check the second one was used). */
export const gatesCompared = { both: 0, first: 0 };

/** Takes what `checkUpdate` takes. */
export function checkWithBothGates(...[doc, update, actor, owners, rules = DEFAULT_RULES]: Parameters<typeof checkUpdate>): UpdateCheck {
  const first = checkUpdate(doc, update, actor, new Map(owners), rules);
  const client = appliesCleanly(doc, update);
  if (client === null) {
    gatesCompared.first++;
    return first;
  }
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let second: UpdateCheck | null = null;
  Y.transact(copy, (transaction) => (second = applyAndCheck(copy, transaction, update, client, actor, new Map(owners), rules)), null, false);
  expect(verdict(second!), 'the gate after applying agrees with the gate before').toEqual(verdict(first));
  gatesCompared.both++;
  copy.destroy();
  return first;
}

/** What a check says, comparable across the two gates: for a follow-up, the claims as they were, only the fields kept. */
function verdict(check: UpdateCheck): unknown {
  if (!check.ok) return check;
  if (!check.followUp) return { ...check, clients: [...check.clients].sort() };
  const before: Record<string, unknown> = {};
  for (const write of check.writes) {
    const claim = check.followUp.get(write.claimId) as Record<string, unknown> | null | undefined;
    if (!claim) {
      before[write.claimId] = claim ?? null;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const field of keptFields(write)) kept[field] = claim[field];
    before[write.claimId] = kept;
  }
  return { ok: true, writes: check.writes, clients: [...check.clients].sort(), followUp: before };
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { claimsMap, createClaim, emptyClaimWrite, readClaim, setClaimAnchoring, updateClaim, type Actor, type Claim } from '@factdesk/shared';
import { changedFields, needsRecord, recordUnrecordedChanges } from './unrecorded-changes.js';

const anna: Actor = { id: 'u-ann', login: 'anna', name: 'Anna', role: 'annotator' };
const now = new Date('2026-11-25T10:00:00.000Z');
const before = { status: 'draft', rationale: 'old', verdict: 'true', sources: [], target: {} } as unknown as Claim;
const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };

function write(fields: Record<string, unknown>, kind: 'create' | 'update' | 'delete' = 'update') {
  const w = emptyClaimWrite('c1', kind);
  Object.assign(w.fields, fields);
  return w;
}

describe('what the server records after a change it accepted', () => {
  it('records a new claim and a content edit, and nothing for a deletion or comments alone', () => {
    expect(needsRecord(write({ id: 'c1' }, 'create'), null)).toBe(true);
    expect(needsRecord(write({ rationale: 'new' }), before)).toBe(true);
    expect(needsRecord(write({}), before)).toBe(false);
    expect(needsRecord(write({}, 'delete'), before)).toBe(false);
  });

  it('names only the fields whose value changed in the doc', () => {
    const doc = new Y.Doc();
    const id = createClaim(doc, { id: 'u-ann', name: 'Anna' }, { target, verdict: 'true', rationale: 'new', sources: [] });
    const map = claimsMap(doc).get(id)!;
    expect(changedFields(write({ rationale: 'new', verdict: 'true' }), before, map)).toEqual(['rationale']);
    // A value the update carried that lost to the one in the doc changed nothing.
    expect(changedFields(write({ verdict: 'false' }), before, map)).toEqual([]);
  });

  it('stamps a new claim: its times, draft status, no review, and a "created" entry by its author', () => {
    const doc = new Y.Doc();
    const id = createClaim(doc, { id: 'u-ann', name: 'Anna' }, { target, verdict: 'true', rationale: '', sources: [] });
    expect(recordUnrecordedChanges(doc, [{ ...write({ id }, 'create'), claimId: id }], new Map([[id, null]]), anna, now)).toEqual([id]);
    expect(readClaim(doc, id)).toMatchObject({
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      status: 'draft',
      review: null,
      history: [{ at: now.toISOString(), by: { id: 'u-ann', name: 'Anna' }, action: 'created' }],
    });
  });

  it('records an edit in the name of the person who made it, and a triage decision with its note', () => {
    const doc = new Y.Doc();
    const id = createClaim(doc, { id: 'u-ann', name: 'Anna' }, { target, verdict: 'true', rationale: 'old', sources: [] });
    const was = readClaim(doc, id)!;
    updateClaim(doc, id, { rationale: 'new', verdict: 'true' });
    recordUnrecordedChanges(doc, [{ ...write({ rationale: 'new', verdict: 'true' }), claimId: id }], new Map([[id, was]]), anna, now);
    const archived = { state: 'archived' as const, version: 2, previous: target, suggestions: [] };
    setClaimAnchoring(doc, id, { anchor: archived });
    recordUnrecordedChanges(doc, [{ ...write({ anchor: archived }), claimId: id }], new Map([[id, was]]), anna, now);
    expect(readClaim(doc, id)!.history).toEqual([
      { at: now.toISOString(), by: { id: 'u-ann', name: 'Anna' }, action: 'edited', fields: ['rationale'] },
      { at: now.toISOString(), by: { id: 'u-ann', name: 'Anna' }, action: 'edited', fields: ['anchor'], note: 'Archived during triage.' },
    ]);
    expect(readClaim(doc, id)!.updatedAt).toBe(now.toISOString());
  });
});

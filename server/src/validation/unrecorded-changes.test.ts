import { describe, expect, it } from 'vitest';
import { emptyClaimWrite, type Actor, type Claim } from '@factdesk/shared';
import { missingHistory } from './unrecorded-changes.js';

const anna: Actor = { id: 'u-ann', login: 'anna', name: 'Anna', role: 'annotator' };
const at = '2026-11-25T10:00:00.000Z';
const before = { status: 'draft', rationale: 'old', verdict: 'true', sources: [], target: {} } as unknown as Claim;

function write(fields: Record<string, unknown>, historyAppended: unknown[] = []) {
  return { ...emptyClaimWrite('c1'), fields, historyAppended };
}

describe('the history entries a change should have carried', () => {
  it('asks for an edit entry naming each changed field the change did not record', () => {
    expect(missingHistory(write({ rationale: 'new', verdict: 'false' }), before, anna, at)).toEqual([
      { at, by: { id: 'u-ann', name: 'Anna' }, action: 'edited', fields: ['verdict', 'rationale'] },
    ]);
  });

  it('asks for nothing when the change carries its entry, or writes the same value again', () => {
    expect(missingHistory(write({ rationale: 'new' }, [{ action: 'edited', fields: ['rationale'] }]), before, anna, at)).toEqual([]);
    expect(missingHistory(write({ rationale: 'old', updatedAt: at }), before, anna, at)).toEqual([]);
  });

  it('records a move into review as a submission, and a withdrawal as a change of status', () => {
    expect(missingHistory(write({ status: 'in-review' }), before, anna, at)).toMatchObject([{ action: 'submitted' }]);
    const inReview = { ...before, status: 'in-review' } as Claim;
    expect(missingHistory(write({ status: 'draft' }), inReview, anna, at)).toMatchObject([{ action: 'edited', fields: ['status'] }]);
    expect(missingHistory(write({ status: 'in-review' }, [{ action: 'submitted' }]), before, anna, at)).toEqual([]);
  });

  it('gives a new claim its "created" entry when it has none', () => {
    const create = { ...write({ id: 'c1' }), kind: 'create' as const };
    expect(missingHistory(create, null, anna, at)).toMatchObject([{ action: 'created', by: { id: 'u-ann' } }]);
    expect(missingHistory({ ...create, historyAppended: [{ action: 'created' }] }, null, anna, at)).toEqual([]);
  });
});

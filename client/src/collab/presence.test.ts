import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { colourFor, distinctPeople, presenceFromState, type Peer } from './presence.js';
import { MESSAGE_REJECTED, encodeRejected, readRejected } from '@factdesk/shared';

describe('presence', () => {
  it('reads a well-formed awareness state', () => {
    expect(presenceFromState({ user: { id: 'u1', name: 'Rita', color: '#bf3989' }, selection: { start: 3, end: 9 }, editing: 'c1' })).toEqual({
      user: { id: 'u1', name: 'Rita', color: '#bf3989' },
      selection: { start: 3, end: 9 },
      editing: 'c1',
    });
  });

  it('does not trust what a peer sends: an unsafe colour and a bad selection are replaced', () => {
    const presence = presenceFromState({ user: { id: 'u1', name: 'Rita', color: 'red; background:url(x)' }, selection: { start: 9, end: 3 } });
    expect(presence?.user.color).toBe(colourFor('u1'));
    expect(presence?.selection).toBeNull();
  });

  it('skips a state without a name (not yet announced)', () => {
    expect(presenceFromState({})).toBeNull();
  });

  it('counts a person with two tabs open once', () => {
    const tab = (clientId: number): Peer => ({ clientId, isLocal: false, user: { id: 'u1', name: 'Rita', color: '#000' }, selection: null, editing: null });
    expect(distinctPeople([tab(1), tab(2)]).map((p) => p.clientId)).toEqual([1]);
  });
});

describe('rejected message', () => {
  it('carries the reason after type 100', () => {
    const decoder = decoding.createDecoder(encodeRejected('you can edit only your own claims'));
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_REJECTED);
    expect(readRejected(decoder)).toBe('you can edit only your own claims');
  });
});

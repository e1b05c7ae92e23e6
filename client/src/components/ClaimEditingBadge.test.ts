import { describe, expect, it } from 'vitest';
import type { Peer } from '../collab/index.js';
import { editingText, editorsByClaim } from './ClaimEditingBadge.js';

function peer(clientId: number, id: string, name: string, editing: string | null, isLocal = false): Peer {
  return { clientId, isLocal, user: { id, name, color: '#000000' }, selection: null, editing };
}

describe('who is editing a claim', () => {
  it('names the others with each claim editor open, never the person looking', () => {
    const peers = [peer(1, 'me', 'Me', 'c1', true), peer(2, 'me', 'Me', 'c2'), peer(3, 'rita', 'Rita', 'c1'), peer(4, 'sam', 'Sam', null)];
    expect(editorsByClaim(peers, 'me')).toEqual(new Map([['c1', ['Rita']]]));
  });

  it('counts a person with two tabs on the same claim once', () => {
    const peers = [peer(3, 'rita', 'Rita', 'c1'), peer(5, 'rita', 'Rita', 'c1'), peer(6, 'sam', 'Sam', 'c1')];
    expect(editorsByClaim(peers, 'me').get('c1')).toEqual(['Rita', 'Sam']);
  });

  it('reads as a sentence for one, two or more people', () => {
    expect(editingText(['Rita'])).toBe('Rita is editing');
    expect(editingText(['Rita', 'Sam'])).toBe('Rita and Sam are editing');
    expect(editingText(['Rita', 'Sam', 'Tom'])).toBe('Rita, Sam and Tom are editing');
  });
});

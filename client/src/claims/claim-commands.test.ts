import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { claimsMap, listClaims, readClaim, type Actor } from '@factdesk/shared';
import { rangeOf, seedIndex } from '../test/seed-article.js';
import { createClaimFromRange, editClaim, removeClaim } from './claim-commands.js';

const annotator: Actor = { id: 'u1', login: 'ann', name: 'Ann', role: 'annotator' };
const colleague: Actor = { id: 'u2', login: 'bo', name: 'Bo', role: 'annotator' };
const viewer: Actor = { id: 'u3', login: 'vi', name: 'Vi', role: 'viewer' };
const content = { verdict: 'false' as const, rationale: 'The record shows otherwise.', sources: [] };

describe('claim commands', () => {
  it('an annotator creates a draft claim quoting the selected text with its context', () => {
    const doc = new Y.Doc();
    const id = createClaimFromRange(doc, annotator, seedIndex.text, rangeOf('Riyadh, Saudi Arabia'), 1, content);
    const claim = readClaim(doc, id)!;
    expect(claim.target.quote.exact).toBe('Riyadh, Saudi Arabia');
    expect(claim.target.quote.prefix.length).toBe(32);
    expect(claim.author).toEqual({ id: 'u1', name: 'Ann' });
    // Until the server's stamps arrive, a new claim reads as a draft with no times.
    expect(claim).toMatchObject({ status: 'draft', createdAt: '', updatedAt: '', review: null, history: [] });
  });

  it('a viewer cannot create a claim', () => {
    expect(() => createClaimFromRange(new Y.Doc(), viewer, seedIndex.text, rangeOf('Riyadh'), 1, content)).toThrow(/cannot add claims/);
  });

  it('an author edits their claim, writing the changed content only: the server records the edit', () => {
    const doc = new Y.Doc();
    const id = createClaimFromRange(doc, annotator, seedIndex.text, rangeOf('Riyadh'), 1, content);
    editClaim(doc, annotator, id, { ...content, verdict: 'true' });
    const claim = readClaim(doc, id)!;
    expect(claim.verdict).toBe('true');
    expect(claim.history).toEqual([]);
    expect([...claimsMap(doc).get(id)!.keys()].sort()).toEqual(['author', 'history', 'id', 'rationale', 'sources', 'tags', 'target', 'thread', 'verdict']);
  });

  it('someone else cannot edit or delete the claim', () => {
    const doc = new Y.Doc();
    const id = createClaimFromRange(doc, annotator, seedIndex.text, rangeOf('Riyadh'), 1, content);
    expect(() => editClaim(doc, colleague, id, { ...content, verdict: 'true' })).toThrow(/only your own/);
    expect(() => removeClaim(doc, colleague, id)).toThrow(/only your own/);
    removeClaim(doc, annotator, id);
    expect(listClaims(doc)).toEqual([]);
  });
});

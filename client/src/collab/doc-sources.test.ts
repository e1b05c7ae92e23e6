import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { writeArticleVersion, writeMeta } from '@factdesk/shared';
import { claimsOn, rangeOf, seedIndex, seedJSON } from '../test/seed-article.js';
import { createClaimFromRange } from '../claims/claim-commands.js';
import { articleSource, claimsSource, peersSource } from './doc-sources.js';

describe('doc sources', () => {
  it('gives the same claims snapshot until the claims change, then a new one', () => {
    const { doc } = claimsOn([{ quote: 'Riyadh', verdict: 'true' }]);
    const source = claimsSource(doc);
    let calls = 0;
    source.subscribe(() => calls++);
    const first = source.getSnapshot();
    expect(source.getSnapshot()).toBe(first);
    createClaimFromRange(doc, { id: 'u1', login: 'a', name: 'A', role: 'annotator' }, seedIndex.text, rangeOf('Saudi Arabia'), 1, {
      verdict: 'mixed',
      rationale: '',
      sources: [],
    });
    expect(calls).toBe(1);
    expect(source.getSnapshot()).not.toBe(first);
    expect(source.getSnapshot().map((c) => c.target.quote.exact)).toEqual(['Riyadh', 'Saudi Arabia']);
  });

  it('sees the article arrive, and ignores changes to claims', () => {
    const doc = new Y.Doc();
    const source = articleSource(doc);
    expect(source.getSnapshot().version).toBeNull();
    writeMeta(doc, { title: 'UN vote' });
    writeArticleVersion(doc, { version: 1, doc: seedJSON, textHash: 'h', createdAt: '2025-01-01T00:00:00Z' });
    const loaded = source.getSnapshot();
    expect(loaded.meta.title).toBe('UN vote');
    expect(loaded.version?.version).toBe(1);
    createClaimFromRange(doc, { id: 'u1', login: 'a', name: 'A', role: 'annotator' }, seedIndex.text, rangeOf('Riyadh'), 1, {
      verdict: 'true',
      rationale: '',
      sources: [],
    });
    expect(source.getSnapshot()).toBe(loaded);
  });

  it('lists the people present, ourselves first', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const source = peersSource(awareness);
    awareness.setLocalState({ user: { id: 'u1', name: 'Zoe', color: '#0969da' }, selection: null, editing: null });
    expect(source.getSnapshot().map((p) => [p.user.name, p.isLocal])).toEqual([['Zoe', true]]);
    awareness.destroy();
  });
});

import { describe, expect, it } from 'vitest';
import { deleteClaim, setClaimStatus, updateClaim } from '@factdesk/shared';
import { annie, claimsOn, rangeOf, seedIndex } from '../test/seed-article.js';
import { createClaimFromRange } from '../claims/claim-commands.js';
import { incrementalClaimsSource } from './claims-source.js';

const ann = { id: 'u1', login: 'a', name: 'A', role: 'annotator' as const };

describe('the incremental claims source', () => {
  it('re-reads only the changed claim; the others keep their objects', () => {
    const { doc } = claimsOn([
      { quote: 'Riyadh', verdict: 'true' },
      { quote: 'Saudi Arabia', verdict: 'false' },
      { quote: 'United States', verdict: 'mixed' },
    ]);
    const source = incrementalClaimsSource(doc);
    const before = source.getSnapshot();
    const changed = before[1];
    updateClaim(doc, changed.id, { verdict: 'mostly-false' });
    const after = source.getSnapshot();
    expect(after).not.toBe(before);
    expect(after[1].id).toBe(changed.id);
    expect(after[1].verdict).toBe('mostly-false');
    expect(after[1]).not.toBe(changed);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
  });

  it('puts a new claim in reading order and drops a deleted one, telling subscribers each time', () => {
    const { doc } = claimsOn([
      { quote: 'Saudi Arabia', verdict: 'false' },
      { quote: 'United States', verdict: 'mixed' },
    ]);
    const source = incrementalClaimsSource(doc);
    let calls = 0;
    source.subscribe(() => calls++);
    const [first, second] = source.getSnapshot();
    const id = createClaimFromRange(doc, ann, seedIndex.text, rangeOf('Riyadh'), 1, { verdict: 'true', rationale: '', sources: [] });
    const quotes = () => source.getSnapshot().map((c) => c.target.quote.exact);
    expect(calls).toBe(1);
    expect(quotes()).toEqual(['Riyadh', 'Saudi Arabia', 'United States'].sort((a, b) => seedIndex.text.indexOf(a) - seedIndex.text.indexOf(b)));
    expect(source.getSnapshot()).toContain(first);
    expect(source.getSnapshot()).toContain(second);
    setClaimStatus(doc, id, 'in-review', annie, { action: 'submitted' });
    expect(source.getSnapshot().find((c) => c.id === id)?.status).toBe('in-review');
    deleteClaim(doc, first.id);
    expect(calls).toBe(3);
    expect(source.getSnapshot()).toHaveLength(2);
    expect(source.getSnapshot()).toContain(second);
  });
});

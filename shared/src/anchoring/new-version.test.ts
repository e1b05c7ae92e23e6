/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importPlainText } from '../import/plain-text.js';
import { articleSchema } from '../schema.js';
import { canonicalText, textHash } from '../text.js';
import { createStampedClaim, listArticleVersions, readClaim, readMeta, setClaimStatus, writeArticleVersion, writeMeta } from '../ydoc.js';
import { needsTriage, targetInVersion } from './claim-versions.js';
import { addArticleVersion, UnchangedVersionError } from './new-version.js';
import { targetFromRange } from './selectors.js';
import { archiveClaim, confirmSuggestion, reattachClaim, triageNote } from './triage.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const server = { id: 'factdesk', name: 'Factdesk' };
const anna = { id: 'u-anna', name: 'Anna' };
const rita = { id: 'u-rita', name: 'Rita' };
const DOROTHY = seed.split('\n').find((line) => line.startsWith('Dorothy Camille Shea'))!;

function articleDoc() {
  const doc = new Y.Doc();
  const json = importPlainText(seed);
  const text = canonicalText(articleSchema.nodeFromJSON(json));
  writeMeta(doc, { title: 'Seed' });
  writeArticleVersion(doc, { version: 1, doc: json, textHash: textHash(text), createdAt: '2026-01-01T00:00:00.000Z' });
  const claim = (quote: string) => {
    const start = text.indexOf(quote);
    return createStampedClaim(doc, anna, { target: targetFromRange(text, start, start + quote.length, 1), verdict: 'true', rationale: '', sources: [] });
  };
  const ids = {
    same: claim('a three-page document calling for Russia’s withdrawal'),
    typo: claim('it dose not fully justify the US actions'),
    gone: claim(DOROTHY.slice(30, 150)),
  };
  setClaimStatus(doc, ids.typo, 'in-review', anna, { action: 'submitted' });
  setClaimStatus(doc, ids.typo, 'approved', rita, { action: 'approved' }, { decision: 'approved', reviewer: rita, at: new Date().toISOString(), comment: '' });
  return { doc, ids };
}

const revised = importPlainText(
  seed.replace('it dose not fully', 'it does not fully').replace(`${DOROTHY}\n`, '').replace('\nThe Contentious Resolution\n', '\nThe Contentious Resolution\nDorothy Camille Shea spoke later.\n'),
);

describe('addArticleVersion', () => {
  it('stores the next version, keeps the earlier one and carries every claim over', () => {
    const { doc, ids } = articleDoc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const summary = addArticleVersion(doc, revised, server);
    expect(updates).toHaveLength(1);
    expect(summary).toMatchObject({ version: 2, same: 1, moved: 0, changed: 1, orphan: 1, reopened: [ids.typo] });
    expect(readMeta(doc).currentVersion).toBe(2);
    expect(listArticleVersions(doc).map((v) => v.version)).toEqual([1, 2]);

    const same = readClaim(doc, ids.same)!;
    expect(same.target.version).toBe(2);
    expect(same.anchor?.state).toBe('anchored');
    expect(targetInVersion(same, 1)?.version).toBe(1);
    expect(targetInVersion(same, 1)?.position.start).toBeLessThan(same.target.position.start);

    const typo = readClaim(doc, ids.typo)!;
    expect(typo.anchor).toMatchObject({ state: 'changed', version: 2 });
    expect(typo.anchor?.previous?.quote.exact).toBe('it dose not fully justify the US actions');
    expect(typo.target.quote.exact).toBe('it does not fully justify the US actions');
    expect(typo.checkedVersion).toBe(1);
    expect(typo.status).toBe('in-review');
    expect(typo.history.map((h) => h.action).slice(-2)).toEqual(['edited', 'reopened']);

    const gone = readClaim(doc, ids.gone)!;
    expect(gone.anchor?.state).toBe('orphan');
    expect(gone.target.version).toBe(1);
    expect(needsTriage(gone)).toBe(true);
    expect(targetInVersion(gone, 2)).toBeNull();
  });

  it('refuses a version with the same text and changes nothing', () => {
    const { doc } = articleDoc();
    expect(() => addArticleVersion(doc, importPlainText(seed), server)).toThrow(UnchangedVersionError);
    expect(readMeta(doc).currentVersion).toBe(1);
  });

  it('keeps a changed claim waiting for triage across a further version', () => {
    const { doc, ids } = articleDoc();
    addArticleVersion(doc, revised, server);
    const third = importPlainText(seed.replace('it dose not fully', 'it does not fully').replace(`${DOROTHY}\n`, ''));
    addArticleVersion(doc, third, server);
    const typo = readClaim(doc, ids.typo)!;
    expect(typo.anchor).toMatchObject({ state: 'changed', version: 3 });
    expect(typo.anchor?.previous?.quote.exact).toBe('it dose not fully justify the US actions');
    expect(typo.pastTargets?.map((t) => t.version)).toEqual([1, 2]);
  });
});

describe('triage', () => {
  it('confirms a suggestion, re-attaches to a selection and archives, writing content only (the server records each)', () => {
    const { doc, ids } = articleDoc();
    addArticleVersion(doc, revised, server);
    const typo = readClaim(doc, ids.typo)!;
    confirmSuggestion(doc, typo, typo.anchor!.suggestions[0]);
    expect(readClaim(doc, ids.typo)).toMatchObject({ checkedVersion: 2, anchor: { state: 'anchored' } });

    const gone = readClaim(doc, ids.gone)!;
    const text = canonicalText(articleSchema.nodeFromJSON(revised));
    const at = text.indexOf('Dorothy Camille Shea spoke later.');
    const historyBefore = readClaim(doc, ids.gone)!.history.length;
    reattachClaim(doc, gone, targetFromRange(text, at, at + 20, 2));
    const reattached = readClaim(doc, ids.gone)!;
    expect(reattached.target).toMatchObject({ version: 2, quote: { exact: 'Dorothy Camille Shea' } });
    expect(reattached.history).toHaveLength(historyBefore);
    expect(triageNote(reattached.anchor)).toBe('Placed in version 2 during triage.');

    archiveClaim(doc, reattached, 2);
    expect(readClaim(doc, ids.gone)?.anchor?.state).toBe('archived');
    expect(triageNote(readClaim(doc, ids.gone)?.anchor)).toBe('Archived during triage.');
  });
});

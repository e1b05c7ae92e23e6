/**
 * A long article for tests: claims on the article's first words, enough to pass the static
 * copy's threshold (shared STATIC_COPY_FROM) without writing them one by one.
 */
import type * as Y from 'yjs';
import { articleSchema, canonicalText, createClaim, readArticleVersion, targetFromRange, type PersonRef } from '@factdesk/shared';

/** Claims (verdict "mixed") on the first `count` words of four letters or more of `doc`'s current version, in one transaction. */
export function claimFirstWords(doc: Y.Doc, author: PersonRef, count: number): void {
  const version = readArticleVersion(doc)!;
  const text = canonicalText(articleSchema.nodeFromJSON(version.doc));
  const words = [...text.matchAll(/\p{L}{4,}/gu)].slice(0, count);
  doc.transact(() => {
    for (const word of words) {
      const target = targetFromRange(text, word.index!, word.index! + word[0].length, version.version);
      createClaim(doc, author, { target, verdict: 'mixed', rationale: '', sources: [] });
    }
  });
}

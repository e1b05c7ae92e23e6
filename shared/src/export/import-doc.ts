/**
 * The other door of export-doc.ts: a W3C Web Annotation collection into an article's Y.Doc.
 * Every claim is re-anchored in the current version's text and written with the Y.Doc
 * functions, keeping its id (so importing the same file twice adds nothing), its creator
 * and dates, and its thread. The whole file is checked before the first write: a broken
 * file changes nothing.
 */
import type * as Y from 'yjs';
import { commentSchema, type Comment } from '../claim.js';
import type { PersonRef } from '../roles.js';
import { articleSchema } from '../schema.js';
import { canonicalText } from '../text.js';
import { addComment, createStampedClaim, readArticleVersion, readClaim, setClaimStatus } from '../ydoc.js';
import { importWebAnnotations, type ClaimImport } from './web-annotations-import.js';

/** What an import did: claims written, claims already there, claims whose quote is not in the text, and notes. */
export interface AnnotationImportResult {
  imported: number;
  skipped: number;
  unanchored: number;
  warnings: string[];
}

interface PlannedClaim {
  claim: ClaimImport;
  author: PersonRef;
  createdAt: Date;
  updatedAt: Date;
  comments: Comment[];
}

function dateOr(value: string | null, fallback: Date): Date {
  const at = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(at) ? fallback : new Date(at);
}

function plan(claim: ClaimImport, importer: PersonRef, now: Date, warnings: string[]): PlannedClaim {
  const author = claim.author ?? importer;
  if (!claim.author) warnings.push(`Annotation ${claim.annotationId}: it names no creator; attributed to ${importer.name}.`);
  const createdAt = dateOr(claim.createdAt, now);
  const comments = claim.comments.map((c) => {
    const at = dateOr(c.createdAt, createdAt);
    const checked = commentSchema.safeParse({
      id: c.commentId,
      author: c.author ?? author,
      createdAt: at.toISOString(),
      updatedAt: dateOr(c.updatedAt, at).toISOString(),
      text: c.text,
    });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Error(`Reply ${c.annotationId}: ${issue.path.join('.')}: ${issue.message}`);
    }
    return checked.data;
  });
  return { claim, author, createdAt, updatedAt: dateOr(claim.updatedAt, createdAt), comments };
}

/**
 * Restores the claims of a Web Annotation collection (`json`) onto the current article of `doc`, as an import by `importer`;
 * throws a readable Error, before writing anything, when the file is broken or there is no article.
 */
export function importAnnotationsIntoDoc(doc: Y.Doc, json: string, importer: PersonRef, now = new Date()): AnnotationImportResult {
  const version = readArticleVersion(doc);
  if (!version) throw new Error('This document has no article to import the claims onto yet.');
  const text = canonicalText(articleSchema.nodeFromJSON(version.doc));
  const claims = importWebAnnotations(json, text, version.version);

  const warnings: string[] = [];
  const seen = new Set<string>();
  const planned: PlannedClaim[] = [];
  let skipped = 0;
  for (const claim of claims) {
    if (seen.has(claim.claimId) || readClaim(doc, claim.claimId, { history: false })) {
      skipped++;
      continue;
    }
    seen.add(claim.claimId);
    warnings.push(...claim.warnings);
    if (!claim.anchored) {
      warnings.push(`Annotation ${claim.annotationId}: its quote is not in the current text; kept where the file placed it.`);
    }
    planned.push(plan(claim, importer, now, warnings));
  }

  doc.transact(() => {
    for (const { claim, author, createdAt, updatedAt, comments } of planned) {
      const id = createStampedClaim(doc, author, claim.input, createdAt, claim.claimId);
      if (claim.status !== 'draft') {
        const note = `Restored by ${importer.name} from a Web Annotation import.`;
        setClaimStatus(doc, id, claim.status, author, { action: 'submitted', note }, null, updatedAt);
      }
      for (const comment of comments) addComment(doc, id, comment);
    }
  });
  return {
    imported: planned.length,
    skipped,
    unanchored: planned.filter((p) => !p.claim.anchored).length,
    warnings,
  };
}

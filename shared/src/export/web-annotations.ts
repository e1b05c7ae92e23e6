/**
 * The claims as a W3C Web Annotation collection (JSON-LD), the open format annotation
 * tools exchange: each claim is an `assessing` annotation whose target is the article
 * with a TextQuoteSelector and a TextPositionSelector over this version's canonical text;
 * its verdict, rationale, sources and tags are bodies by purpose, and each comment of
 * its thread is a separate `replying` annotation that targets the claim.
 */
import type { Claim, Comment } from '../claim.js';
import type { PersonRef } from '../roles.js';
import { targetFromRange } from '../anchoring/selectors.js';
import { isFlagged, shownVerdict } from '../stored-claim.js';
import { isWebUrl } from './escape.js';
import { prepareExport, type ExportInput } from './export-input.js';

/**
 * The JSON-LD context: the W3C annotation vocabulary, Dublin Core for source titles, and
 * schema.org's creativeWorkStatus for a claim's review status (so a re-import knows it).
 */
export const ANNOTATION_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  { dcterms: 'http://purl.org/dc/terms/', title: 'dcterms:title', schema: 'https://schema.org/', status: 'schema:creativeWorkStatus' },
];

const URN = 'urn:factdesk:';

/** The annotation id of a claim. */
export function claimAnnotationId(claimId: string): string {
  return `${URN}claim:${encodeURIComponent(claimId)}`;
}

/** The id of a claim's comment as a `replying` annotation. */
export function commentAnnotationId(claimId: string, commentId: string): string {
  return `${claimAnnotationId(claimId)}/comments/${encodeURIComponent(commentId)}`;
}

/** The creator id of a person. */
export function personIri(id: string): string {
  return `${URN}user:${encodeURIComponent(id)}`;
}

/** The IRI the annotations target: the article's source URL, or a URN naming the article by its id. */
export function articleIri(input: Pick<ExportInput, 'meta' | 'documentId'>): string {
  return isWebUrl(input.meta.sourceUrl) ? input.meta.sourceUrl : `${URN}document:${encodeURIComponent(input.documentId ?? 'article')}`;
}

function creator(person: PersonRef | undefined) {
  return person ? { id: personIri(person.id), type: 'Person', name: person.name } : undefined;
}

/** The bodies of a claim's annotation; a field whose stored value was unusable is left out. */
function claimBodies(claim: Claim): object[] {
  const bodies: object[] = [];
  if (!isFlagged(claim, 'verdict')) bodies.push({ type: 'TextualBody', purpose: 'assessing', value: shownVerdict(claim).label, format: 'text/plain' });
  if (claim.rationale.trim()) bodies.push({ type: 'TextualBody', purpose: 'commenting', value: claim.rationale, format: 'text/plain' });
  for (const source of claim.sources) {
    bodies.push({ id: source.url, type: 'Text', purpose: 'linking', ...(source.title ? { title: source.title } : {}) });
  }
  for (const tag of claim.tags) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return bodies;
}

function reply(claimId: string, comment: Comment): object {
  return {
    id: commentAnnotationId(claimId, comment.id),
    type: 'Annotation',
    motivation: 'replying',
    creator: creator(comment.author),
    created: comment.createdAt,
    modified: comment.updatedAt,
    body: { type: 'TextualBody', purpose: 'replying', value: comment.text, format: 'text/plain' },
    target: claimAnnotationId(claimId),
  };
}

/** The claims of `input` and their threads as a W3C AnnotationCollection, as JSON text. */
export function exportWebAnnotations(input: ExportInput): string {
  const { index, claims } = prepareExport(input);
  const source = articleIri(input);
  const items: object[] = [];
  for (const { claim, range } of claims) {
    // A found claim is described against this version, so re-importing it here is exact; one
    // whose stored target is unusable targets the article with no selector.
    const target = range ? targetFromRange(index.text, range.start, range.end, input.meta.currentVersion || 1) : isFlagged(claim, 'target') ? null : claim.target;
    const id = claimAnnotationId(claim.id);
    items.push({
      id,
      type: 'Annotation',
      motivation: 'assessing',
      status: claim.status,
      creator: isFlagged(claim, 'author') ? undefined : creator(claim.author),
      created: isFlagged(claim, 'createdAt') ? undefined : claim.createdAt,
      modified: isFlagged(claim, 'updatedAt') ? undefined : claim.updatedAt,
      body: claimBodies(claim),
      target: target
        ? {
            source,
            selector: [
              { type: 'TextQuoteSelector', ...target.quote },
              { type: 'TextPositionSelector', ...target.position },
            ],
          }
        : { source },
    });
    for (const comment of claim.thread) items.push(reply(claim.id, comment));
  }
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    id: `${source}#factdesk-claims`,
    type: 'AnnotationCollection',
    label: `Claims on “${input.meta.title}”`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2);
}

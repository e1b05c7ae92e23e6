/**
 * Reading a W3C Web Annotation collection back into claims: the other half of
 * web-annotations.ts, and a way in for annotations made elsewhere. The file is untrusted:
 * its shape is checked with zod, every claim field against the claim schemas, and each
 * claim is re-anchored by its selectors in the article's current text.
 */
import { z } from 'zod';
import { CLAIM_STATUSES, claimFieldSchemas, LIMITS, type ClaimInput, type ClaimStatus, type Target } from '../claim.js';
import { anchorTarget, targetFromRange } from '../anchoring/selectors.js';
import { VERDICTS, type VerdictId } from '../verdicts.js';
import { isWebUrl } from './escape.js';

/** A commenter or author as the file names them; `id` is ours when the file came from Factdesk. */
export interface ImportedPerson {
  id: string;
  name: string;
}

/** One comment of a claim's thread, from a `replying` annotation. */
export interface ImportedComment {
  annotationId: string;
  /** Its id in the thread: ours when the file came from Factdesk, else derived from `annotationId`. */
  commentId: string;
  author: ImportedPerson | null;
  createdAt: string | null;
  updatedAt: string | null;
  text: string;
}

/** A claim read from a Web Annotation, ready for createClaim. */
export interface ClaimImport {
  annotationId: string;
  /** The claim's id: ours when the file came from Factdesk, else derived from `annotationId` (so a re-import finds it). */
  claimId: string;
  input: ClaimInput;
  /** The status to restore: the file's, but never signed off (no reviewer here signed it); 'draft' when the file says none. */
  status: ClaimStatus;
  /** False when the quote is not in this text; `input.target` then keeps the file's selectors. */
  anchored: boolean;
  author: ImportedPerson | null;
  createdAt: string | null;
  updatedAt: string | null;
  comments: ImportedComment[];
  /** What was left out, e.g. a source link that is not http(s). */
  warnings: string[];
}

/** The schemas of a Web Annotation file, built the first time a file is read (see built-on-first-use.ts). */
function buildSchemas() {
  const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]).transform((v) => (Array.isArray(v) ? v : [v]));
  const text = z.string().max(100_000);
  const agent = z.union([text, z.object({ id: text.optional(), name: text.optional(), nickname: text.optional() })]);
  const body = z.object({
    id: text.optional(),
    type: text.optional(),
    purpose: text.optional(),
    value: text.optional(),
    title: text.optional(),
  });
  const selector = z.object({
    type: text,
    exact: text.optional(),
    prefix: text.optional(),
    suffix: text.optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
  });
  const specificTarget = z.object({ source: text.optional(), selector: oneOrMany(selector).optional() });
  const annotation = z.object({
    id: text.min(1),
    motivation: oneOrMany(text).optional(),
    status: text.optional(),
    creator: oneOrMany(agent).optional(),
    created: text.optional(),
    modified: text.optional(),
    body: oneOrMany(z.union([text, body])).optional(),
    target: oneOrMany(z.union([text, specificTarget])),
  });
  const collection = z.union([
    z.object({ first: z.object({ items: z.array(annotation) }) }).transform((c) => c.first.items),
    z.object({ items: z.array(annotation) }).transform((c) => c.items),
    z.array(annotation),
  ]);
  const claimInputSchema = z.object({
    target: claimFieldSchemas.target,
    verdict: claimFieldSchemas.verdict,
    rationale: claimFieldSchemas.rationale,
    sources: claimFieldSchemas.sources,
    tags: claimFieldSchemas.tags,
  });
  return { collection, annotation, claimInputSchema };
}

let built: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => (built ??= buildSchemas());
type Annotation = z.infer<ReturnType<typeof buildSchemas>['annotation']>;

const URN_CLAIM = 'urn:factdesk:claim:';
const ID_MAX = 64;

/** A short stable id for a name that is not one of ours (two 53-bit string hashes, base 36). */
function derivedId(name: string): string {
  const hash = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < name.length; i++) {
      const ch = name.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  return `wa-${hash(1)}${hash(2)}`;
}

/** `value` as an id we can store: itself when short and printable, else derived from it. */
function storableId(value: string): string {
  return value.length > 0 && value.length <= ID_MAX && /^[\x21-\x7e]+$/.test(value) ? value : derivedId(value);
}

function claimIdOf(annotationId: string): string {
  const ours = annotationId.startsWith(URN_CLAIM) && !annotationId.includes('/') ? safeDecode(annotationId.slice(URN_CLAIM.length)) : '';
  return ours ? storableId(ours) : derivedId(annotationId);
}

function commentIdOf(annotationId: string): string {
  const ours = annotationId.startsWith(URN_CLAIM) ? /\/comments\/([^/]+)$/.exec(annotationId)?.[1] : undefined;
  return ours ? storableId(safeDecode(ours)) : derivedId(annotationId);
}

function person(a: Annotation): ImportedPerson | null {
  const first = a.creator?.[0];
  if (first === undefined) return null;
  const raw = typeof first === 'string' ? { id: first, name: first } : { id: first.id ?? '', name: first.name ?? first.nickname ?? '' };
  const ours = raw.id.startsWith('urn:factdesk:user:') ? safeDecode(raw.id.slice('urn:factdesk:user:'.length)) : raw.id;
  const name = (raw.name.trim() || ours).slice(0, 200);
  if (!ours && !name) return null;
  return { id: storableId(ours || name), name: name || ours };
}

/** The file's status, capped at 'in-review': a sign-off made elsewhere is not one made here. */
function statusOf(a: Annotation, warnings: string[]): ClaimStatus {
  const said = a.status?.trim();
  if (!said) return 'draft';
  if (!(CLAIM_STATUSES as readonly string[]).includes(said)) {
    warnings.push(`Annotation ${a.id}: unknown status "${said.slice(0, 40)}"; imported as a draft.`);
    return 'draft';
  }
  if (said === 'approved') {
    warnings.push(`Annotation ${a.id}: it was signed off in the file; imported as in review, for a reviewer here to sign off.`);
    return 'in-review';
  }
  if (said === 'changes-requested') {
    warnings.push(`Annotation ${a.id}: changes had been requested; imported as a draft.`);
    return 'draft';
  }
  return said as ClaimStatus;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function verdictOf(value: string | undefined, where: string): VerdictId {
  const wanted = (value ?? '').trim().toLowerCase();
  const found = VERDICTS.find((v) => v.label.toLowerCase() === wanted || v.id === wanted);
  if (!found) throw new Error(`${where}: "${value ?? ''}" is not a verdict of the scale (${VERDICTS.map((v) => v.label).join(', ')}).`);
  return found.id;
}

function targetOf(a: Annotation, where: string): Omit<Target, 'version'> {
  const selectors = a.target.flatMap((t) => (typeof t === 'string' ? [] : (t.selector ?? [])));
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && s.exact);
  if (!quote) throw new Error(`${where}: the target has no TextQuoteSelector.`);
  const position = selectors.find((s) => s.type === 'TextPositionSelector' && s.start !== undefined && s.end !== undefined);
  const exact = quote.exact!;
  const start = position?.start ?? 0;
  return {
    quote: { exact, prefix: (quote.prefix ?? '').slice(-LIMITS.context), suffix: (quote.suffix ?? '').slice(0, LIMITS.context) },
    position: { start, end: position?.end && position.end > start ? position.end : start + exact.length },
  };
}

/** Parses a Web Annotation collection and re-anchors its claims in `canonicalText` (version `version`); throws a readable Error on broken input. */
export function importWebAnnotations(json: string, canonicalText: string, version = 1): ClaimImport[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`The annotations are not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = schemas().collection.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Not a Web Annotation collection${issue.path.length ? ` (at ${issue.path.join('.')})` : ''}: ${issue.message}`);
  }
  const replies = new Map<string, ImportedComment[]>();
  const claims: ClaimImport[] = [];
  for (const a of parsed.data) {
    if (a.motivation?.includes('replying')) {
      const target = a.target.find((t): t is string => typeof t === 'string');
      const value = a.body?.map((b) => (typeof b === 'string' ? b : (b.value ?? ''))).join('\n').trim();
      if (!target || !value) throw new Error(`Reply ${a.id}: it needs a target annotation and a text.`);
      const list = replies.get(target) ?? [];
      list.push({ annotationId: a.id, commentId: commentIdOf(a.id), author: person(a), createdAt: a.created ?? null, updatedAt: a.modified ?? null, text: value });
      replies.set(target, list);
      continue;
    }
    claims.push(claimOf(a, canonicalText, version));
  }
  for (const claim of claims) claim.comments = replies.get(claim.annotationId) ?? [];
  return claims;
}

function claimOf(a: Annotation, canonicalText: string, version: number): ClaimImport {
  const where = `Annotation ${a.id}`;
  const bodies = (a.body ?? []).map((b) => (typeof b === 'string' ? { id: b, purpose: 'linking' } : b));
  const warnings: string[] = [];
  const stored = targetOf(a, where);
  const range = anchorTarget(canonicalText, stored);
  const target: Target = range ? targetFromRange(canonicalText, range.start, range.end, version) : { version, ...stored };
  const sources = bodies
    .filter((b) => b.purpose === 'linking')
    .flatMap((b) => {
      if (isWebUrl(b.id)) return [{ url: b.id, title: b.title ?? '' }];
      warnings.push(`Left out a source that is not an http(s) link: ${String(b.id ?? b.value ?? '')}`);
      return [];
    });
  const candidate = {
    target,
    verdict: verdictOf(bodies.find((b) => b.purpose === 'assessing')?.value, where),
    rationale: bodies
      .filter((b) => b.purpose === 'commenting')
      .map((b) => b.value ?? '')
      .join('\n\n'),
    sources,
    tags: bodies.filter((b) => b.purpose === 'tagging' && b.value).map((b) => b.value!),
  };
  const checked = schemas().claimInputSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`${where}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return {
    annotationId: a.id,
    claimId: claimIdOf(a.id),
    input: checked.data,
    status: statusOf(a, warnings),
    anchored: range !== null,
    author: person(a),
    createdAt: a.created ?? null,
    updatedAt: a.modified ?? null,
    comments: [],
    warnings,
  };
}

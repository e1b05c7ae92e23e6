/**
 * A claim: a span of the article with a verdict, a rationale and sources. The zod schemas
 * are the single definition of what a valid claim field is; the server checks every
 * write against them and the limits below bound what one person can store.
 */
import { z } from 'zod';
import { VERDICT_IDS } from './verdicts.js';
import { personRefSchema } from './roles.js';
import { builtOnFirstUse } from './built-on-first-use.js';

/** Field length limits, shared by the form (maxLength) and the server (validation). */
export const LIMITS = {
  quote: 10_000,
  context: 32,
  rationale: 20_000,
  sourceUrl: 2_000,
  sourceTitle: 500,
  sources: 50,
  tag: 60,
  tags: 30,
  comment: 10_000,
  historyNote: 1_000,
} as const;

export const CLAIM_STATUSES = ['draft', 'in-review', 'approved', 'changes-requested'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
};

/** What a history entry records. */
export const HISTORY_ACTIONS = ['created', 'edited', 'submitted', 'approved', 'changes-requested', 'reopened', 'commented'] as const;

/**
 * Where a claim stands after a new version of the article (see anchoring/reanchor.ts):
 * anchored (its quote is in the text as checked), changed (found, but its text changed
 * since the verdict), orphan (not found with confidence: not highlighted, waiting for
 * triage) or archived (set aside by a person during triage).
 */
export const ANCHOR_STATES = ['anchored', 'changed', 'orphan', 'archived'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];
/** At most this many versions of one article keep a claim's earlier targets. */
export const MAX_VERSIONS = 1_000;

/**
 * The schemas, built on first use (built-on-first-use.ts): the browser builds none of them
 * before the article is drawn. Inside, they refer to each other directly.
 */
function buildSchemas() {
  /** An ISO 8601 date-time with a zone, as toISOString writes it (checked on every update: a regex, not Date.parse). */
  const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });

  /** W3C TextQuoteSelector: the quoted text with up to 32 characters of context each side. */
  const quoteSelectorSchema = z.object({
    exact: z.string().min(1).max(LIMITS.quote),
    prefix: z.string().max(LIMITS.context),
    suffix: z.string().max(LIMITS.context),
  });

  /** W3C TextPositionSelector over the canonical plain text of the article version. */
  const positionSelectorSchema = z
    .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
    .refine((p) => p.end > p.start, 'end must be after start');

  const targetSchema = z.object({
    version: z.number().int().min(1),
    quote: quoteSelectorSchema,
    position: positionSelectorSchema,
  });

  /** Only http(s) links are stored: a source is something a reader can open. */
  const sourceSchema = z.object({
    url: z
      .string()
      .max(LIMITS.sourceUrl)
      .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), 'must be an http(s) URL'),
    title: z.string().max(LIMITS.sourceTitle),
  });

  const reviewSchema = z.object({
    decision: z.enum(['approved', 'changes-requested']),
    reviewer: personRefSchema,
    at: isoDate,
    comment: z.string().max(LIMITS.comment),
  });


  const historyEntrySchema = z.object({
    at: isoDate,
    by: personRefSchema,
    action: z.enum(HISTORY_ACTIONS),
    fields: z.array(z.string().max(40)).max(20).optional(),
    note: z.string().max(LIMITS.historyNote).optional(),
  });

  const commentSchema = z.object({
    id: z.string().min(1).max(64),
    author: personRefSchema,
    createdAt: isoDate,
    updatedAt: isoDate,
    text: z.string().min(1).max(LIMITS.comment),
  });

  /** Who marked a claim's thread resolved, and when; null while the discussion is open. */
  const threadResolutionSchema = z.object({ by: personRefSchema, at: isoDate });

  /** The outcome of the last re-anchoring, with what triage needs: the old target and suggested new ones. */
  const anchorSchema = z.object({
    state: z.enum(ANCHOR_STATES),
    /** The article version this state was reached for. */
    version: z.number().int().min(1),
    /** The target before the article changed under the claim: the quote as it was checked. */
    previous: targetSchema.nullable(),
    /** Candidate targets in the new version, best first. */
    suggestions: z.array(targetSchema).max(5),
  });

  /** The plain (non-nested) fields of a claim and the schema of each. */
  const claimFieldSchemas = {
    id: z.string().min(1).max(64),
    author: personRefSchema,
    createdAt: isoDate,
    updatedAt: isoDate,
    target: targetSchema,
    verdict: z.enum(VERDICT_IDS),
    rationale: z.string().max(LIMITS.rationale),
    sources: z.array(sourceSchema).max(LIMITS.sources),
    tags: z.array(z.string().min(1).max(LIMITS.tag)).max(LIMITS.tags),
    status: z.enum(CLAIM_STATUSES),
    review: reviewSchema.nullable(),
    threadResolved: threadResolutionSchema.nullable(),
    /** The article version the verdict was given for (absent: the version of the target). */
    checkedVersion: z.number().int().min(1),
    anchor: anchorSchema.nullable(),
    /** The claim's targets in earlier versions (written by the server on a new version). */
    pastTargets: z.array(targetSchema).max(MAX_VERSIONS),
  } as const;
  return { quoteSelectorSchema, positionSelectorSchema, targetSchema, sourceSchema, reviewSchema, historyEntrySchema, commentSchema, threadResolutionSchema, anchorSchema, claimFieldSchemas };
}

let built: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => (built ??= buildSchemas());
export const quoteSelectorSchema = builtOnFirstUse(() => schemas().quoteSelectorSchema);
export const positionSelectorSchema = builtOnFirstUse(() => schemas().positionSelectorSchema);
export const targetSchema = builtOnFirstUse(() => schemas().targetSchema);
export const sourceSchema = builtOnFirstUse(() => schemas().sourceSchema);
export const reviewSchema = builtOnFirstUse(() => schemas().reviewSchema);
export const historyEntrySchema = builtOnFirstUse(() => schemas().historyEntrySchema);
export const commentSchema = builtOnFirstUse(() => schemas().commentSchema);
export const threadResolutionSchema = builtOnFirstUse(() => schemas().threadResolutionSchema);
export const anchorSchema = builtOnFirstUse(() => schemas().anchorSchema);
/** The plain (non-nested) fields of a claim and the schema of each. */
export const claimFieldSchemas = builtOnFirstUse(() => schemas().claimFieldSchemas);

export type ClaimField = keyof typeof claimFieldSchemas;
/** Every plain field, in the schemas' order (listed here: reading the keys would build the schemas). */
export const CLAIM_FIELDS: readonly ClaimField[] = [
  'id',
  'author',
  'createdAt',
  'updatedAt',
  'target',
  'verdict',
  'rationale',
  'sources',
  'tags',
  'status',
  'review',
  'threadResolved',
  'checkedVersion',
  'anchor',
  'pastTargets',
];

/** The nested fields: an append-only history list and a thread of comments keyed by id. */
export const NESTED_FIELDS = ['history', 'thread'] as const;
export type NestedField = (typeof NESTED_FIELDS)[number];

export type QuoteSelector = z.infer<typeof quoteSelectorSchema>;
export type PositionSelector = z.infer<typeof positionSelectorSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type Comment = z.infer<typeof commentSchema>;
export type Anchor = z.infer<typeof anchorSchema>;
export type ThreadResolution = z.infer<typeof threadResolutionSchema>;

/** A claim as read from the Y.Doc: a plain snapshot, never a live object. */
export interface Claim {
  id: string;
  author: z.infer<typeof personRefSchema>;
  createdAt: string;
  updatedAt: string;
  target: Target;
  verdict: z.infer<typeof claimFieldSchemas.verdict>;
  rationale: string;
  sources: Source[];
  tags: string[];
  status: ClaimStatus;
  review: Review | null;
  /** Null (or absent in claims made before threads could be resolved) while the thread is open. */
  threadResolved?: ThreadResolution | null;
  history: HistoryEntry[];
  thread: Comment[];
  /** Absent in claims that never went through a new version: then `target.version`. */
  checkedVersion?: number;
  /** Absent (or null) until the article changes under the claim. */
  anchor?: Anchor | null;
  pastTargets?: Target[];
  /**
   * The fields (or, for keys a claim does not have, the start of their names) whose stored
   * values failed their schema; each reads as a safe value (stored-claim.ts). Absent when all are usable.
   */
  invalid?: string[];
}

/** What a person fills in to create or edit a claim. */
export interface ClaimInput {
  target: Target;
  verdict: Claim['verdict'];
  rationale: string;
  sources: Source[];
  tags?: string[];
}

/** The fields whose change moves an approved claim back to review. */
export const SIGNED_OFF_FIELDS: readonly ClaimField[] = ['target', 'verdict', 'rationale', 'sources'];

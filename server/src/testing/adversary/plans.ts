/**
 * What a hostile client tries, as fast-check arbitraries of plans: abstract choices (which
 * claim, which field, which client id, how to break the bytes) that forge.ts turns into frames
 * against the doc as it stands. A plan is fully determined by the seed and its index, so a run
 * replays with the same FUZZ_SEED.
 */
import fc from 'fast-check';

export const SENDERS = ['viewer', 'annotator', 'reviewer', 'admin'] as const;
export type SenderRole = (typeof SENDERS)[number];

/** Which claim: one of the sender's own, someone else's, an approved one, or any; `n` picks among them. */
export interface ClaimPick {
  which: 'own' | 'other' | 'approved' | 'any' | 'missing';
  n: number;
}

/** Whose client id the structs carry and where their clock starts. */
export type ClientPick = 'own-next' | 'own-gap' | 'own-new' | 'foreign-next' | 'reused' | 'random';

/** How a field's value is encoded. */
export type Encoding = 'any' | 'nested-map' | 'nested-array' | 'nested-text' | 'string' | 'json' | 'binary' | 'deleted';

export const FIELDS = [
  'target', 'verdict', 'rationale', 'sources', 'tags', 'checkedVersion', 'anchor',
  'status', 'review', 'updatedAt', 'createdAt', 'threadResolved', 'pastTargets', 'author', 'id', 'history', 'thread',
  'evil', '__proto__', 'constructor', 'x'.repeat(300),
] as const;

export const FORGERIES = [
  'approve-other', 'approve-own', 'request-changes', 'write-review', 'edit-other', 'edit-own',
  'delete-approved', 'delete-other', 'delete-own', 'resolve-thread', 'edit-other-comment', 'delete-other-comment',
  'reply', 'past-targets', 'write-meta', 'write-article', 'submit-own', 'forge-history', 'forge-updated-at', 'unknown-key',
] as const;
export type Forgery = (typeof FORGERIES)[number];

export type Plan =
  | { kind: 'field-write'; sender: SenderRole; claim: ClaimPick; field: string; value: unknown; encoding: Encoding; client: ClientPick; step2: boolean }
  | { kind: 'new-claim'; sender: SenderRole; authorIsOther: boolean; forged: string[]; client: ClientPick; step2: boolean; reuseKey: boolean }
  | { kind: 'history-append'; sender: SenderRole; claim: ClaimPick; action: string; byOther: boolean; client: ClientPick }
  | { kind: 'comment'; sender: SenderRole; claim: ClaimPick; asOther: boolean; overwrite: boolean; client: ClientPick }
  | { kind: 'root-write'; sender: SenderRole; root: string; key: string; value: unknown; listItem: boolean; client: ClientPick }
  | { kind: 'delete'; sender: SenderRole; claim: ClaimPick; what: 'claim' | 'field' | 'history' | 'comment' | 'future' | 'huge' | 'article'; withStruct: boolean }
  | { kind: 'noise'; sender: SenderRole; structs: number[]; client: ClientPick; parent: 'claims' | 'claim' | 'meta' | 'unknown-item' }
  | { kind: 'split-reversed'; sender: SenderRole; inner: 'new-claim' | 'field-pair'; claim: ClaimPick; cut: number; client: ClientPick }
  | { kind: 'gap'; sender: SenderRole; claim: ClaimPick; field: string; gap: number; viaSkip: boolean; fillLater: boolean }
  | { kind: 'huge'; sender: SenderRole; variant: number; magnitude: number }
  | { kind: 'awareness'; sender: SenderRole; ids: number; stateBytes: number; foreign: boolean; nullStates: boolean }
  | { kind: 'forgery'; sender: SenderRole; forgery: Forgery; claim: ClaimPick; step2: boolean };

const sender = fc.constantFrom(...SENDERS);
const claim: fc.Arbitrary<ClaimPick> = fc.record({
  which: fc.constantFrom('own', 'other', 'approved', 'any', 'missing'),
  n: fc.nat(1000),
});
const client: fc.Arbitrary<ClientPick> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('own-next' as const) },
  { weight: 1, arbitrary: fc.constantFrom('own-gap', 'own-new', 'foreign-next', 'reused', 'random') as fc.Arbitrary<ClientPick> },
);
const encodingArb: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('any' as const) },
  { weight: 1, arbitrary: fc.constantFrom('nested-map', 'nested-array', 'nested-text', 'string', 'json', 'binary', 'deleted') as fc.Arbitrary<Encoding> },
);
const iso = fc.oneof(fc.constant(new Date().toISOString()), fc.constant('2001-01-01T00:00:00.000Z'), fc.constant('not a date'));
const person = fc.constantFrom({ id: 'factdesk', name: 'Factdesk' }, { id: 'someone-else', name: 'Someone' });
/** Values that look like what the field holds, values the server itself writes, and junk. */
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('approved', 'in-review', 'changes-requested', 'draft', 'true', 'false', 'mixed') },
  { weight: 2, arbitrary: fc.record({ decision: fc.constantFrom('approved', 'changes-requested'), reviewer: person, at: iso, comment: fc.string({ maxLength: 20 }) }) },
  { weight: 2, arbitrary: fc.record({ version: fc.constant(1), quote: fc.record({ exact: fc.constant('UN'), prefix: fc.constant(''), suffix: fc.constant('') }), position: fc.record({ start: fc.constant(0), end: fc.constant(2) }) }) },
  { weight: 2, arbitrary: iso },
  { weight: 1, arbitrary: person },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 0, maxLength: 4000 }) },
);
const field = fc.constantFrom(...FIELDS);

const plans: fc.Arbitrary<Plan>[] = [
  fc.record({ kind: fc.constant('field-write' as const), sender, claim, field, value, encoding: encodingArb, client, step2: fc.boolean() }),
  fc.record({ kind: fc.constant('new-claim' as const), sender, authorIsOther: fc.boolean(), forged: fc.subarray(['status', 'review', 'history', 'createdAt', 'threadResolved', 'pastTargets', 'evil', 'thread']), client, step2: fc.boolean(), reuseKey: fc.boolean() }),
  fc.record({ kind: fc.constant('history-append' as const), sender, claim, action: fc.constantFrom('approved', 'edited', 'created', 'submitted', 'reopened'), byOther: fc.boolean(), client }),
  fc.record({ kind: fc.constant('comment' as const), sender, claim, asOther: fc.boolean(), overwrite: fc.boolean(), client }),
  fc.record({ kind: fc.constant('root-write' as const), sender, root: fc.constantFrom('meta', 'article', 'evil', 'annotations'), key: fc.constantFrom('title', 'currentVersion', 'v1', 'x'), value, listItem: fc.boolean(), client }),
  fc.record({ kind: fc.constant('delete' as const), sender, claim, what: fc.constantFrom('claim', 'field', 'history', 'comment', 'future', 'huge', 'article'), withStruct: fc.boolean() }),
  fc.record({ kind: fc.constant('noise' as const), sender, structs: fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }), client, parent: fc.constantFrom('claims', 'claim', 'meta', 'unknown-item') }),
  fc.record({ kind: fc.constant('split-reversed' as const), sender, inner: fc.constantFrom('new-claim', 'field-pair'), claim, cut: fc.integer({ min: 1, max: 6 }), client }),
  fc.record({ kind: fc.constant('gap' as const), sender, claim, field, gap: fc.integer({ min: 1, max: 5 }), viaSkip: fc.boolean(), fillLater: fc.boolean() }),
  fc.record({ kind: fc.constant('huge' as const), sender, variant: fc.nat(7), magnitude: fc.integer({ min: 20, max: 52 }) }),
  fc.record({ kind: fc.constant('awareness' as const), sender, ids: fc.integer({ min: 1, max: 300 }), stateBytes: fc.nat(20_000), foreign: fc.boolean(), nullStates: fc.boolean() }),
  fc.record({ kind: fc.constant('forgery' as const), sender, forgery: fc.constantFrom(...FORGERIES), claim, step2: fc.boolean() }),
];

/** Every kind of plan, the forgeries of real Y.Docs and plain field writes most often. */
export const planArbitrary: fc.Arbitrary<Plan> = fc.oneof(
  { weight: 5, arbitrary: plans[0] },
  { weight: 2, arbitrary: plans[1] },
  { weight: 1, arbitrary: plans[2] },
  { weight: 1, arbitrary: plans[3] },
  { weight: 1, arbitrary: plans[4] },
  { weight: 2, arbitrary: plans[5] },
  { weight: 1, arbitrary: plans[6] },
  { weight: 1, arbitrary: plans[7] },
  { weight: 1, arbitrary: plans[8] },
  { weight: 1, arbitrary: plans[9] },
  { weight: 1, arbitrary: plans[10] },
  { weight: 5, arbitrary: plans[11] },
);

/** The plans of one run, drawn lazily in chunks: plan `i` of a seed is always the same. */
export function* planStream(seed: number, count: number, chunk = 1000): Generator<Plan> {
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    yield* fc.sample(planArbitrary, { seed: (seed + Math.imul(start / chunk + 1, 0x9e3779b1)) | 0, numRuns: n });
  }
}

/** One line describing a plan, for the report. */
export function describePlan(plan: Plan): string {
  return JSON.stringify(plan, (k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v));
}

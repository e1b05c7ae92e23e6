/**
 * A refused update's reason is a sentence for its sender, sometimes quoting what they sent (a
 * field name). A metric label must come from a small fixed set, or every hostile client mints
 * a new time series: each sentence is sorted into one of a few kinds.
 */

/** The kinds of refusal the refused-updates counter is labelled by. */
export const REFUSAL_REASONS = ['permission', 'invalid', 'malformed', 'incomplete', 'quota', 'other'] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** First match wins: the sentences come from shared/src/permissions.ts, validation/ and rooms/. */
const KINDS: readonly [RefusalReason, RegExp][] = [
  ['quota', /storage limit/],
  ['incomplete', /earlier change the server does not have|could not be applied whole|has a gap in it|refers to data the server does not have/],
  ['malformed', /could not be decoded|is malformed|clocks past|not a container|item without a place/],
  [
    'permission',
    /^viewers cannot|only your own|another person's session|only (by|through) the server|the server (writes|records)|kept by the server|must be you|cannot be (changed|replaced)|cannot approve|keeps the time/,
  ],
  ['invalid', /^invalid |unknown claim field|has no field|fixed shape|holds? only|holds one value|must be a map|must match its key|no earlier versions/],
];

/** The kind of refusal a reason sentence names; 'other' for a sentence this table does not know yet. */
export function refusalReason(sentence: string): RefusalReason {
  for (const [kind, pattern] of KINDS) if (pattern.test(sentence)) return kind;
  return 'other';
}

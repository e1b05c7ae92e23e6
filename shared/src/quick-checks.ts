/**
 * The values the app writes with every edit — a rationale, a date, a history entry — accepted
 * without zod. The server checks each incoming update, and on a busy room the zod calls were
 * the largest part of that check. Each quick check here accepts only values its schema in
 * claim.ts accepts (quick-checks.test.ts holds them to that on thousands of generated values);
 * whatever a quick check does not accept goes to the schema, which decides and words the
 * refusal. So the schemas stay the one definition of a valid value, and this file may only
 * ever be stricter.
 */
import { CLAIM_STATUSES, HISTORY_ACTIONS, LIMITS, type ClaimField } from './claim.js';
import { VERDICT_IDS } from './verdicts.js';

const VERDICTS = new Set<unknown>(VERDICT_IDS);
const STATUSES = new Set<unknown>(CLAIM_STATUSES);
const ACTIONS = new Set<unknown>(HISTORY_ACTIONS);

/** `toISOString`'s separators by position: YYYY-MM-DDTHH:MM:SS.sssZ (24 characters). */
const DATE_SEPARATORS: [number, string][] = [
  [4, '-'],
  [7, '-'],
  [10, 'T'],
  [13, ':'],
  [16, ':'],
  [19, '.'],
  [23, 'Z'],
];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the `n` ASCII digits at `from` in `s`, or -1 if one of them is not a digit. */
function digitsAt(s: string, from: number, n: number): number {
  let value = 0;
  for (let i = from; i < from + n; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A date-time as `toISOString` writes it (UTC, milliseconds), read character by character:
 * checked on every update, and a regular expression's match and the numbers cut out of it cost
 * several times more on a busy server.
 */
function isDate(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 24) return false;
  for (const [at, separator] of DATE_SEPARATORS) if (v[at] !== separator) return false;
  const [year, month, day] = [digitsAt(v, 0, 4), digitsAt(v, 5, 2), digitsAt(v, 8, 2)];
  const [hours, minutes, seconds, ms] = [digitsAt(v, 11, 2), digitsAt(v, 14, 2), digitsAt(v, 17, 2), digitsAt(v, 20, 3)];
  if (year < 0 || ms < 0 || month < 1 || month > 12 || day < 1 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29 && leap);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, min: number, max: number): boolean => typeof v === 'string' && v.length >= min && v.length <= max;
const isCount = (v: unknown, min: number): boolean => Number.isSafeInteger(v) && (v as number) >= min;

function isPersonRef(v: unknown): boolean {
  return isRecord(v) && isText(v.id, 1, 64) && isText(v.name, 1, 200);
}

function isTarget(v: unknown): boolean {
  if (!isRecord(v) || !isCount(v.version, 1)) return false;
  const { quote, position } = v;
  return (
    isRecord(quote) &&
    isText(quote.exact, 1, LIMITS.quote) &&
    isText(quote.prefix, 0, LIMITS.context) &&
    isText(quote.suffix, 0, LIMITS.context) &&
    isRecord(position) &&
    isCount(position.start, 0) &&
    isCount(position.end, 0) &&
    (position.end as number) > (position.start as number)
  );
}

const isEmptyList = (v: unknown): boolean => Array.isArray(v) && v.length === 0;

/** The quick check of each field the app writes often; the others always go to their schema. */
const QUICK_FIELDS: Partial<Record<ClaimField, (v: unknown) => boolean>> = {
  id: (v) => isText(v, 1, 64),
  author: isPersonRef,
  createdAt: isDate,
  updatedAt: isDate,
  target: isTarget,
  verdict: (v) => VERDICTS.has(v),
  rationale: (v) => isText(v, 0, LIMITS.rationale),
  sources: isEmptyList,
  tags: isEmptyList,
  status: (v) => STATUSES.has(v),
  review: (v) => v === null,
  threadResolved: (v) => v === null,
  checkedVersion: (v) => isCount(v, 1),
  anchor: (v) => v === null,
  pastTargets: isEmptyList,
};

/** True only if `value` is certainly valid for the claim field (false: ask the field's schema). */
export function quickFieldValid(field: string, value: unknown): boolean {
  const check = Object.hasOwn(QUICK_FIELDS, field) ? QUICK_FIELDS[field as ClaimField] : undefined;
  return check !== undefined && check(value);
}

/** True only if `entry` is certainly a valid history entry (false: ask `historyEntrySchema`). */
export function quickHistoryEntryValid(entry: unknown): boolean {
  if (!isRecord(entry) || !isDate(entry.at) || !isPersonRef(entry.by) || !ACTIONS.has(entry.action)) return false;
  const { fields, note } = entry;
  if (note !== undefined && !isText(note, 0, LIMITS.historyNote)) return false;
  if (fields === undefined) return true;
  if (!Array.isArray(fields) || fields.length > 20) return false;
  for (const f of fields) if (!isText(f, 0, 40)) return false;
  return true;
}

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

/** `toISOString`'s layout (UTC, milliseconds), each part in its range; days past 28 are looked at after. */
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the `n` ASCII digits at `from` in `s` (already known to be digits). */
function digitsAt(s: string, from: number, n: number): number {
  let value = 0;
  for (let i = from; i < from + n; i++) value = value * 10 + s.charCodeAt(i) - 48;
  return value;
}

/**
 * A date-time as `toISOString` writes it. Checked twice on every edit: a regular expression's
 * test (no match object, no numbers cut out), then the day of the month read only when past 28,
 * took ≈ 60 ns here, reading the string character by character 150–300 ns.
 */
function isDate(v: unknown): boolean {
  if (typeof v !== 'string' || !DATE.test(v)) return false;
  const day = digitsAt(v, 8, 2);
  if (day <= 28) return true;
  const year = digitsAt(v, 0, 4);
  const month = digitsAt(v, 5, 2);
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

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { LIMITS, claimFieldSchemas, historyEntrySchema, type ClaimField } from './claim.js';
import { quickFieldValid, quickHistoryEntryValid } from './quick-checks.js';
import { claimsMap, createClaim, recordClaimEdit, setClaimStatus, stampNewClaim, updateClaim } from './ydoc.js';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, pick };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Dates near and past every edge of the format: days 0–32, months 0–13, hours 0–24, other zones. */
function dates(r: ReturnType<typeof random>): unknown[] {
  const year = r.pick([1999, 2000, 2023, 2024, 2026, 2100, 10000]);
  const day = Math.floor(r.next() * 33);
  const month = Math.floor(r.next() * 14);
  const hour = Math.floor(r.next() * 25);
  const minute = r.pick([0, 30, 59, 60]);
  const core = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(r.pick([0, 59, 60]))}`;
  // A valid date with one character swapped for one just outside the digits ('/' and ':') or a letter.
  const valid = new Date(r.next() * 4e12).toISOString();
  const at = Math.floor(r.next() * valid.length);
  const swapped = valid.slice(0, at) + r.pick(['/', ':', 'a', '٣']) + valid.slice(at + 1);
  return [`${core}.000Z`, `${core}.123Z`, `${core}Z`, `${core}.000+01:00`, `${core}.000z`, ` ${core}.000Z`, `${core}.000Z\n`, valid, swapped, 1_700_000_000_000, null];
}

const strings = (max: number) => ['', 'a', 'x'.repeat(max), 'x'.repeat(max + 1), 'é'.repeat(max), 42, null, undefined, ['a'], { a: 1 }];
const counts = [-1, 0, 1, 2, 1.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, '1', null];
const person = (r: ReturnType<typeof random>) =>
  r.pick<unknown>([{ id: 'u1', name: 'Ann' }, { id: r.pick(strings(64)), name: r.pick(strings(200)) }, { id: 'u1' }, { id: 'u1', name: 'Ann', extra: true }, ['u1', 'Ann'], null, 'u1']);

function targets(r: ReturnType<typeof random>): unknown {
  const start = r.pick(counts);
  const end = r.pick([...counts, 14, 3]);
  return r.pick<unknown>([
    { version: r.pick(counts), quote: { exact: r.pick(strings(LIMITS.quote)), prefix: r.pick(strings(LIMITS.context)), suffix: '' }, position: { start, end } },
    { version: 1, quote: { exact: 'UNITED NATIONS', prefix: '', suffix: '' }, position: { start: 0, end: 14 } },
    { version: 1, quote: { exact: 'UNITED NATIONS', prefix: '', suffix: r.pick(strings(LIMITS.context)) }, position: { start, end } },
    { version: 1, quote: null, position: { start: 0, end: 14 } },
    { version: 1, quote: { exact: 'x', prefix: '', suffix: '' } },
    [],
  ]);
}

/** Candidate values for one field: valid ones, and ones just past a limit or of the wrong kind. */
function candidates(field: ClaimField, r: ReturnType<typeof random>): unknown[] {
  switch (field) {
    case 'id':
      return strings(64);
    case 'author':
      return [person(r)];
    case 'createdAt':
    case 'updatedAt':
      return dates(r);
    case 'target':
      return [targets(r)];
    case 'verdict':
      return ['true', 'false', 'mixed', 'unverifiable', 'TRUE', '', null, 1];
    case 'rationale':
      return strings(LIMITS.rationale);
    case 'status':
      return ['draft', 'in-review', 'approved', 'changes-requested', 'Draft', null];
    case 'checkedVersion':
      return counts;
    default:
      return [[], [1], [''], ['x'], null, undefined, {}, 'x', [{ url: 'https://example.org', title: 'x' }]];
  }
}

const FIELDS = Object.keys(claimFieldSchemas) as ClaimField[];

describe('quick checks accept only what the schemas accept', () => {
  it('for every claim field, on thousands of generated values', () => {
    const r = random(8);
    let accepted = 0;
    for (let round = 0; round < 300; round++) {
      for (const field of FIELDS) {
        for (const value of candidates(field, r)) {
          if (!quickFieldValid(field, value)) continue;
          accepted++;
          expect(claimFieldSchemas[field].safeParse(value).success, `${field} = ${JSON.stringify(value)}`).toBe(true);
        }
      }
    }
    expect(accepted).toBeGreaterThan(1000); // the quick path is taken, not only bypassed
  });

  it('for history entries', () => {
    const r = random(21);
    let accepted = 0;
    for (let round = 0; round < 3000; round++) {
      const entry: Record<string, unknown> = {
        at: r.next() < 0.5 ? new Date(r.next() * 4e12).toISOString() : r.pick(dates(r)),
        by: r.next() < 0.5 ? { id: 'u1', name: 'Ann' } : person(r),
        action: r.pick(['created', 'edited', 'submitted', 'approved', 'changes-requested', 'reopened', 'commented', 'deleted', '', null]),
      };
      const fields = r.pick<unknown>([undefined, [], ['rationale'], ['x'.repeat(40)], ['x'.repeat(41)], Array(21).fill('a'), Array(20).fill('a'), [1], 'rationale', null]);
      if (fields !== undefined || r.next() < 0.5) entry.fields = fields;
      const note = r.pick<unknown>([undefined, '', 'why', 'x'.repeat(LIMITS.historyNote), 'x'.repeat(LIMITS.historyNote + 1), 5, null]);
      if (note !== undefined || r.next() < 0.5) entry.note = note;
      const value = r.next() < 0.05 ? r.pick<unknown>([null, [], 'entry', [entry]]) : entry;
      if (!quickHistoryEntryValid(value)) continue;
      accepted++;
      expect(historyEntrySchema.safeParse(value).success, JSON.stringify(value)).toBe(true);
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('takes the quick path for every field and entry the app writes', () => {
    const doc = new Y.Doc();
    const ann = { id: 'u_ann', name: 'Ann Example' };
    const target = { version: 1, quote: { exact: 'UNITED NATIONS', prefix: '', suffix: ' - The' }, position: { start: 0, end: 14 } };
    const id = createClaim(doc, ann, { target, verdict: 'mostly-true', rationale: 'First look.', sources: [] });
    stampNewClaim(doc, id, new Date('2026-11-05T10:00:00.000Z'));
    recordClaimEdit(doc, id, ann, updateClaim(doc, id, { rationale: 'Second look.', verdict: 'false' }), new Date('2026-11-05T10:01:00.000Z'));
    setClaimStatus(doc, id, 'in-review', ann, { action: 'submitted' }, undefined, new Date('2026-02-28T23:59:59.999Z'));
    const map = claimsMap(doc).get(id)!;
    for (const [field, value] of map.entries()) {
      if (field === 'history' || field === 'thread') continue;
      expect(quickFieldValid(field, value), field).toBe(true);
    }
    const history = (map.get('history') as Y.Array<unknown>).toArray();
    expect(history.length).toBeGreaterThanOrEqual(3);
    for (const entry of history) expect(quickHistoryEntryValid(entry), JSON.stringify(entry)).toBe(true);
  });
});

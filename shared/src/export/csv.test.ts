import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../import/plain-text.js';
import { CSV_COLUMNS, exportCsv } from './csv.js';
import { prepareExport } from './export-input.js';
import { seedInput } from './fixtures.js';

/** A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    let cell = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) throw new Error('Unterminated quoted field');
        cell += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        cell += '"';
        at++;
      }
    } else {
      const end = text.slice(at).search(/,|\r\n/);
      if (end < 0) throw new Error('A record does not end with CRLF');
      cell = text.slice(at, at + end);
      if (/["\r\n]/.test(cell)) throw new Error(`Unquoted field with a quote or line break: ${cell}`);
      at += end;
    }
    row.push(cell);
    if (text.startsWith('\r\n', at)) {
      rows.push(row);
      row = [];
      at += 2;
    } else if (text[at] === ',') at++;
    else throw new Error(`Unexpected character after a field at ${at}`);
  }
  return rows;
}

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const input = seedInput(importPlainText(seed));

describe('the CSV export', () => {
  it('has a header and one row per claim, numbered in reading order', () => {
    const rows = parseCsv(exportCsv(input));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(input.claims.length + 1);
    const numbered = prepareExport(input).claims;
    expect(rows.slice(1).map((r) => r[1])).toEqual(numbered.map((c) => c.claim.target.quote.exact));
    expect(rows.slice(1).map((r) => r[0])).toEqual(numbered.map((c) => String(c.number)));
  });

  it('reads back with the same values, line breaks, quotes and non-ASCII included', () => {
    const claim = input.claims.find((c) => c.id === 'two-paragraphs')!;
    const edited = {
      ...claim,
      rationale: 'She said "no", twice;\r\nthen — again — “no”.',
      sources: [
        { url: 'https://a.example/1', title: 'UN, press' },
        { url: 'https://b.example/2', title: '' },
      ],
    };
    const [, row] = parseCsv(exportCsv({ ...input, claims: [edited] }));
    expect(row).toEqual([
      '1',
      'have paid high costs.\nShea’s statement highlights',
      'Not a factual claim',
      'Approved',
      'She said "no", twice;\r\nthen — again — “no”.',
      'UN, press <https://a.example/1>; https://b.example/2',
      'Ana Annotator',
      'Rita Reviewer',
      '2026-11-19T09:00:00.000Z',
      '2026-11-20T10:00:00.000Z',
      '2026-11-20T10:00:00.000Z',
    ]);
  });

  it('leaves "signed off at" empty for a claim that is not signed off', () => {
    const rows = parseCsv(exportCsv({ ...input, claims: input.claims.filter((c) => c.id === 'same-b') }));
    expect(rows[1][3]).toBe('Changes requested');
    expect(rows[1][7]).toBe('Rita Reviewer');
    expect(rows[1][10]).toBe('');
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const claim = input.claims[0];
    const hostile = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];
    const claims = hostile.map((rationale, i) => ({
      ...claim,
      id: `f${i}`,
      rationale,
      author: { id: 'x', name: rationale },
    }));
    const rows = parseCsv(exportCsv({ ...input, claims }));
    expect(rows.slice(1).map((r) => r[4])).toEqual(hostile.map((h) => `'${h}`));
    expect(rows.slice(1).map((r) => r[6])).toEqual(hostile.map((h) => `'${h}`));
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('ends every record with CRLF', () => {
    const csv = exportCsv(input);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });
});

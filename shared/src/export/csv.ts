/**
 * The claims as CSV for spreadsheets: one row per claim, RFC 4180 quoting with CRLF line
 * ends, and every cell a spreadsheet would read as a formula (starting with = + - @, tab
 * or CR) neutralised with a leading apostrophe, so a rationale cannot run code on open.
 */
import { STATUS_LABELS, type Source } from '../claim.js';
import { shownVerdict } from '../stored-claim.js';
import { isSignedOff, prepareExport, type ExportInput } from './export-input.js';

export const CSV_COLUMNS = [
  'Number',
  'Quote',
  'Verdict',
  'Status',
  'Rationale',
  'Sources',
  'Author',
  'Reviewer',
  'Created',
  'Updated',
  'Signed off at',
] as const;

/** A cell a spreadsheet will not evaluate: formula-like starts get a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One cell, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A source as one readable piece of a cell: "Title <url>", or the URL alone. */
export function sourceText(source: Source): string {
  return source.title.trim() ? `${source.title.trim()} <${source.url}>` : source.url;
}

/** The last column, present only when a claim had stored values that failed their checks. */
export const INVALID_COLUMN = 'Invalid fields';

/**
 * The claims of `input` as CSV, numbered in reading order, with a header row. When a claim had
 * unusable stored values (`Claim.invalid`), a last column names them for every row.
 */
export function exportCsv(input: ExportInput): string {
  const { claims } = prepareExport(input);
  const flagged = claims.some(({ claim }) => claim.invalid?.length);
  const rows = claims.map(({ number, claim }) => [
    String(number),
    claim.target.quote.exact,
    shownVerdict(claim).label,
    STATUS_LABELS[claim.status] ?? String(claim.status),
    claim.rationale,
    claim.sources.map(sourceText).join('; '),
    claim.author?.name ?? '',
    claim.review?.reviewer.name ?? '',
    claim.createdAt,
    claim.updatedAt,
    isSignedOff(claim) ? claim.review!.at : '',
    ...(flagged ? [claim.invalid?.join('; ') ?? ''] : []),
  ]);
  const header = flagged ? [...CSV_COLUMNS, INVALID_COLUMN] : [...CSV_COLUMNS];
  return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

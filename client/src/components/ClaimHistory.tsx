/**
 * A claim's history, folded under "History (N)": who created it, changed what, submitted,
 * approved, requested changes (with the comment), and why the server reopened it — oldest
 * first, with dates. The server keeps the list append-only, so this is the record.
 */
import { useId, useState } from 'react';
import type { Claim, HistoryEntry } from '@factdesk/shared';
import { formatDateTime } from '../app/format.js';

const FIELD_NAMES: Record<string, string> = {
  target: 'the quoted text',
  verdict: 'the verdict',
  rationale: 'the rationale',
  sources: 'the sources',
  tags: 'the tags',
  status: 'the status',
};

function list(fields: string[]): string {
  const names = fields.map((f) => FIELD_NAMES[f] ?? f);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'the claim');
}

/** What an entry says happened, in words. */
function describeEntry(entry: HistoryEntry): string {
  switch (entry.action) {
    case 'created':
      return 'created the claim';
    case 'edited':
      return `changed ${list(entry.fields ?? [])}`;
    case 'submitted':
      return 'submitted it for review';
    case 'approved':
      return 'approved it';
    case 'changes-requested':
      return 'requested changes';
    case 'reopened':
      return entry.fields?.length ? `sent it back to review after ${list(entry.fields)} changed` : 'reopened it for review';
    case 'commented':
      return 'commented';
  }
}

export function ClaimHistory({ claim, number }: { claim: Claim; number: number }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const entries = claim.history;

  return (
    <section className="claim-history" aria-label={`History of claim ${number}`}>
      <button type="button" className="disclosure" aria-expanded={open} aria-controls={`${id}-list`} onClick={() => setOpen(!open)}>
        <span className="disclosure-icon" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        History ({entries.length})
      </button>
      {open && (
        <ol id={`${id}-list`} className="history-list">
          {entries.map((entry, i) => (
            <li key={i}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> — <span className="history-who">{entry.by.name}</span> {describeEntry(entry)}
              {entry.note && <q className="history-note">{entry.note}</q>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

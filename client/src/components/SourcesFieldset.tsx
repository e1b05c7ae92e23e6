/** The sources of a claim being edited: one or more rows of address and title. */
import { LIMITS } from '@factdesk/shared';
import type { SourceRow } from '../claims/claim-form.js';

export interface SourcesFieldsetProps {
  rows: SourceRow[];
  errors: Record<number, string> | undefined;
  onChange(rows: SourceRow[]): void;
}

export function SourcesFieldset({ rows, errors, onChange }: SourcesFieldsetProps) {
  const update = (i: number, patch: Partial<SourceRow>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const remove = (i: number) => onChange(rows.length > 1 ? rows.filter((_, j) => j !== i) : [{ url: '', title: '' }]);

  return (
    <fieldset className="sources">
      <legend>Sources</legend>
      {rows.map((row, i) => {
        const error = errors?.[i];
        const errorId = `source-${i}-error`;
        return (
          <div className="source-row" key={i}>
            <label>
              URL <span className="visually-hidden">of source {i + 1}</span>
              <input
                type="url"
                inputMode="url"
                placeholder="https://"
                value={row.url}
                maxLength={LIMITS.sourceUrl}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) => update(i, { url: e.target.value })}
              />
            </label>
            <label>
              Title <span className="visually-hidden">of source {i + 1}</span>
              <input type="text" value={row.title} maxLength={LIMITS.sourceTitle} onChange={(e) => update(i, { title: e.target.value })} />
            </label>
            <button type="button" className="button-quiet" onClick={() => remove(i)} aria-label={`Remove source ${i + 1}`}>
              Remove source
            </button>
            {error && (
              <p className="field-error" id={errorId}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      {rows.length < LIMITS.sources && (
        <button type="button" onClick={() => onChange([...rows, { url: '', title: '' }])}>
          Add source
        </button>
      )}
    </fieldset>
  );
}

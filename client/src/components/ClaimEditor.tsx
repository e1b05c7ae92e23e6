/**
 * The claim editor panel: verdict, rationale and sources for a new claim on the selected text
 * or for an existing claim. Focus moves into it when it opens; Escape or Cancel closes it.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LIMITS, VERDICTS } from '@factdesk/shared';
import { validateClaimForm, type ClaimFormErrors, type ClaimFormResult, type ClaimFormValues } from '../claims/claim-form.js';
import { SourcesFieldset } from './SourcesFieldset.js';

export interface ClaimEditorProps {
  /** "New claim" or "Edit claim 3". */
  title: string;
  quote: string;
  initial: ClaimFormValues;
  /** Saves valid values; returns a message when saving failed. */
  onSave(value: Extract<ClaimFormResult, { ok: true }>['value']): string | null;
  onCancel(): void;
}

export function ClaimEditor({ title, quote, initial, onSave, onCancel }: ClaimEditorProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ClaimFormErrors>({});
  const firstField = useRef<HTMLSelectElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();

  useEffect(() => {
    firstField.current?.focus();
  }, []);

  // After a failed save, take the person to the first field to fix.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateClaimForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const failure = onSave(result.value);
    setErrors(failure ? { form: failure } : {});
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form ref={form} className="claim-editor" aria-labelledby={`${id}-title`} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <h2 id={`${id}-title`}>{title}</h2>
      <blockquote className="claim-quote">{quote}</blockquote>
      <label htmlFor={`${id}-verdict`}>Verdict</label>
      <select
        id={`${id}-verdict`}
        ref={firstField}
        value={values.verdict}
        required
        aria-invalid={errors.verdict ? true : undefined}
        aria-describedby={errors.verdict ? `${id}-verdict-error` : undefined}
        onChange={(e) => setValues({ ...values, verdict: e.target.value as ClaimFormValues['verdict'] })}
      >
        <option value="">Choose a verdict…</option>
        {VERDICTS.map((v) => (
          <option key={v.id} value={v.id}>
            {v.icon} {v.label}
          </option>
        ))}
      </select>
      {errors.verdict && (
        <p className="field-error" id={`${id}-verdict-error`}>
          {errors.verdict}
        </p>
      )}
      <label htmlFor={`${id}-rationale`}>Rationale</label>
      <textarea
        id={`${id}-rationale`}
        rows={5}
        value={values.rationale}
        maxLength={LIMITS.rationale}
        onChange={(e) => setValues({ ...values, rationale: e.target.value })}
      />
      {errors.rationale && <p className="field-error">{errors.rationale}</p>}
      <SourcesFieldset rows={values.sources} errors={errors.sources} onChange={(sources) => setValues({ ...values, sources })} />
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="hint">Esc cancels</span>
      </div>
    </form>
  );
}

/**
 * The claim editor's form as plain data: what the person typed, how it is checked and how it
 * becomes the verdict, rationale and sources of a claim. Checked with the shared limits and
 * source rule, so the form refuses what the server would refuse.
 */
import { LIMITS, sourceSchema, type Claim, type ClaimInput, type VerdictId } from '@factdesk/shared';

export interface SourceRow {
  url: string;
  title: string;
}

export interface ClaimFormValues {
  verdict: VerdictId | '';
  rationale: string;
  sources: SourceRow[];
}

export interface ClaimFormErrors {
  verdict?: string;
  rationale?: string;
  /** Errors by source row index. */
  sources?: Record<number, string>;
  form?: string;
}

export type ClaimFormResult =
  | { ok: true; value: Pick<ClaimInput, 'verdict' | 'rationale' | 'sources'> }
  | { ok: false; errors: ClaimFormErrors };

/** A blank form with one empty source row. */
export function emptyClaimForm(): ClaimFormValues {
  return { verdict: '', rationale: '', sources: [{ url: '', title: '' }] };
}

/** The form filled with a claim's current values. */
export function claimFormFrom(claim: Claim): ClaimFormValues {
  return {
    verdict: claim.verdict,
    rationale: claim.rationale,
    sources: claim.sources.length ? claim.sources.map((s) => ({ url: s.url, title: s.title })) : [{ url: '', title: '' }],
  };
}

/** Checks the form; blank source rows are ignored. */
export function validateClaimForm(values: ClaimFormValues): ClaimFormResult {
  const errors: ClaimFormErrors = {};
  if (!values.verdict) errors.verdict = 'Choose a verdict.';
  const rationale = values.rationale.trim();
  if (rationale.length > LIMITS.rationale) errors.rationale = `The rationale is too long (at most ${LIMITS.rationale} characters).`;
  const sources: ClaimInput['sources'] = [];
  const sourceErrors: Record<number, string> = {};
  values.sources.forEach((row, i) => {
    const url = row.url.trim();
    const title = row.title.trim();
    if (!url && !title) return;
    if (!url) sourceErrors[i] = 'Give the address of this source.';
    // Field by field: parsing the object schema would make zod probe for eval, which the CSP refuses.
    else if (!sourceSchema.shape.url.safeParse(url).success || !sourceSchema.shape.title.safeParse(title).success) {
      sourceErrors[i] = url.length > LIMITS.sourceUrl || title.length > LIMITS.sourceTitle
        ? 'This source is too long.'
        : 'A source address starts with http:// or https://.';
    } else sources.push({ url, title });
  });
  if (Object.keys(sourceErrors).length) errors.sources = sourceErrors;
  if (sources.length > LIMITS.sources) errors.form = `A claim has at most ${LIMITS.sources} sources.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { verdict: values.verdict as VerdictId, rationale, sources } };
}

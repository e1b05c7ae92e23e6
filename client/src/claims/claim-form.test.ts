import { describe, expect, it } from 'vitest';
import { emptyClaimForm, validateClaimForm } from './claim-form.js';

describe('claim form', () => {
  it('needs a verdict', () => {
    const result = validateClaimForm(emptyClaimForm());
    expect(result).toEqual({ ok: false, errors: { verdict: 'Choose a verdict.' } });
  });

  it('drops blank source rows and trims what was typed', () => {
    const result = validateClaimForm({
      verdict: 'false',
      rationale: '  The vote record says otherwise. ',
      sources: [{ url: ' https://press.un.org/en/2025/ga12675.doc.htm ', title: 'UN press release' }, { url: '', title: ' ' }],
    });
    expect(result).toEqual({
      ok: true,
      value: { verdict: 'false', rationale: 'The vote record says otherwise.', sources: [{ url: 'https://press.un.org/en/2025/ga12675.doc.htm', title: 'UN press release' }] },
    });
  });

  it('refuses a source that is not an http(s) address, naming its row', () => {
    const result = validateClaimForm({
      verdict: 'true',
      rationale: '',
      sources: [{ url: 'https://example.org', title: '' }, { url: 'javascript:alert(1)', title: 'x' }],
    });
    expect(result).toEqual({ ok: false, errors: { sources: { 1: 'A source address starts with http:// or https://.' } } });
  });

  it('asks for the address of a source that only has a title', () => {
    const result = validateClaimForm({ verdict: 'true', rationale: '', sources: [{ url: '', title: 'A report' }] });
    expect(result.ok ? null : result.errors.sources).toEqual({ 0: 'Give the address of this source.' });
  });
});

/**
 * The claims section of the HTML export: one entry per claim with its quote, verdict
 * (icon and words, never colour alone), rationale, sources, author, status, sign-off and
 * a short history, linked both ways with its highlight in the article.
 */
import { STATUS_LABELS, type Claim, type HistoryEntry, type Source } from '../claim.js';
import { invalidFieldsNote, isFlagged, shownVerdict } from '../stored-claim.js';
import { escapeHtml, isWebUrl } from './escape.js';
import { isSignedOff, type NumberedClaim } from './export-input.js';

/** How many of the latest history entries an entry shows. */
export const HISTORY_SHOWN = 5;

const ACTIONS: Record<HistoryEntry['action'], string> = {
  created: 'Created',
  edited: 'Edited',
  submitted: 'Submitted for review',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
  reopened: 'Reopened',
  commented: 'Commented',
};

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;

/** A date as `<time>`: the ISO value for machines, "2026-11-25 10:30 UTC" for people. */
export function timeHtml(iso: string): string {
  // Stored dates are already ISO in UTC: format them without building a Date (10,000 claims add up).
  const normal = ISO_UTC.test(iso) ? iso : Number.isNaN(Date.parse(iso)) ? null : new Date(iso).toISOString();
  if (normal === null) return escapeHtml(iso);
  return `<time datetime="${normal}">${normal.slice(0, 10)} ${normal.slice(11, 16)} UTC</time>`;
}

/** Plain text as paragraphs (blank lines) and line breaks, escaped. */
function textHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

function sourceHtml(source: Source): string {
  const title = escapeHtml(source.title.trim() || source.url);
  if (!isWebUrl(source.url)) return `<li>${title}</li>`;
  return `<li><a href="${escapeHtml(source.url)}" rel="nofollow noopener noreferrer">${title}</a></li>`;
}

function historyHtml(history: readonly HistoryEntry[]): string {
  const latest = history.slice(-HISTORY_SHOWN);
  const items = latest.map((h) => {
    const note = h.note ? `: ${escapeHtml(h.note)}` : '';
    return `<li>${timeHtml(h.at)} — ${ACTIONS[h.action] ?? escapeHtml(String(h.action))} by ${escapeHtml(h.by.name)}${note}</li>`;
  });
  const older = history.length - latest.length;
  const more = older > 0 ? `<p class="muted">(${older} earlier ${older === 1 ? 'entry' : 'entries'} not shown)</p>` : '';
  return `<ol class="history">${items.join('')}</ol>${more}`;
}

function statusHtml(claim: Claim): string {
  const label = escapeHtml(STATUS_LABELS[claim.status] ?? String(claim.status));
  if (isSignedOff(claim)) return `<span class="status signed-off">✔ Signed off</span>`;
  return `<span class="status not-signed-off"><strong>Not signed off</strong> (${label})</span>`;
}

function signOffHtml(claim: Claim): string {
  if (!isSignedOff(claim) || !claim.review) return '—';
  const comment = claim.review.comment.trim() ? `<br>${escapeHtml(claim.review.comment)}` : '';
  return `by ${escapeHtml(claim.review.reviewer.name)} on ${timeHtml(claim.review.at)}${comment}`;
}

/** One claim's entry. */
export function claimEntryHtml({ number, claim, range }: NumberedClaim): string {
  const v = shownVerdict(claim);
  const sources = claim.sources.length > 0 ? `<ul class="sources">${claim.sources.map(sourceHtml).join('')}</ul>` : '—';
  const back = range
    ? `<p><a href="#mark-${number}">Back to claim ${number} in the article</a></p>`
    : isFlagged(claim, 'target')
      ? `<p class="not-found">This claim has no usable place in the article.</p>`
      : `<p class="not-found">This claim was not found in this version of the article.</p>`;
  const note = invalidFieldsNote(claim);
  return `<li class="claim-entry${isSignedOff(claim) ? '' : ' unsigned'}" id="claim-${number}">
<h3>Claim ${number}: <span class="verdict verdict-${v.id}"><span aria-hidden="true">${escapeHtml(v.icon)}</span> ${escapeHtml(v.label)}</span></h3>
${note ? `<p class="invalid-note" role="note">${escapeHtml(note)}</p>\n` : ''}<blockquote>${escapeHtml(claim.target.quote.exact)}</blockquote>
<dl>
<dt>Verdict</dt><dd><span aria-hidden="true">${escapeHtml(v.icon)}</span> ${escapeHtml(v.label)}${v.rating === null ? '' : ` (${v.rating} of 5)`}</dd>
<dt>Status</dt><dd>${statusHtml(claim)}</dd>
<dt>Rationale</dt><dd>${claim.rationale.trim() ? textHtml(claim.rationale) : '—'}</dd>
<dt>Sources</dt><dd>${sources}</dd>
<dt>Author</dt><dd>${escapeHtml(claim.author?.name ?? '')}</dd>
<dt>Sign-off</dt><dd>${signOffHtml(claim)}</dd>
<dt>History</dt><dd>${claim.history.length > 0 ? historyHtml(claim.history) : '—'}</dd>
</dl>
${back}
</li>
`;
}

/** The claims section: every claim's entry, in number order. */
export function claimsSectionHtml(claims: readonly NumberedClaim[]): string {
  const body =
    claims.length === 0
      ? '<p>No claims to show.</p>'
      : `<ol class="claims">\n${claims.map(claimEntryHtml).join('')}</ol>`;
  return `<section class="claims-section" aria-labelledby="claims-heading">
<h2 id="claims-heading">Claims</h2>
${body}
</section>
`;
}

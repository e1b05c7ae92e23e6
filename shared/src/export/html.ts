/**
 * The annotated article as one standalone HTML5 file, for publishing or archiving: the
 * article with its claims marked, the claims section, and schema.org ClaimReview data for
 * the signed-off verdicts. Self-contained (inline CSS, no external requests) and
 * script-free apart from the JSON-LD data block; its own Content-Security-Policy forbids
 * scripts as a second line of defence behind the escaping.
 */
import { claimReviews, DEFAULT_ORGANISATION } from './claim-review.js';
import { renderArticle } from './article-html.js';
import { claimsSectionHtml, timeHtml } from './claims-section.js';
import { escapeHtml, isWebUrl, jsonForScript } from './escape.js';
import { prepareExport, selectClaims, type ExportInput, type Include } from './export-input.js';
import { EXPORT_CSS } from './html-style.js';

export interface HtmlExportOptions {
  /** 'approved' (publishing) shows only signed-off claims; 'all' shows every claim with its status. */
  include: Include;
  /** The newsroom named as the ClaimReview author (default "Factdesk newsroom"). */
  organisation?: string;
  /** When the export was made (default now). */
  generatedAt?: Date;
  /** The language of the article (default "en"). */
  lang?: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function metaLine(input: ExportInput): string {
  const { meta } = input;
  const parts: string[] = [];
  if (meta.publisher) parts.push(escapeHtml(meta.publisher));
  if (meta.publishedAt) parts.push(timeHtml(meta.publishedAt));
  if (isWebUrl(meta.sourceUrl)) {
    parts.push(`<a href="${escapeHtml(meta.sourceUrl)}" rel="nofollow noopener noreferrer">Original article</a>`);
  }
  return parts.length > 0 ? `<p class="export-meta">${parts.join(' · ')}</p>` : '';
}

/** The article, its claims and their ClaimReview data as one standalone HTML file. */
export function exportHtml(input: ExportInput, options: HtmlExportOptions): string {
  const organisation = options.organisation?.trim() || DEFAULT_ORGANISATION;
  const generatedAt = options.generatedAt ?? new Date();
  const { doc, claims } = prepareExport({ ...input, claims: selectClaims(input.claims, options.include) });
  const title = input.meta.title.trim() || doc.firstChild?.textContent.trim() || 'Untitled article';
  const scope = options.include === 'all' ? 'all claims, signed off or not' : 'signed-off claims only';
  const jsonLd = { '@context': 'https://schema.org', '@graph': claimReviews(claims, input.meta, organisation) };

  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="Factdesk">
<title>${escapeHtml(title)} — fact-check</title>
<style>${EXPORT_CSS}</style>
<script type="application/ld+json">${jsonForScript(jsonLd)}</script>
</head>
<body>
<header class="export-header">
<p class="muted">Fact-check by ${escapeHtml(organisation)} · ${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} (${scope})</p>
${metaLine(input)}
</header>
<main>
<article class="article">
${renderArticle(doc, claims)}</article>
${claimsSectionHtml(claims)}</main>
<footer><p>Exported from Factdesk on ${timeHtml(generatedAt.toISOString())}.</p></footer>
</body>
</html>
`;
}

/**
 * Exporters: the annotated article as standalone HTML with ClaimReview, as W3C Web
 * Annotations (and back), and as CSV. Pure functions of the article, its metadata and
 * its claims; no DOM, no Node.
 */
export * from './escape.js';
export * from './export-input.js';
export * from './article-html.js';
export * from './claims-section.js';
export * from './claim-review.js';
export * from './html.js';
export * from './csv.js';
export * from './web-annotations.js';
export * from './web-annotations-import.js';
export * from './export-doc.js';
export * from './import-doc.js';

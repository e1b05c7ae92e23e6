/**
 * @factdesk/shared — the domain of Factdesk, free of React, the DOM and sockets:
 * the table of contents of the package.
 */
export * from './verdicts.js';
export * from './roles.js';
export * from './claim.js';
export * from './permissions.js';
export * from './mentions.js';
export * from './ydoc.js';
export * from './lazy-claim.js';
export * from './stored-claim.js';
export * from './repair-claims.js';
export * from './transactions.js';
export * from './schema.js';
export * from './text.js';
export * from './anchoring/selectors.js';
export * from './anchoring/reanchor.js';
export * from './anchoring/claim-versions.js';
export * from './anchoring/highlight-place.js';
export * from './anchoring/new-version.js';
export * from './anchoring/triage.js';
export * from './import/plain-text.js';
export * from './import/article.js';
export * from './export/index.js';
export * from './protocol.js';
export * from './highlights/segments.js';
export * from './highlights/pieces.js';
export * from './highlights/view-doc.js';
export * from './highlights/static-html.js';

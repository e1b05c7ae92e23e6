/**
 * One door for the server and the command line: an article's Y.Doc in, a finished export
 * out, with the content type and file extension it is served or saved with.
 */
import type * as Y from 'yjs';
import { listClaims, readArticleVersion, readMeta } from '../ydoc.js';
import { exportCsv } from './csv.js';
import { selectClaims, type Include } from './export-input.js';
import { exportHtml } from './html.js';
import { exportWebAnnotations } from './web-annotations.js';

export const EXPORT_FORMATS = ['html', 'jsonld', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  jsonld: { contentType: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
};

export interface DocExportOptions {
  format: ExportFormat;
  include: Include;
  documentId?: string;
  organisation?: string;
  generatedAt?: Date;
}

/** Whether a string names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Exports the current version of the article in `doc` with its claims; throws when it has no article yet. */
export function exportDoc(doc: Y.Doc, options: DocExportOptions): { text: string; contentType: string; extension: string } {
  const meta = readMeta(doc);
  const version = readArticleVersion(doc);
  if (!version) throw new Error('This document has no article to export yet.');
  const input = { article: version.doc, meta, claims: listClaims(doc), documentId: options.documentId };
  const type = EXPORT_TYPES[options.format];
  switch (options.format) {
    case 'html':
      return { ...type, text: exportHtml(input, options) };
    case 'jsonld':
      return { ...type, text: exportWebAnnotations({ ...input, claims: selectClaims(input.claims, options.include) }) };
    case 'csv':
      return { ...type, text: exportCsv({ ...input, claims: selectClaims(input.claims, options.include) }) };
  }
}

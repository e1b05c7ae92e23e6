/**
 * Downloading an export of an article (annotated HTML, W3C Web Annotations, CSV) from
 * `GET /api/documents/:id/export`. Fetched rather than linked, so a refusal arrives as the
 * server's readable `{ error }` instead of being saved as the file.
 */
import type { ExportFormat, Include } from '@factdesk/shared';
import { ApiError, responseError } from './http.js';

/** What to export: the format and which claims. */
export interface ExportChoice {
  format: ExportFormat;
  include: Include;
}

/** A finished export, ready to save. */
export interface ExportFile {
  blob: Blob;
  filename: string;
}

const EXTENSIONS: Record<ExportFormat, string> = { html: 'html', jsonld: 'jsonld', csv: 'csv' };

/** The API address of an export of document `docId`. */
export function exportPath(docId: string, { format, include }: ExportChoice): string {
  const query = new URLSearchParams({ format, include });
  return `/api/documents/${encodeURIComponent(docId)}/export?${query}`;
}

/** The file name from a Content-Disposition header, or `fallback`; never a path. */
export function downloadName(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]*)"/i.exec(disposition ?? '') ?? /filename=([^;\s]+)/i.exec(disposition ?? '');
  const name = match?.[1].replace(/[/\\]/g, '_').trim();
  return name || fallback;
}

/** Asks the server for the export; throws ApiError with a readable message when it refuses. */
export async function fetchExport(docId: string, choice: ExportChoice): Promise<ExportFile> {
  let response: Response;
  try {
    response = await fetch(exportPath(docId, choice), { credentials: 'same-origin' });
  } catch {
    throw new ApiError('The server cannot be reached. Check your connection and try again.', 0);
  }
  if (!response.ok) throw await responseError(response);
  const fallback = `${docId}.${EXTENSIONS[choice.format]}`;
  return { blob: await response.blob(), filename: downloadName(response.headers.get('content-disposition'), fallback) };
}

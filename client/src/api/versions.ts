/**
 * Uploading a new version of an article (`POST /api/documents/:id/versions`). The new text and
 * the re-anchored claims then arrive over the collaboration socket like any other change.
 */
import type { ImportFormat } from '@factdesk/shared';
import { requestJson } from './http.js';

/** What a new version did to the claims. */
export interface VersionSummary {
  version: number;
  same: number;
  moved: number;
  changed: number;
  orphan: number;
  reopened: string[];
}

/** Uploads `content` as the next version of document `docId`; throws ApiError with the server's reason. */
export function uploadVersion(docId: string, input: { format: ImportFormat; content: string }): Promise<VersionSummary> {
  return requestJson<VersionSummary>('POST', `/api/documents/${encodeURIComponent(docId)}/versions`, input);
}

/** One sentence for the person who uploaded, e.g. "Version 2 is up: 3 claims unchanged, 1 changed, 1 not found." */
export function describeSummary(s: VersionSummary): string {
  const parts = [
    s.same + s.moved > 0 && `${s.same + s.moved} ${s.same + s.moved === 1 ? 'claim' : 'claims'} carried over`,
    s.changed > 0 && `${s.changed} with changed text`,
    s.orphan > 0 && `${s.orphan} not found`,
  ].filter(Boolean);
  const review = s.reopened.length > 0 ? ` ${s.reopened.length} signed-off ${s.reopened.length === 1 ? 'claim is' : 'claims are'} back in review.` : '';
  return `Version ${s.version} is up${parts.length ? `: ${parts.join(', ')}` : ''}.${review}`;
}

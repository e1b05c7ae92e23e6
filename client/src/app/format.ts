/** How dates and roles read on screen. */
import type { Role } from '@factdesk/shared';

/** A date such as "24 February 2025" (in the reader's locale). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** A date and time such as "24 February 2025, 14:05" (in the reader's locale). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** How each role is named on screen. */
export const ROLE_LABELS: Record<Role, string> = { viewer: 'Viewer', annotator: 'Annotator', reviewer: 'Reviewer', admin: 'Admin' };

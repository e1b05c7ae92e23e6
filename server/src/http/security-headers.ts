/**
 * Headers every answer carries. The app loads nothing from elsewhere, so the policy is
 * "self" only — plus websockets for the collaboration socket — and no one may frame it.
 */
import type { ServerResponse } from 'node:http';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  // Inline style attributes only (ProseMirror and React set them); scripts stay 'self'.
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sets the security headers on `res`; HSTS only when the site is served over https. */
export function applySecurityHeaders(res: ServerResponse, options: { https: boolean }): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (options.https) res.setHeader('Strict-Transport-Security', 'max-age=15552000');
}

/**
 * Escaping for the two places an export writes untrusted text: HTML (text and quoted
 * attribute values alike) and JSON inside a `<script>` data block, where `</script>` or a
 * stray `<!--` in a rationale would otherwise end or bend the element.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe as HTML text and as a quoted attribute value: & < > " ' become entities. */
export function escapeHtml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]) : text;
}

/** `value` as JSON that is safe inside a script element: < > & U+2028 U+2029 as \uXXXX escapes. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether a source URL may become a link: http and https only (no javascript:, data:, mailto:). */
export function isWebUrl(url: unknown): url is string {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);
}

/**
 * A claim's sources as links. Only http(s) addresses become links (anything else is shown as
 * text), and they open in a new tab without handing the article page to the source site.
 */
import type { Source } from '@factdesk/shared';

/** Whether a source address is safe to link to. */
export function isLinkable(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export function SourceLinks({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return null;
  return (
    <ul className="claim-sources" aria-label="Sources">
      {sources.map((source, i) => (
        <li key={i}>
          {isLinkable(source.url) ? (
            <a href={source.url} target="_blank" rel="nofollow noopener noreferrer">
              {source.title || source.url}
            </a>
          ) : (
            <span>{source.title || source.url}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

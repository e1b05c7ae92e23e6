/**
 * The "New article" form: paste an article or pick a file, say its format and metadata,
 * and import it. The server does the reading (and refuses what it cannot read); this form
 * only catches what it can tell before sending — nothing to import, a file too large.
 */
import { useId, useState, type FormEvent } from 'react';
import { importArticleDocument } from '../api/article-import.js';
import type { DocumentSummary } from '../api/documents.js';
import { ArticleSourceFields, useArticleSource } from './ArticleSourceFields.js';

interface NewArticleFormProps {
  onImported(doc: DocumentSummary): void;
  onCancel(): void;
}

export function NewArticleForm({ onImported, onCancel }: NewArticleFormProps) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [publisher, setPublisher] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const source = useArticleSource(setError, 'imported');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const content = source.content();
    if (!content.trim()) return setError('Paste the article or choose a file to import.');
    setBusy(true);
    setError(null);
    try {
      const optional = (value: string) => (value.trim() ? value.trim() : undefined);
      onImported(
        await importArticleDocument({
          format: source.format,
          content,
          title: optional(title),
          sourceUrl: optional(sourceUrl),
          publisher: optional(publisher),
          publishedAt: optional(publishedAt),
        }),
      );
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="new-article" noValidate onSubmit={submit} aria-labelledby={`${id}-title`} aria-describedby={error ? `${id}-error` : undefined}>
      <h2 id={`${id}-title`}>New article</h2>
      <div className="form-grid">
        <ArticleSourceFields
          id={id}
          source={source}
          textLabel="Article text"
          textHint={(name) => (name ? `Importing the file ${name} instead.` : 'Paste the article here, or choose a file below.')}
        />
        <label htmlFor={`${id}-name`}>Title</label>
        <input id={`${id}-name`} maxLength={500} value={title} aria-describedby={`${id}-name-hint`} onChange={(e) => setTitle(e.target.value)} />
        <p id={`${id}-name-hint`} className="hint">
          Leave empty to use the article's first heading or line.
        </p>
        <label htmlFor={`${id}-source`}>Source URL</label>
        <input id={`${id}-source`} type="url" inputMode="url" maxLength={2000} placeholder="https://" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} />
        <label htmlFor={`${id}-publisher`}>Publisher</label>
        <input id={`${id}-publisher`} maxLength={200} value={publisher} onChange={(e) => setPublisher(e.target.value)} />
        <label htmlFor={`${id}-date`}>Publish date</label>
        <input id={`${id}-date`} type="date" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
      </div>
      {error && (
        <p id={`${id}-error`} className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import article'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

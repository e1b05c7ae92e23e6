/**
 * The "New article" form: paste an article or pick a file, say its format and metadata,
 * and import it. The server does the reading (and refuses what it cannot read); this form
 * only catches what it can tell before sending — nothing to import, a file too large.
 */
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { IMPORT_FORMATS, IMPORT_LIMITS, type ImportFormat } from '@factdesk/shared';
import { importArticleDocument } from '../api/article-import.js';
import type { DocumentSummary } from '../api/documents.js';

const FORMAT_LABELS: Record<ImportFormat, string> = { text: 'Plain text', markdown: 'Markdown', html: 'HTML' };

/** The format a file's extension suggests; null when it suggests none. */
function formatOfFile(name: string): ImportFormat | null {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1].toLowerCase();
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'txt' || extension === 'text') return 'text';
  return null;
}

const MAX_MB = IMPORT_LIMITS.maxContentBytes / (1024 * 1024);

interface NewArticleFormProps {
  onImported(doc: DocumentSummary): void;
  onCancel(): void;
}

export function NewArticleForm({ onImported, onCancel }: NewArticleFormProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [format, setFormat] = useState<ImportFormat>('text');
  const [title, setTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [publisher, setPublisher] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    setError(null);
    if (!picked) return setFile(null);
    if (picked.size > IMPORT_LIMITS.maxContentBytes) {
      event.target.value = '';
      setFile(null);
      return setError(`${picked.name} is larger than ${MAX_MB} MB, the most that can be imported.`);
    }
    try {
      setFile({ name: picked.name, content: await picked.text() });
      const suggested = formatOfFile(picked.name);
      if (suggested) setFormat(suggested);
    } catch {
      setError(`${picked.name} could not be read.`);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const content = file?.content ?? text;
    if (!content.trim()) return setError('Paste the article or choose a file to import.');
    setBusy(true);
    setError(null);
    try {
      const optional = (value: string) => (value.trim() ? value.trim() : undefined);
      onImported(
        await importArticleDocument({
          format,
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
        <label htmlFor={`${id}-text`}>Article text</label>
        <textarea
          id={`${id}-text`}
          rows={8}
          value={text}
          disabled={file !== null}
          aria-describedby={`${id}-text-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={`${id}-text-hint`} className="hint">
          {file ? `Importing the file ${file.name} instead.` : 'Paste the article here, or choose a file below.'}
        </p>
        <label htmlFor={`${id}-file`}>Upload a file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          aria-describedby={`${id}-file-hint`}
          onChange={pickFile}
        />
        <p id={`${id}-file-hint`} className="hint">
          Plain text, Markdown or HTML, up to {MAX_MB} MB.
        </p>
        <label htmlFor={`${id}-format`}>Format</label>
        <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
          {IMPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
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

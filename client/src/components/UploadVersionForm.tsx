/**
 * "Upload new version": paste the corrected article or pick its file, say the format, and send
 * it. The server re-anchors every claim; the new text and claims then arrive over the socket.
 */
import { useId, useState, type FormEvent } from 'react';
import { describeSummary, uploadVersion, type VersionSummary } from '../api/versions.js';
import { ArticleSourceFields, useArticleSource } from './ArticleSourceFields.js';

export interface UploadVersionFormProps {
  docId: string;
  onUploaded(summary: VersionSummary, message: string): void;
  onCancel(): void;
}

export function UploadVersionForm({ docId, onUploaded, onCancel }: UploadVersionFormProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const source = useArticleSource(setError, 'uploaded');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const content = source.content();
    if (!content.trim()) return setError('Paste the new version or choose a file.');
    setBusy(true);
    setError(null);
    try {
      const summary = await uploadVersion(docId, { format: source.format, content });
      onUploaded(summary, describeSummary(summary));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="upload-version" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Upload a new version</h2>
      <p className="hint">Every claim is carried over to the new text; those whose text changed or was not found wait in Triage.</p>
      <div className="form-grid">
        <ArticleSourceFields
          id={id}
          source={source}
          textLabel="Text of the new version"
          textHint={(name) => (name ? `Uploading the file ${name} instead.` : 'Paste the corrected article here, or choose a file below.')}
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Uploading…' : 'Upload version'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

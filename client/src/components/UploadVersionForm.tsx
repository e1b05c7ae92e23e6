/**
 * "Upload new version": paste the corrected article or pick its file, say the format, and send
 * it. The server re-anchors every claim; the new text and claims then arrive over the socket.
 */
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { IMPORT_FORMATS, IMPORT_LIMITS, type ImportFormat } from '@factdesk/shared';
import { describeSummary, uploadVersion, type VersionSummary } from '../api/versions.js';

const FORMAT_LABELS: Record<ImportFormat, string> = { text: 'Plain text', markdown: 'Markdown', html: 'HTML' };
const MAX_MB = IMPORT_LIMITS.maxContentBytes / (1024 * 1024);

function formatOfFile(name: string): ImportFormat | null {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1].toLowerCase();
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'txt' || extension === 'text') return 'text';
  return null;
}

export interface UploadVersionFormProps {
  docId: string;
  onUploaded(summary: VersionSummary, message: string): void;
  onCancel(): void;
}

export function UploadVersionForm({ docId, onUploaded, onCancel }: UploadVersionFormProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [format, setFormat] = useState<ImportFormat>('text');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    setError(null);
    if (!picked) return setFile(null);
    if (picked.size > IMPORT_LIMITS.maxContentBytes) {
      event.target.value = '';
      setFile(null);
      return setError(`${picked.name} is larger than ${MAX_MB} MB, the most that can be uploaded.`);
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
    if (!content.trim()) return setError('Paste the new version or choose a file.');
    setBusy(true);
    setError(null);
    try {
      const summary = await uploadVersion(docId, { format, content });
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
        <label htmlFor={`${id}-text`}>Text of the new version</label>
        <textarea id={`${id}-text`} rows={8} value={text} disabled={file !== null} onChange={(e) => setText(e.target.value)} />
        <label htmlFor={`${id}-file`}>Upload a file</label>
        <input id={`${id}-file`} type="file" accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onChange={pickFile} />
        <label htmlFor={`${id}-format`}>Format</label>
        <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
          {IMPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
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

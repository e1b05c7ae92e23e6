/**
 * The contents of the Export menu: the format, which claims to include, and "Download".
 * The download is fetched from the export API; a refusal is shown here in the server's words.
 * Without a connection to the server there is nothing to download from, so Download waits.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ExportFormat, Include } from '@factdesk/shared';
import { fetchExport, type ExportChoice } from '../api/exports.js';
import { saveFile } from '../app/save-file.js';
import { ChoiceGroup, type Choice } from './ChoiceGroup.js';

const FORMATS: readonly Choice<ExportFormat>[] = [
  { value: 'html', label: 'Annotated HTML' },
  { value: 'jsonld', label: 'W3C Web Annotations (JSON-LD)' },
  { value: 'csv', label: 'CSV' },
];

const INCLUDES: readonly Choice<Include>[] = [
  { value: 'approved', label: 'Signed-off claims only' },
  { value: 'all', label: 'All claims, marked as not signed off' },
];

export interface ExportPanelProps {
  docId: string;
  /** False while the server cannot be reached: Download is disabled with a note. */
  connected: boolean;
  choice: ExportChoice;
  onChoice(choice: ExportChoice): void;
  /** Called with the file name once the browser has been handed the file. */
  onDownloaded(filename: string): void;
}

export function ExportPanel({ docId, connected, choice, onChoice, onDownloaded }: ExportPanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const download = async (event: FormEvent) => {
    event.preventDefault();
    if (!connected || busy) return;
    setBusy(true);
    setError(null);
    try {
      const file = await fetchExport(docId, choice);
      saveFile(file.blob, file.filename);
      onDownloaded(file.filename);
    } catch (failure) {
      setError(`The export failed: ${(failure as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="export-form" onSubmit={download} aria-busy={busy}>
      <ChoiceGroup legend="Format" name="format" choices={FORMATS} value={choice.format} onChange={(format) => onChoice({ ...choice, format })} />
      <ChoiceGroup legend="Include" name="include" choices={INCLUDES} value={choice.include} onChange={(include) => onChoice({ ...choice, include })} />
      {!connected && (
        <p id={`${id}-offline`} className="hint">
          Exports are made by the server: Download is possible again once you are connected.
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="export-actions">
        <button type="submit" className="button-primary" disabled={!connected || busy} aria-describedby={connected ? undefined : `${id}-offline`}>
          Download
        </button>
        {busy && (
          <span role="status" className="hint">
            Preparing the file…
          </span>
        )}
      </div>
    </form>
  );
}

/**
 * Where an article's text comes from, in the two forms that send one ("New article" and
 * "Upload new version"): pasted, or a file (checked for size, read here, its format guessed
 * from its extension), and the format. One hook for the state, one component for the fields.
 */
import { useState, type ChangeEvent } from 'react';
import { IMPORT_FORMATS, IMPORT_LIMITS, type ImportFormat } from '@factdesk/shared';

const FORMAT_LABELS: Record<ImportFormat, string> = { text: 'Plain text', markdown: 'Markdown', html: 'HTML' };
const MAX_MB = IMPORT_LIMITS.maxContentBytes / (1024 * 1024);

/** The format a file's extension suggests; null when it suggests none. */
export function formatOfFile(name: string): ImportFormat | null {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1].toLowerCase();
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'txt' || extension === 'text') return 'text';
  return null;
}

export interface ArticleSource {
  text: string;
  setText(text: string): void;
  file: { name: string; content: string } | null;
  format: ImportFormat;
  setFormat(format: ImportFormat): void;
  pickFile(event: ChangeEvent<HTMLInputElement>): Promise<void>;
  /** The file's text when one was picked, else the pasted text. */
  content(): string;
}

/** The state of the fields; `report` shows a problem with a picked file (null clears it); `verb` says what a file is, e.g. "imported". */
export function useArticleSource(report: (message: string | null) => void, verb: string): ArticleSource {
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [format, setFormat] = useState<ImportFormat>('text');

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    report(null);
    if (!picked) return setFile(null);
    if (picked.size > IMPORT_LIMITS.maxContentBytes) {
      event.target.value = '';
      setFile(null);
      return report(`${picked.name} is larger than ${MAX_MB} MB, the most that can be ${verb}.`);
    }
    try {
      setFile({ name: picked.name, content: await picked.text() });
      const suggested = formatOfFile(picked.name);
      if (suggested) setFormat(suggested);
    } catch {
      report(`${picked.name} could not be read.`);
    }
  };

  return { text, setText, file, format, setFormat, pickFile, content: () => file?.content ?? text };
}

export interface ArticleSourceFieldsProps {
  /** The form's id prefix (useId). */
  id: string;
  source: ArticleSource;
  /** The text area's label, e.g. "Article text". */
  textLabel: string;
  /** The hint under the text area: `name` is the picked file's, or null. */
  textHint(name: string | null): string;
}

/** The text area, the file picker and the format select, with their hints. */
export function ArticleSourceFields({ id, source, textLabel, textHint }: ArticleSourceFieldsProps) {
  const { text, setText, file, format, setFormat, pickFile } = source;
  return (
    <>
      <label htmlFor={`${id}-text`}>{textLabel}</label>
      <textarea
        id={`${id}-text`}
        rows={8}
        value={text}
        disabled={file !== null}
        aria-describedby={`${id}-text-hint`}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={`${id}-text-hint`} className="hint">
        {textHint(file?.name ?? null)}
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
    </>
  );
}

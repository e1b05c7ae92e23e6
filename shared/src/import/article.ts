/**
 * The one door an article comes in through: pasted or uploaded text, Markdown or HTML,
 * checked against the import limits and turned into a document of the article schema plus
 * a suggested title. The server's import, the CLI and new versions all call this, so an
 * article is read the same way wherever it arrives.
 */
import { roleAtLeast, type Actor } from '../roles.js';
import { articleSchema } from '../schema.js';
import type { ArticleJSON } from '../ydoc.js';
import { importHtml } from './html.js';
import { importMarkdown } from './markdown.js';
import { importPlainText } from './plain-text.js';

/** The formats an article can be imported from. */
export const IMPORT_FORMATS = ['text', 'markdown', 'html'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Bounds on what an import accepts, so one paste cannot stall or bloat the server. */
export const IMPORT_LIMITS = {
  /** The content, in UTF-8 bytes. */
  maxContentBytes: 5 * 1024 * 1024,
  /** A title, in characters; a longer suggested title is cut at a word. */
  maxTitleLength: 500,
} as const;

export interface ImportInput {
  format: ImportFormat;
  content: string;
}

export interface ImportedArticle {
  doc: ArticleJSON;
  title: string;
}

/** Thrown when the content is larger than `IMPORT_LIMITS.maxContentBytes`. */
export class ImportTooLargeError extends Error {
  constructor(bytes: number) {
    super(`The article is ${formatMiB(bytes)}; at most ${formatMiB(IMPORT_LIMITS.maxContentBytes)} can be imported.`);
    this.name = 'ImportTooLargeError';
  }
}

/** Whether `format` names an import format. */
export function isImportFormat(format: unknown): format is ImportFormat {
  return IMPORT_FORMATS.includes(format as ImportFormat);
}

/** The size of `text` in UTF-8 bytes, without a TextEncoder. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Reads an article in any import format into schema-checked JSON and a suggested title;
 * throws a readable Error for empty or unreadable content and an ImportTooLargeError past the limit.
 */
export function importArticle(input: ImportInput): ImportedArticle {
  if (!isImportFormat(input.format)) throw new Error('The format must be "text", "markdown" or "html".');
  if (typeof input.content !== 'string') throw new Error('The article content must be text.');
  const bytes = utf8Length(input.content);
  if (bytes > IMPORT_LIMITS.maxContentBytes) throw new ImportTooLargeError(bytes);
  if (input.content.includes('\u0000')) throw new Error('The article is not readable text (it contains NUL bytes; is it a binary file?).');

  const { doc, title } = read(input);
  // The importers build through the schema already; checking again keeps the promise
  // ("valid for the schema") in one visible place.
  articleSchema.nodeFromJSON(doc).check();
  return { doc, title: shortTitle(title) };
}

function read({ format, content }: ImportInput): { doc: ArticleJSON; title: string } {
  if (format === 'markdown') return importMarkdown(content);
  if (format === 'html') return importHtml(content);
  const doc = importPlainText(content);
  return { doc, title: firstLineOf(content) };
}

function firstLineOf(text: string): string {
  return text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '')?.trim() ?? '';
}

/** A title within the limit, cut at the last space before it. */
function shortTitle(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length <= IMPORT_LIMITS.maxTitleLength) return clean;
  const cut = clean.lastIndexOf(' ', IMPORT_LIMITS.maxTitleLength - 1);
  return `${clean.slice(0, cut > 0 ? cut : IMPORT_LIMITS.maxTitleLength - 1)}…`;
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whether a person may import a new article: a reviewer or an admin, since the whole team then works on it. */
export function canImportArticles(actor: Pick<Actor, 'role'>): boolean {
  return roleAtLeast(actor.role, 'reviewer');
}

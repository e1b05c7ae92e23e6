/**
 * The metadata people type in when they import an article — title, source URL, publisher,
 * publish date — checked once for every way in (HTTP, CLI, seeds). The export prints them
 * into a standalone HTML file and schema.org markup, so a URL must be http(s) and a date
 * must be a real calendar date.
 */
import { isImportFormat } from '@factdesk/shared';
import { badRequest } from '../errors.js';

export const TITLE_MAX_LENGTH = 500;
export const SOURCE_URL_MAX_LENGTH = 2000;
export const PUBLISHER_MAX_LENGTH = 200;

export interface DocumentMetadata {
  title: string;
  sourceUrl: string;
  publisher: string;
  /** A calendar date, YYYY-MM-DD, or '' when unknown. */
  publishedAt: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The metadata trimmed and checked; a 400 naming the first field that is wrong. */
export function checkDocumentMetadata(input: DocumentMetadata): DocumentMetadata {
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (!title) throw badRequest('The title cannot be empty.');
  if (title.length > TITLE_MAX_LENGTH) throw badRequest(`The title must be at most ${TITLE_MAX_LENGTH} characters long.`);
  const publisher = input.publisher.replace(/\s+/g, ' ').trim();
  if (publisher.length > PUBLISHER_MAX_LENGTH) {
    throw badRequest(`The publisher must be at most ${PUBLISHER_MAX_LENGTH} characters long.`);
  }
  return { title, publisher, sourceUrl: checkSourceUrl(input.sourceUrl), publishedAt: checkPublishDate(input.publishedAt) };
}

/** An http(s) URL, normalised, or '' for none. */
export function checkSourceUrl(value: string): string {
  const text = value.trim();
  if (!text) return '';
  if (text.length > SOURCE_URL_MAX_LENGTH) throw badRequest(`The source URL must be at most ${SOURCE_URL_MAX_LENGTH} characters long.`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badRequest('The source URL is not a valid URL (it should start with https://).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest('The source URL must start with http:// or https://.');
  if (url.username || url.password) throw badRequest('The source URL must not contain a user name or password.');
  return url.href;
}

/** A publish date as YYYY-MM-DD (a full ISO timestamp is cut to its date), or '' for none. */
export function checkPublishDate(value: string): string {
  const text = value.trim();
  if (!text) return '';
  const date = DATE.exec(text.slice(0, 10));
  const rest = text.slice(10);
  if (!date || (rest && !/^T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(rest))) {
    throw badRequest('The publish date must be a date like 2026-03-01.');
  }
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
    throw badRequest('The publish date is not a real date.');
  }
  return text.slice(0, 10);
}

/** The import format named in a request or on the command line; a 400 otherwise. */
export function checkFormat(value: unknown): 'text' | 'markdown' | 'html' {
  if (isImportFormat(value)) return value;
  throw badRequest('The format must be "text", "markdown" or "html".');
}

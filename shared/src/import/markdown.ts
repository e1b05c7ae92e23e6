/**
 * Import of an article written in Markdown (CommonMark, as markdown-it reads it). The
 * Markdown is rendered to HTML and that HTML goes through the same reducer as an HTML
 * import, so raw HTML inside the Markdown meets exactly the same rules: nothing
 * executable, only what the article schema holds.
 */
import MarkdownIt from 'markdown-it';
import type { ArticleJSON } from '../ydoc.js';
import { importHtml } from './html.js';

let markdown: ReturnType<typeof MarkdownIt> | undefined;

/** Made on first use, so a bundle that never imports Markdown (the browser app) can leave markdown-it out. */
function renderer(): ReturnType<typeof MarkdownIt> {
  // Raw HTML is let through markdown-it on purpose: the HTML reducer is the one place
  // that decides what survives, and it drops a <script> rather than printing it as text.
  markdown ??= new MarkdownIt({ html: true, linkify: false, typographer: false });
  return markdown;
}

/** Converts Markdown to an article document; the title is the first heading, else the first line. */
export function importMarkdown(source: string): { doc: ArticleJSON; title: string } {
  if (source.trim() === '') throw new Error('The article is empty');
  try {
    return importHtml(renderer().render(source));
  } catch (error) {
    if (error instanceof Error && /no readable text/.test(error.message)) {
      throw new Error('The Markdown has no readable text.', { cause: error });
    }
    throw error;
  }
}

/**
 * The first start's articles: every `*.txt` in the seeds folder becomes a document whose id
 * is the file name. A document that exists is left alone, so a restart never imports twice
 * and never undoes what the team did to a seeded article.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DOCUMENT_ID_PATTERN } from './documents.js';
import { createDocumentFromText, firstLine, type DocumentStores } from './create-from-text.js';

/** Imports the seeds not imported yet; returns the ids it created. */
export function seedDocuments(stores: DocumentStores, seedsDir: string, log: (message: string) => void = () => {}): string[] {
  if (!existsSync(seedsDir)) return [];
  const created: string[] = [];
  const files = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
  for (const file of files) {
    const id = basename(file, '.txt');
    if (!DOCUMENT_ID_PATTERN.test(id)) {
      log(`Skipped seed ${file}: a document id is letters, digits, "-" and "_".`);
      continue;
    }
    if (stores.documents.exists(id)) continue;
    try {
      const text = readFileSync(join(seedsDir, file), 'utf8');
      createDocumentFromText(stores, { id, title: firstLine(text), text });
      created.push(id);
    } catch (error) {
      log(`Skipped seed ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return created;
}

/**
 * `factdesk import-annotations <docId> <file>`: restores the claims of a W3C Web Annotation
 * export onto an article. Unlike `export`, it goes through the running server's API and
 * never writes the database itself: the server holds the article's room in memory and
 * would overwrite a change made behind its back at its next compaction.
 */
import type { AnnotationImportResult } from '@factdesk/shared';
import { ApiError } from '../errors.js';
import { call, readInputFile, sessionCredentials, withServerSession, type ServerSessionOptions } from './server-session.js';
import { UsageError } from './usage-error.js';

export const IMPORT_ANNOTATIONS_HELP = `  import-annotations <docId> <file> --login <login> [--password <password>] [--server <url>]

  Restores the claims of a W3C Web Annotation file (as exported with --format jsonld)
  onto an article, through the running server (default http://localhost:$PORT, else
  :3000), signed in as a reviewer or admin. The password comes from --password or the
  FACTDESK_PASSWORD environment variable. Claims already there are skipped.
`;

export type ImportAnnotationsOptions = ServerSessionOptions;

interface Context {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
}

/** Runs `import-annotations` against a running server; returns the exit code. */
export async function importAnnotationsCommand(args: string[], options: ImportAnnotationsOptions, context: Context): Promise<number> {
  if (args.length !== 2) throw new UsageError('Usage: npm run factdesk -- import-annotations <docId> <file> --login <login> [--server <url>]');
  const [docId, file] = args;
  const credentials = sessionCredentials(options, context.env);
  const json = readInputFile(file);
  return withServerSession(credentials, async (auth) => {
    const answer = await call(credentials.server, `/api/documents/${encodeURIComponent(docId)}/annotations`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: json,
    });
    if (answer.status !== 200) throw new ApiError(answer.status, `The import was refused: ${String(answer.body.error ?? answer.status)}`);
    const result = answer.body as unknown as AnnotationImportResult;
    context.out(
      `Imported ${result.imported} claim${result.imported === 1 ? '' : 's'} onto ${docId}` +
        ` (${result.skipped} already there, ${result.unanchored} not found in the current text).`,
    );
    for (const warning of result.warnings) context.out(`  note: ${warning}`);
    return 0;
  });
}

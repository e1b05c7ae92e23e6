/**
 * `factdesk import-annotations <docId> <file>`: restores the claims of a W3C Web Annotation
 * export onto an article. Unlike `export`, it goes through the running server's API and
 * never writes the database itself: the server holds the article's room in memory and
 * would overwrite a change made behind its back at its next compaction.
 */
import { readFileSync } from 'node:fs';
import type { AnnotationImportResult } from '@factdesk/shared';
import { ApiError } from '../errors.js';
import { UsageError } from './usage-error.js';

export const IMPORT_ANNOTATIONS_HELP = `  import-annotations <docId> <file> --login <login> [--password <password>] [--server <url>]

  Restores the claims of a W3C Web Annotation file (as exported with --format jsonld)
  onto an article, through the running server (default http://localhost:$PORT, else
  :3000), signed in as a reviewer or admin. The password comes from --password or the
  FACTDESK_PASSWORD environment variable. Claims already there are skipped.
`;

export interface ImportAnnotationsOptions {
  login?: string;
  password?: string;
  server?: string;
}

interface Context {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
}

/** Calls the server; a server that cannot be reached is a readable error, not a stack trace. */
export async function call(server: string, path: string, init: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(new URL(path, server), init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    throw new ApiError(
      503,
      `Cannot reach the Factdesk server at ${server}${code ? ` (${code})` : ''}. Is it running (npm start)? Point to it with --server <url>.`,
    );
  }
  const text = await response.text();
  try {
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  } catch {
    throw new ApiError(502, `${server} answered ${response.status} with something that is not Factdesk's API. Is --server right?`);
  }
}

export function serverUrl(options: ImportAnnotationsOptions, env: NodeJS.ProcessEnv): string {
  const server = options.server ?? `http://localhost:${env.PORT || 3000}`;
  if (!/^https?:\/\/[^\s/]+/i.test(server)) throw new UsageError(`--server must be an http(s) URL, e.g. http://localhost:3000 (got "${server}").`);
  return server.replace(/\/+$/, '');
}

/** Runs `import-annotations` against a running server; returns the exit code. */
export async function importAnnotationsCommand(args: string[], options: ImportAnnotationsOptions, context: Context): Promise<number> {
  if (args.length !== 2) throw new UsageError('Usage: npm run factdesk -- import-annotations <docId> <file> --login <login> [--server <url>]');
  const [docId, file] = args;
  if (!options.login) throw new UsageError('Say who signs in with --login (a reviewer or an admin).');
  const password = options.password ?? context.env.FACTDESK_PASSWORD;
  if (!password) throw new UsageError('Give the password in the FACTDESK_PASSWORD environment variable (or --password).');
  const server = serverUrl(options, context.env);
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ApiError(400, `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }

  const session = await call(server, '/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: options.login, password }),
  });
  if (session.status !== 200) throw new ApiError(session.status, `Sign-in as ${options.login} failed: ${String(session.body.error ?? session.status)}`);
  const auth = { Authorization: `Bearer ${String(session.body.token)}` };
  try {
    const answer = await call(server, `/api/documents/${encodeURIComponent(docId)}/annotations`, {
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
  } finally {
    await call(server, '/api/session', { method: 'DELETE', headers: auth }).catch(() => undefined);
  }
}

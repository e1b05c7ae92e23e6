/**
 * `factdesk new-version <docId> <file>`: uploads a corrected article as its next version. Like
 * `import-annotations` it goes through the running server's API: the new version re-anchors
 * the claims in the article's live room, which the server alone may write.
 */
import { readFileSync } from 'node:fs';
import { isImportFormat, type ImportFormat } from '@factdesk/shared';
import { ApiError } from '../errors.js';
import { call, serverUrl } from './import-annotations-command.js';
import { UsageError } from './usage-error.js';

export const NEW_VERSION_HELP = `  new-version <docId> <file> --login <login> [--format text|markdown|html] [--password <password>] [--server <url>]

  Uploads <file> as the next version of an article, through the running server, signed in
  as a reviewer or admin; every claim is re-anchored to it. The format defaults to the
  file's extension (.md, .html, else text). The password comes from --password or
  FACTDESK_PASSWORD.
`;

export interface NewVersionOptions {
  login?: string;
  password?: string;
  server?: string;
  format?: string;
}

interface Context {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
}

function formatOf(file: string, given: string | undefined): ImportFormat {
  if (given !== undefined) {
    if (!isImportFormat(given)) throw new UsageError(`--format must be text, markdown or html (got "${given}").`);
    return given;
  }
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  if (/\.html?$/i.test(file)) return 'html';
  return 'text';
}

/** Runs `new-version` against a running server; returns the exit code. */
export async function newVersionCommand(args: string[], options: NewVersionOptions, context: Context): Promise<number> {
  if (args.length !== 2) throw new UsageError('Usage: npm run factdesk -- new-version <docId> <file> --login <login> [--server <url>]');
  const [docId, file] = args;
  if (!options.login) throw new UsageError('Say who signs in with --login (a reviewer or an admin).');
  const password = options.password ?? context.env.FACTDESK_PASSWORD;
  if (!password) throw new UsageError('Give the password in the FACTDESK_PASSWORD environment variable (or --password).');
  const format = formatOf(file, options.format);
  const server = serverUrl(options, context.env);
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
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
    const answer = await call(server, `/api/documents/${encodeURIComponent(docId)}/versions`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ format, content }),
    });
    if (answer.status !== 201) throw new ApiError(answer.status, `The new version was refused: ${String(answer.body.error ?? answer.status)}`);
    const r = answer.body as { version: number; same: number; moved: number; changed: number; orphan: number; reopened: string[] };
    context.out(
      `Version ${r.version} of ${docId} is up: ${r.same} claims unchanged, ${r.moved} moved, ${r.changed} with changed text, ` +
        `${r.orphan} not found (waiting in Triage); ${r.reopened.length} signed-off back in review.`,
    );
    return 0;
  } finally {
    await call(server, '/api/session', { method: 'DELETE', headers: auth }).catch(() => undefined);
  }
}

/**
 * `factdesk new-version <docId> <file>`: uploads a corrected article as its next version. Like
 * `import-annotations` it goes through the running server's API: the new version re-anchors
 * the claims in the article's live room, which the server alone may write.
 */
import { isImportFormat, type ImportFormat } from '@factdesk/shared';
import { ApiError } from '../errors.js';
import { call, readInputFile, sessionCredentials, withServerSession, type ServerSessionOptions } from './server-session.js';
import { UsageError } from './usage-error.js';

export const NEW_VERSION_HELP = `  new-version <docId> <file> --login <login> [--format text|markdown|html] [--password <password>] [--server <url>]

  Uploads <file> as the next version of an article, through the running server, signed in
  as a reviewer or admin; every claim is re-anchored to it. The format defaults to the
  file's extension (.md, .html, else text). The password comes from --password or
  FACTDESK_PASSWORD.
`;

export interface NewVersionOptions extends ServerSessionOptions {
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
  const credentials = sessionCredentials(options, context.env);
  const format = formatOf(file, options.format);
  const content = readInputFile(file);
  return withServerSession(credentials, async (auth) => {
    const answer = await call(credentials.server, `/api/documents/${encodeURIComponent(docId)}/versions`, {
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
  });
}

/**
 * The server as its own process (`tsx server/src/main.ts`), for tests that kill it the hard
 * way. It listens on a free port of 127.0.0.1 and is killed when the test ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
}

/** The node command line that runs the server as `npm start` does, from any working directory. */
export const SERVER_COMMAND = ['--import', resolve(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs'), resolve(REPO, 'server', 'src', 'main.ts')];

/**
 * Starts the server process on `dataDir` and waits until it listens (on `port`, by default a
 * free one); `env` adds to or overrides its environment.
 */
export async function spawnServer(dataDir: string, adminPassword: string, port = 0, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, SERVER_COMMAND, {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, FACTDESK_ADMIN_PASSWORD: adminPassword, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? -1)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  return { url, child, exited, output: () => output };
}

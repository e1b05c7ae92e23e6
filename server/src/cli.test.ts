import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from './testing/temp-dir.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the real `tsx server/src/cli.ts` as a person would (slow: a few, only). */
function factdesk(dataDir: string, ...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'server/src/cli.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run factdesk', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir('factdesk-cli-spawn-');
  });
  afterEach(() => dir.remove());

  it('adds and lists users in the DATA_DIR database, exiting 0', () => {
    const dataDir = join(dir.path, 'data');
    const added = factdesk(dataDir, 'users', 'add', 'rosa', '--role', 'annotator', '--name', 'Rosa Park');
    expect(added).toMatchObject({ code: 0, stdout: expect.stringMatching(/Added rosa \(Rosa Park\) as annotator\.\nPassword \(shown only this once\): \S{20}\n/) });
    const listed = factdesk(dataDir, 'users', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/rosa\s+annotator\s+active\s+Rosa Park/);
  }, 60_000);

  it('exits 2 with a pointer to --help on a wrong command, and 1 on a refusal', () => {
    const dataDir = join(dir.path, 'data');
    const wrong = factdesk(dataDir, 'people');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Unknown command "people"\.\nRun "npm run factdesk -- --help"/);
    const refused = factdesk(dataDir, 'users', 'deactivate', 'nobody');
    expect(refused).toMatchObject({ code: 1, stderr: 'There is no user with the login "nobody".\n' });
  }, 60_000);
});

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeConfig, loadConfig, readEnvironment } from './config.js';
import { makeTempDir } from './testing/temp-dir.js';

describe('loadConfig', () => {
  it('serves on port 3000 of every interface with data in ./data by default', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe(resolve('data'));
    expect(config.adminPassword).toBeUndefined();
    expect(config.secureCookies).toBe(false);
    expect(config.seedsDir).toMatch(/seeds$/);
    expect(config.clientDir).toMatch(/dist[/\\]client$/);
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.metricsPort).toBeUndefined();
  });

  it('reads the port, host, data directory and admin password from the environment', () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/tmp/fd', FACTDESK_ADMIN_PASSWORD: 'secret-pass' });
    expect(config).toMatchObject({ port: 0, host: '127.0.0.1', dataDir: '/tmp/fd', adminPassword: 'secret-pass' });
  });

  it('reads the shutdown timeout and the metrics port', () => {
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '2500', METRICS_PORT: '9464' })).toMatchObject({ shutdownTimeoutMs: 2500, metricsPort: 9464 });
  });

  it('takes a variable set to blanks as unset', () => {
    expect(loadConfig({ PORT: ' ', PUBLIC_URL: '', TRUST_PROXY: '' })).toMatchObject({ port: 3000, publicUrl: undefined, trustProxy: false });
  });

  it('marks cookies Secure when the public address is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://factdesk.example.org' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
  });

  it('trusts X-Forwarded-For only when TRUST_PROXY says so', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'Yes' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it.each([
    ['PORT', 'abc', 'PORT: "abc" is not a port number (1–65535, or 0 for any free port)'],
    ['PORT', '70000', 'PORT: "70000" is not a port number (1–65535, or 0 for any free port)'],
    ['PORT', '-1', 'PORT: "-1" is not a port number (1–65535, or 0 for any free port)'],
    ['METRICS_PORT', '9464x', 'METRICS_PORT: "9464x" is not a port number (1–65535, or 0 for any free port)'],
    ['PUBLIC_URL', 'factdesk.example.org', 'PUBLIC_URL: "factdesk.example.org" is not a URL with http:// or https://'],
    ['PUBLIC_URL', 'ftp://factdesk.example.org', 'PUBLIC_URL: "ftp://factdesk.example.org" is not a URL with http:// or https://'],
    ['TRUST_PROXY', 'maybe', 'TRUST_PROXY: "maybe" is neither on (1, true, yes) nor off (0, false, no)'],
    ['SHUTDOWN_TIMEOUT_MS', '10s', 'SHUTDOWN_TIMEOUT_MS: "10s" is not a whole number of milliseconds (1 or more)'],
    ['SHUTDOWN_TIMEOUT_MS', '0', 'SHUTDOWN_TIMEOUT_MS: "0" is not a whole number of milliseconds (1 or more)'],
  ])('refuses %s=%s, naming the variable, the value and what it should be', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('refuses an admin password that is too short without repeating it', () => {
    let message = '';
    try {
      loadConfig({ FACTDESK_ADMIN_PASSWORD: 'hunter2' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('FACTDESK_ADMIN_PASSWORD: the value given cannot be used: The password must be at least 8 characters long.');
    expect(message).not.toContain('hunter2');
  });

  it('names every wrong variable at once, one per line', () => {
    expect(() => loadConfig({ PORT: 'abc', PUBLIC_URL: 'example.org' })).toThrow(
      'PORT: "abc" is not a port number (1–65535, or 0 for any free port)\nPUBLIC_URL: "example.org" is not a URL with http:// or https://',
    );
  });
});

describe('readEnvironment', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  function dirWithEnvFile(content: string): string {
    const dir = makeTempDir('factdesk-env-');
    cleanups.push(dir.remove);
    writeFileSync(join(dir.path, '.env'), content);
    return dir.path;
  }

  it('reads a .env file in the directory, and the environment wins over it', () => {
    const dir = dirWithEnvFile('PORT=4000\nPUBLIC_URL="https://factdesk.example.org"\n# a comment\nDATA_DIR=/srv/factdesk\n');
    const config = loadConfig(readEnvironment(dir, { PORT: '5000' }));
    expect(config).toMatchObject({ port: 5000, publicUrl: 'https://factdesk.example.org', dataDir: '/srv/factdesk', secureCookies: true });
  });

  it('goes without a .env file', () => {
    const dir = makeTempDir('factdesk-env-');
    cleanups.push(dir.remove);
    expect(readEnvironment(dir.path, { PORT: '5000' })).toEqual({ PORT: '5000' });
  });

  it('checks the values from the file like any other', () => {
    const dir = dirWithEnvFile('PUBLIC_URL=factdesk.example.org\n');
    expect(() => loadConfig(readEnvironment(dir, {}))).toThrow('PUBLIC_URL: "factdesk.example.org" is not a URL with http:// or https://');
  });
});

describe('describeConfig', () => {
  it('shows the effective configuration with the admin password only as set or generated', () => {
    const set = describeConfig(loadConfig({ FACTDESK_ADMIN_PASSWORD: 'correct horse battery', PORT: '8080' }));
    expect(set).toMatch(/FACTDESK_ADMIN_PASSWORD\s+set\n/);
    expect(set).toMatch(/PORT\s+8080\n/);
    expect(set).not.toContain('correct horse battery');
    expect(describeConfig(loadConfig({}))).toMatch(/FACTDESK_ADMIN_PASSWORD\s+generated\n/);
  });
});

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

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
  });

  it('reads the port, host, data directory and admin password from the environment', () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/tmp/fd', FACTDESK_ADMIN_PASSWORD: 'secret-pass' });
    expect(config).toMatchObject({ port: 0, host: '127.0.0.1', dataDir: '/tmp/fd', adminPassword: 'secret-pass' });
  });

  it('marks cookies Secure when the public address is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://factdesk.example.org' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
  });

  it('trusts X-Forwarded-For only when TRUST_PROXY says so', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
  });
});

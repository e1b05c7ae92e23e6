/**
 * Everything the server reads from its environment, read in one place so the rest of the
 * code takes plain values (and tests can pass their own).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: config.ts lives in server/src/. */
const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface Config {
  port: number;
  host: string;
  /** Where factdesk.sqlite lives. */
  dataDir: string;
  /** The first admin's password; generated and printed once when absent. */
  adminPassword: string | undefined;
  /** Every `*.txt` here becomes a document on first start. */
  seedsDir: string;
  /** The built client (vite's output). */
  clientDir: string;
  /** The address people use, when the server sits behind a proxy (PUBLIC_URL). */
  publicUrl: string | undefined;
  /** Session cookies get `Secure` when the public address is https. */
  secureCookies: boolean;
  /**
   * Behind a reverse proxy (TRUST_PROXY=1), the client's address is the last one the proxy
   * added to X-Forwarded-For; otherwise every sign-in would seem to come from the proxy.
   */
  trustProxy: boolean;
  /** The newsroom named as the author of exported ClaimReviews (FACTDESK_ORGANISATION). */
  organisation?: string;
}

/** Reads the configuration from `env`; throws a readable error on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const publicUrl = nonEmpty(env.PUBLIC_URL);
  return {
    port: parsePort(env.PORT),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    dataDir: resolve(nonEmpty(env.DATA_DIR) ?? './data'),
    adminPassword: nonEmpty(env.FACTDESK_ADMIN_PASSWORD),
    seedsDir: resolve(nonEmpty(env.SEEDS_DIR) ?? resolve(REPO_ROOT, 'seeds')),
    clientDir: resolve(nonEmpty(env.CLIENT_DIR) ?? resolve(REPO_ROOT, 'dist', 'client')),
    publicUrl,
    secureCookies: publicUrl?.toLowerCase().startsWith('https:') ?? false,
    trustProxy: ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').trim().toLowerCase()),
    organisation: nonEmpty(env.FACTDESK_ORGANISATION),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function parsePort(value: string | undefined): number {
  if (nonEmpty(value) === undefined) return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

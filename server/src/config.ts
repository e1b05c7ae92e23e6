/**
 * Everything the server reads from its environment, checked in one place so a wrong value
 * stops the start with a message naming it, instead of starting a server that then fails
 * (a PUBLIC_URL without its scheme used to refuse every sign-in). The rest of the code takes
 * plain values, and tests pass their own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { passwordProblem } from './auth/passwords.js';

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
  /** How long a stop on SIGTERM/SIGINT may take before the process gives up and exits 1. */
  shutdownTimeoutMs?: number;
  /** A separate port for GET /metrics (METRICS_PORT); absent: served on the main port only. */
  metricsPort?: number;
}

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/** A variable set to blanks counts as unset, as a shell's `PUBLIC_URL=` means. */
const unset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());

/** 0 lets the system pick a free port (tests, and a second server on one machine). */
const port = z
  .string()
  .trim()
  .refine((value) => /^\d{1,5}$/.test(value) && Number(value) <= 65535, 'is not a port number (1–65535, or 0 for any free port)')
  .transform(Number);

const url = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), 'is not a URL with http:// or https://');

const FLAG_VALUES: Record<string, boolean> = { '1': true, true: true, yes: true, on: true, '0': false, false: false, no: false, off: false };
const flag = z
  .string()
  .trim()
  .refine((value) => value.toLowerCase() in FLAG_VALUES, 'is neither on (1, true, yes) nor off (0, false, no)')
  .transform((value) => FLAG_VALUES[value.toLowerCase()]);

const milliseconds = z
  .string()
  .trim()
  .refine((value) => /^\d+$/.test(value) && Number(value) >= 1, 'is not a whole number of milliseconds (1 or more)')
  .transform(Number);

/** Checked without ever echoing the value: a message may end up in a log others read. */
const password = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { secret: true } });
});

const ENVIRONMENT = z.object({
  PORT: optional(port),
  HOST: optional(z.string().trim()),
  DATA_DIR: optional(z.string()),
  FACTDESK_ADMIN_PASSWORD: optional(password),
  PUBLIC_URL: optional(url),
  TRUST_PROXY: optional(flag),
  SEEDS_DIR: optional(z.string()),
  CLIENT_DIR: optional(z.string()),
  FACTDESK_ORGANISATION: optional(z.string()),
  SHUTDOWN_TIMEOUT_MS: optional(milliseconds),
  METRICS_PORT: optional(port),
});

/** A configuration that cannot start a server; its message has one line per wrong variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from `env`; throws a ConfigError naming every wrong value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ENVIRONMENT.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error.issues, env));
  const values = parsed.data;
  return {
    port: values.PORT ?? 3000,
    host: values.HOST ?? '0.0.0.0',
    dataDir: resolve(values.DATA_DIR ?? './data'),
    adminPassword: values.FACTDESK_ADMIN_PASSWORD,
    seedsDir: resolve(values.SEEDS_DIR ?? resolve(REPO_ROOT, 'seeds')),
    clientDir: resolve(values.CLIENT_DIR ?? resolve(REPO_ROOT, 'dist', 'client')),
    publicUrl: values.PUBLIC_URL,
    secureCookies: values.PUBLIC_URL?.toLowerCase().startsWith('https:') ?? false,
    trustProxy: values.TRUST_PROXY ?? false,
    organisation: values.FACTDESK_ORGANISATION,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS ?? DEFAULT_SHUTDOWN_TIMEOUT_MS,
    metricsPort: values.METRICS_PORT,
  };
}

function describeIssues(issues: readonly z.core.$ZodIssue[], env: NodeJS.ProcessEnv): string {
  const lines = new Set<string>();
  for (const issue of issues) {
    const name = String(issue.path[0]);
    const secret = issue.code === 'custom' && issue.params?.secret === true;
    const given = secret ? 'the value given' : JSON.stringify(env[name]);
    lines.add(`${name}: ${given} ${secret ? `cannot be used: ${issue.message}` : issue.message}`);
  }
  return [...lines].join('\n');
}

/**
 * The process environment over the `.env` file in `dir`, if there is one: a value set in the
 * environment wins, so a service manager or a one-off `PORT=… npm start` overrides the file.
 */
export function readEnvironment(dir = process.cwd(), env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const file = join(dir, '.env');
  if (!existsSync(file)) return env;
  let fromFile: NodeJS.Dict<string>;
  try {
    fromFile = parseEnv(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ...fromFile, ...env };
}

/** The effective configuration as log lines, for the start: no secrets, only whether they are set. */
export function describeConfig(config: Config): string {
  const rows: [string, string][] = [
    ['PORT', String(config.port)],
    ['HOST', config.host],
    ['DATA_DIR', config.dataDir],
    ['FACTDESK_ADMIN_PASSWORD', config.adminPassword === undefined ? 'generated' : 'set'],
    ['PUBLIC_URL', config.publicUrl ?? '(none)'],
    ['TRUST_PROXY', config.trustProxy ? 'on' : 'off'],
    ['SEEDS_DIR', config.seedsDir],
    ['CLIENT_DIR', config.clientDir],
    ['FACTDESK_ORGANISATION', config.organisation ?? '(default)'],
    ['SHUTDOWN_TIMEOUT_MS', String(config.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS)],
    ['METRICS_PORT', config.metricsPort === undefined ? '(none)' : String(config.metricsPort)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return ['Configuration:', ...rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`)].join('\n');
}

/**
 * The reference server, `@y/websocket-server` 0.1.1, run from its own bin (in memory: no auth,
 * no validation, no persistence) with HOST and PORT from the environment. This wrapper only
 * adds a clean exit on SIGTERM, so `--cpu-prof` (BENCH_CPU_PROF) can write its profile.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

process.on('SIGTERM', () => process.exit(0));
await import(pathToFileURL(resolve('node_modules/@y/websocket-server/src/server.js')).href);

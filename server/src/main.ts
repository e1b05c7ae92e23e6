/**
 * `npm start`: reads the configuration (environment over `.env`), starts the server, and
 * stops it gracefully on Ctrl-C or a service manager's SIGTERM. The signals are handled here,
 * in the node process itself, because a container runtime or `kill <pid>` reaches only this
 * process, not npm.
 */
import { startServer, type RunningServer } from './app.js';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, describeConfig, loadConfig, readEnvironment, type Config } from './config.js';

let config: Config;
let server: RunningServer;
try {
  config = loadConfig(readEnvironment());
  console.log(describeConfig(config));
  server = await startServer(config);
  console.log(`Factdesk is running at ${config.publicUrl ?? server.url} (data in ${config.dataDir})`);
} catch (error) {
  console.error(`Factdesk could not start:\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // npm forwards Ctrl-C's SIGINT to a process that got it already: one stop is enough.
    if (stopping) return;
    stopping = true;
    const timeoutMs = config.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
    console.log(`\n${signal}: stopping Factdesk (at most ${timeoutMs} ms)…`);
    // Not unref'd: a stop stuck on a promise with nothing else pending would otherwise end the process with 0.
    setTimeout(() => {
      console.error(`Factdesk did not stop within ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): exiting without finishing the stop.`);
      process.exit(1);
    }, timeoutMs);
    server.close().then(
      () => {
        console.log('Factdesk stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Factdesk could not stop cleanly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        process.exit(1);
      },
    );
  });
}

/**
 * `npm start`: reads the environment, starts the server, and stops it cleanly on Ctrl-C
 * or a service manager's SIGTERM (flushing the rooms and closing the database).
 */
import { startServer, type RunningServer } from './app.js';
import { loadConfig } from './config.js';

let server: RunningServer;
try {
  const config = loadConfig();
  server = await startServer(config);
  console.log(`Factdesk is running at ${config.publicUrl ?? server.url} (data in ${config.dataDir})`);
} catch (error) {
  console.error(`Factdesk could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Factdesk…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

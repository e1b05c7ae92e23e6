/**
 * The server under benchmark, in its own process: `tsx server/bench/bench-server.ts
 * <dataDir> <checked|unchecked>`. Prints its URL once it listens; stops on SIGTERM.
 */
import { startServer } from '../src/app.js';
import { loadConfig } from '../src/config.js';

const [dataDir, mode] = process.argv.slice(2);
const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir, adminPassword: 'bench-admin-password' };
// One load generator sends thousands of updates per second over one socket: lift the flood guard,
// which would rightly close it; what is measured is accepting updates, not refusing floods.
const roomLimits = { messageBurst: 1_000_000, messagesPerSecond: 1_000_000 };
const server = await startServer(config, { log: () => {}, checkUpdates: mode !== 'unchecked', roomLimits });
console.log(`listening ${server.url}`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));

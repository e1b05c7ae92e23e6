/**
 * Entry point of `npm run factdesk -- <command>`; see cli/run.ts for the commands.
 */
import { runCli } from './cli/run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});

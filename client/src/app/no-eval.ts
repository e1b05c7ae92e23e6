/**
 * Imported first by main.tsx. zod (used by @factdesk/shared) probes whether it may compile
 * parsers with `new Function` as soon as an object schema is built; the server's CSP forbids
 * eval, so the probe would log a CSP violation on every page. Jitless mode skips the probe.
 */
import { config } from 'zod';

config({ jitless: true });

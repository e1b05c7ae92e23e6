/**
 * What the bench process tells the bench server process (as JSON on its command line), and
 * the names both sides agree on.
 */
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';
/** Bench articles are `bench-0`, `bench-1`, …; the seed article keeps its own id. */
export const BENCH_DOC_PREFIX = 'bench-';

export interface BenchServerOptions {
  /** How many bench articles (the seed text) to create before listening. Default 0. */
  rooms?: number;
  /** Claims on each bench article, stored as one snapshot. Default 0. */
  claims?: number;
  /** Run with --expose-gc and answer `gc` on stdin with the memory use after a full collection. */
  gc?: boolean;
}

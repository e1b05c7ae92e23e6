/**
 * A tiny run of every scenario's code path, so that `npm run bench` cannot rot between runs.
 * The browser scenario's smoke run is in e2e/perf/highlight-paint.test.ts (it needs the built
 * client and Chromium, which the e2e project has).
 */
import { describe, expect, it } from 'vitest';
import { measureColdLoad } from './cold-load.js';
import { measureDiskCommit } from './disk-commit.js';
import { measureDurableWrites } from './durable-writes.js';
import { measureExport } from './export-html.js';
import { measureFanOut } from './fan-out.js';
import { processCpu } from './harness.js';
import { measureMemory } from './memory.js';
import { SCENARIOS } from './scenarios.js';
import { measureValidationOverhead } from './validation-overhead.js';

// Each test runs its own server processes: run them side by side to keep the smoke run short.
describe.concurrent('the benchmark', () => {
  it('names every scenario of the issue, each runnable alone', () => {
    expect(SCENARIOS.map((s) => s.name)).toEqual(['fan-out', 'durable-writes', 'cold-load', 'export', 'browser', 'memory', 'validation']);
  });

  it('delivers every fan-out update to the other clients of the room, on our server and on the reference', async () => {
    const result = await measureFanOut({ rooms: 2, clientsPerRoom: 3, rate: 20, seconds: 1 }, true); // ours first, as every other full run
    for (const server of [result.ours, result.reference]) {
      expect(server.sent).toBe(20);
      expect(server.delivered).toBe(40);
      expect(server.rejected).toBe(0);
      expect(server.p99).toBeGreaterThan(0);
    }
  }, 60_000);

  it('times single durable commits of the real update log, every one of them reaching the log', async () => {
    const result = await measureDiskCommit(20, 200);
    expect(result.commits).toBe(20);
    expect(result.p50).toBeGreaterThan(0);
    expect(result.p99).toBeGreaterThanOrEqual(result.p50);
    expect(result.max).toBeGreaterThanOrEqual(result.p999);
  }, 60_000);

  it('counts durable writes until a second socket has the last one, in one room and in many', async () => {
    const result = await measureDurableWrites({ updates: 60, manyRooms: 3, runs: 1, warmUp: 10 });
    expect(result.oneRoom).toBeGreaterThan(0);
    expect(result.manyRoomsPerSecond).toBeGreaterThan(0);
  }, 60_000);

  it('times the cold load of an article with claims stored as a snapshot', async () => {
    const result = await measureColdLoad(30, 1);
    expect(result.ms).toBeGreaterThan(0);
    expect(result.stateBytes).toBeGreaterThan(20_000); // the seed article and its claims came back
  }, 60_000);

  it('reads the server memory after a forced GC with articles and idle sockets open', async () => {
    const result = await measureMemory({ articles: 3, claimsPerArticle: 10, idleSockets: 6 });
    expect(result.base.rss).toBeGreaterThan(0);
    expect(Number.isFinite(result.perArticleBytes)).toBe(true);
    expect(Number.isFinite(result.perSocketBytes)).toBe(true);
  }, 60_000);

  it("reads a process's CPU time finer than /proc's 10 ms ticks", () => {
    const cpu = processCpu(process.pid);
    const [before, start] = [cpu.cpuMs(), process.cpuUsage()];
    while (process.cpuUsage(start).user < 2_000); // 2 ms of work: less than one tick
    const used = cpu.cpuMs() - before;
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThan(1_000);
  });

  it('measures the validation overhead on a real server process', async () => {
    const result = await measureValidationOverhead(50, 1, 250, 20); // blocks of 20: each mode takes three turns
    expect(result.checkedCpuMs).toBeGreaterThan(0);
    expect(result.uncheckedCpuMs).toBeGreaterThan(0);
    expect(Number.isFinite(result.overhead)).toBe(true);
    expect(result.pairs).toHaveLength(1);
    expect(result.overhead).toBeCloseTo(result.pairs[0].checked.used / result.pairs[0].unchecked.used - 1);
  }, 60_000);

  it('times the three exporters on the seed article with generated claims', () => {
    const result = measureExport(20, 1);
    expect(result.claims).toBe(20);
    expect(result.htmlBytes).toBeGreaterThan(result.textLength);
    for (const ms of [result.htmlMs, result.jsonLdMs, result.csvMs]) expect(ms).toBeGreaterThan(0);
  });
});

/**
 * The benchmark's scenarios, each runnable alone (`npm run bench -- --only <name>`): what it
 * runs at full and at `--quick` size, and how its figures become rows of the table.
 */
import { measureColdLoad } from './cold-load.js';
import { measureDiskCommit } from './disk-commit.js';
import { measureDurableWrites } from './durable-writes.js';
import { measureExport } from './export-html.js';
import { measureFanOut, type FanOutResult } from './fan-out.js';
import type { LoadResult } from './load-generator.js';
import { measureMemory } from './memory.js';
import { measureValidationOverhead } from './validation-overhead.js';
import { median } from './harness.js';
import { measureHighlightPaint } from '../../e2e/perf/highlight-paint.js';

export interface Row {
  scenario: string;
  /** What the figures are: "median of 5", "one 30 s run", … */
  runs: string;
  figure: string;
  reference: string;
  ratio: string;
  target: string;
  /** null: no target to meet. */
  met: boolean | null;
}

export interface Scenario {
  name: string;
  run(quick: boolean): Promise<{ rows: Row[]; raw: unknown }>;
}

const n = (value: number, digits = 0) => value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (value: number) => `${n(value, value < 10 ? 1 : 0)} ms`;
const noReference = { reference: '—', ratio: '—' };

const fanOut: Scenario = {
  name: 'fan-out',
  async run(quick) {
    const size = quick ? { rooms: 20, clientsPerRoom: 5, rate: 100, seconds: 5 } : { rooms: 200, clientsPerRoom: 5, rate: 300, seconds: 30 };
    // Both servers' tails move a lot from run to run: each figure is the median over several runs.
    const count = quick ? 1 : 5;
    // What every delivery of ours waits for and the reference's does not: one commit on this disk.
    const disk = await measureDiskCommit(quick ? 100 : 1_500, size.rate);
    const all: FanOutResult[] = [];
    for (let i = 0; i < count; i++) all.push(await measureFanOut(size, i % 2 === 1));
    const r = medianRun(all);
    const what = `Fan-out: ${n(r.rooms * r.clientsPerRoom)} y-websocket clients in ${n(r.rooms)} rooms, ${n(r.rate)} claim updates/s for ${r.seconds} s; send → receipt on each other client of the room`;
    const runs = `${count === 1 ? 'one run' : `median of ${count} runs`} each; percentiles of ${n(r.ours.delivered)} / ${n(r.reference.delivered)} deliveries per run`;
    // The first row names the scenario; the others continue it.
    const row = (label: string, ours: number, reference: number, target = '—', met: boolean | null = null): Row => ({
      scenario: label === 'p50' ? `${what}: p50` : `… ${label}`,
      runs,
      figure: ms(ours),
      reference: ms(reference),
      ratio: `${(ours / reference).toFixed(2)} ×`,
      target,
      met,
    });
    return {
      rows: [
        row('p50', r.ours.p50, r.reference.p50),
        row('p95', r.ours.p95, r.reference.p95),
        row('p99', r.ours.p99, r.reference.p99, '≤ 1.2 × reference', r.ours.p99 <= 1.2 * r.reference.p99),
        row('max', r.ours.max, r.reference.max),
        {
          scenario: '… deliveries per second (updates sent per second)',
          runs,
          figure: `${n(r.ours.deliveredPerSecond)}/s (${n(r.ours.sentPerSecond)}/s)`,
          reference: `${n(r.reference.deliveredPerSecond)}/s (${n(r.reference.sentPerSecond)}/s)`,
          ratio: `${(r.ours.deliveredPerSecond / r.reference.deliveredPerSecond).toFixed(2)} ×`,
          target: `all ${n(r.ours.expected)} delivered`,
          met: r.ours.delivered >= r.ours.expected && r.ours.rejected === 0,
        },
        {
          scenario: '… server CPU time while measured (whole process: what each update costs, steadier than latency on a busy machine)',
          runs,
          figure: `${ms(r.ours.serverCpuMs)} (main thread ${ms(r.ours.serverMainThreadCpuMs)})`,
          reference: `${ms(r.reference.serverCpuMs)} (main thread ${ms(r.reference.serverMainThreadCpuMs)})`,
          ratio: `${(r.ours.serverCpuMs / r.reference.serverCpuMs).toFixed(2)} ×`,
          target: '—',
          met: null,
        },
        {
          scenario: `… one durable commit of the log on this disk (the reference has none), alone before the runs: p50 / p99 / p99.9 of ${n(disk.commits)} at ${n(size.rate)}/s`,
          runs: 'one run',
          figure: `${ms(disk.p50)} / ${ms(disk.p99)} / ${ms(disk.p999)}`,
          ...noReference,
          target: '—',
          met: null,
        },
        {
          scenario: "… the load generator's own event-loop delay, p99 (when near the latencies, the machine was measured)",
          runs,
          figure: ms(r.ours.generatorLagP99),
          reference: ms(r.reference.generatorLagP99),
          ratio: '—',
          target: '—',
          met: null,
        },
      ],
      raw: { median: r, runs: all, diskCommit: disk },
    };
  },
};

const durableWrites: Scenario = {
  name: 'durable-writes',
  async run(quick) {
    const r = await measureDurableWrites(quick ? { updates: 1_000, manyRooms: 10, runs: 1 } : { updates: 10_000, manyRooms: 50, runs: 3 });
    const what = `Durable writes: ${n(r.updates)} claim updates sent pipelined, accepted, written to the log (fsync) and received by a second socket`;
    const row = (label: string, perSecond: number): Row => ({
      scenario: `${what}, ${label}`,
      runs: `median of ${r.runs}`,
      figure: `${n(perSecond)}/s`,
      ...noReference,
      target: '≥ 5,000/s',
      met: perSecond >= 5_000,
    });
    return { rows: [row('one room', r.oneRoom), row(`${n(r.manyRooms)} rooms`, r.manyRoomsPerSecond)], raw: r };
  },
};

const coldLoad: Scenario = {
  name: 'cold-load',
  async run(quick) {
    const r = await measureColdLoad(quick ? 1_000 : 10_000, quick ? 3 : 7);
    return {
      rows: [
        {
          scenario: `Cold load: the seed article with ${n(r.claims)} claims (${n(r.stateBytes / 1e6, 1)} MB), from SQLite to the first sync: socket opened → sync step 2 received`,
          runs: `median of ${r.runs} rooms`,
          figure: ms(r.ms),
          ...noReference,
          target: '≤ 50 ms',
          met: r.ms <= 50,
        },
      ],
      raw: r,
    };
  },
};

const exportScenario: Scenario = {
  name: 'export',
  async run(quick) {
    const claims = quick ? 500 : 10_000;
    const runs = quick ? 1 : 5;
    const r = measureExport(claims, runs);
    const label = `${n(claims)} claims on the seed article`;
    const other = (scenario: string, value: number): Row => ({ scenario, runs: `median of ${runs}`, figure: ms(value), ...noReference, target: '—', met: null });
    return {
      rows: [
        {
          scenario: `Export as annotated HTML, ${label} (${n(r.htmlBytes / 1e6, 1)} MB)`,
          runs: `median of ${runs}, after a warm-up`,
          figure: ms(r.htmlMs),
          ...noReference,
          target: '≤ 500 ms',
          met: r.htmlMs <= 500,
        },
        other(`Export as W3C Web Annotations (JSON-LD), ${label}`, r.jsonLdMs),
        other(`Export as CSV, ${label}`, r.csvMs),
      ],
      raw: r,
    };
  },
};

const browser: Scenario = {
  name: 'browser',
  async run(quick) {
    // Page loads are short and swing with the machine: nine of them, for a steadier median.
    const r = await measureHighlightPaint(quick ? { claims: 500, runs: 1, remoteClaims: 5 } : { claims: 10_000, runs: 9, remoteClaims: 21 });
    const what = `Headless Chromium, the seed article with ${n(r.claims)} claims`;
    return {
      rows: [
        {
          scenario: `${what}: navigation → all ${n(r.claims)} highlights painted`,
          runs: `median of ${r.runs} page loads`,
          figure: ms(r.allPaintedMs),
          ...noReference,
          target: '≤ 1 s',
          met: r.allPaintedMs <= 1_000,
        },
        {
          scenario: `… navigation → the editor view on screen (selectable, claims clickable; a long article is painted as a static copy first)`,
          runs: `median of ${r.runs} page loads`,
          figure: ms(r.viewReadyMs),
          ...noReference,
          target: '—',
          met: null,
        },
        {
          scenario: `${what}: a remote claim's update arrives → its highlight painted`,
          runs: `median of ${r.remoteClaims} claims`,
          figure: ms(r.remotePaintMs),
          ...noReference,
          target: '≤ 16 ms',
          met: r.remotePaintMs <= 16,
        },
      ],
      raw: r,
    };
  },
};

/** One fan-out result whose every figure is the median of that figure over `runs` (delivery counts: the smallest). */
function medianRun(runs: FanOutResult[]): FanOutResult {
  const side = (key: 'ours' | 'reference'): LoadResult => {
    const out = { ...runs[0][key] };
    for (const field of Object.keys(out) as (keyof LoadResult)[]) {
      const values = runs.map((run) => run[key][field]);
      out[field] = field === 'delivered' || field === 'expected' ? Math.min(...values) : median(values);
    }
    return out;
  };
  return { ...runs[0], ours: side('ours'), reference: side('reference') };
}

const memory: Scenario = {
  name: 'memory',
  async run(quick) {
    const count = quick ? 1 : 5;
    const all: Awaited<ReturnType<typeof measureMemory>>[] = [];
    for (let i = 0; i < count; i++) {
      all.push(await measureMemory(quick ? { articles: 20, claimsPerArticle: 100, idleSockets: 100 } : { articles: 200, claimsPerArticle: 100, idleSockets: 1_000 }));
    }
    // The run with the median per-article figure (the per-connection one is its own median).
    const sorted = [...all].sort((a, b) => a.perArticleBytes - b.perArticleBytes);
    const r = { ...sorted[sorted.length >> 1], perSocketBytes: median(all.map((x) => x.perSocketBytes)) };
    const runs = count === 1 ? 'one run' : `median of ${count} runs`;
    const kB = (bytes: number) => `${n(bytes / 1000, 1)} kB`;
    return {
      rows: [
        {
          scenario: `Memory: server RSS per loaded article (seed + ${r.claimsPerArticle} claims), ${n(r.articles)} loaded and synced, at rest (no write in the last 30 s), after a full GC`,
          runs,
          // RSS may fall while articles load (the allocator hands back pages of the warm-up): say so rather than show a negative cost.
          figure: r.perArticleBytes < 0 ? `< 0 kB: RSS fell by ${kB(-r.perArticleBytes)} per article (V8 heap ${kB(r.perArticle.heapUsed)})` : `${kB(r.perArticleBytes)} (V8 heap ${kB(r.perArticle.heapUsed)})`,
          ...noReference,
          target: '≤ 100 kB',
          met: r.perArticleBytes <= 100_000,
        },
        {
          scenario: `Memory: server RSS per idle connection, ${n(r.idleSockets)} synced and silent, after a full GC`,
          runs,
          figure: `${kB(r.perSocketBytes)} (V8 heap ${kB(r.perSocket.heapUsed)})`,
          ...noReference,
          target: '≤ 30 kB',
          met: r.perSocketBytes <= 30_000,
        },
        {
          scenario: `… per article being written (a write in the last 30 s: its Y.Doc in memory), ${n(r.articles)} woken by one claim each`,
          runs,
          figure: kB(r.perAwakeArticleBytes),
          ...noReference,
          target: '—',
          met: null,
        },
      ],
      raw: r,
    };
  },
};

const validation: Scenario = {
  name: 'validation',
  async run(quick) {
    const updates = quick ? 500 : 10_000;
    const runs = quick ? 1 : 7;
    const r = await measureValidationOverhead(updates, runs, quick ? 500 : 5_000);
    const pct = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)} %`;
    const how = `medians of ${runs} runs, each a checked and an unchecked server side by side taking turns in blocks of 1,000 updates; the overhead is the median of the runs' ratios`;
    return {
      rows: [
        {
          scenario: `Validation overhead: server process CPU to accept ${n(updates)} claim updates, stored and broadcast to a second peer`,
          runs: how,
          figure: `${n(r.checkedCpuMs)} ms checked`,
          reference: `${n(r.uncheckedCpuMs)} ms unchecked`,
          ratio: pct(r.overhead),
          target: '≤ +25 %',
          met: r.overhead <= 0.25,
        },
        {
          scenario: '… of which the JavaScript thread',
          runs: how,
          figure: `${n(r.checkedMainMs)} ms checked`,
          reference: `${n(r.uncheckedMainMs)} ms unchecked`,
          ratio: pct(r.mainOverhead),
          target: '≤ +25 %',
          met: r.mainOverhead <= 0.25,
        },
      ],
      raw: r,
    };
  },
};

/** Every scenario, in the order of the issue (1 fan-out … 5 validation). */
export const SCENARIOS: readonly Scenario[] = [fanOut, durableWrites, coldLoad, exportScenario, browser, memory, validation];

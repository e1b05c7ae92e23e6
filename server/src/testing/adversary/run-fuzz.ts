/**
 * The long adversarial run: `npm run fuzz` (FUZZ_MESSAGES, default 1,000,000; FUZZ_SEED to
 * replay; FUZZ_MINUTES to stop early). Runs in segments of FUZZ_SEGMENT messages (default
 * 50,000), each on a fresh server with seed `FUZZ_SEED + segment`, so that one corrupted
 * document (after which every check fails) ends only its segment. Prints progress, then a
 * summary and every kind of violation with the seed and the message that first caused it;
 * exits 1 when there was any. Ctrl-C also ends the run with its summary.
 */
import { runCampaign, type CampaignResult, type Finding } from './campaign.js';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const messages = Number(process.env.FUZZ_MESSAGES ?? 1_000_000);
const segment = Number(process.env.FUZZ_SEGMENT ?? 50_000);
const deadline = process.env.FUZZ_MINUTES ? Date.now() + Number(process.env.FUZZ_MINUTES) * 60_000 : Infinity;
let interrupted = false;
process.once('SIGINT', () => (interrupted = true));
process.once('SIGTERM', () => (interrupted = true));
const stop = () => interrupted || Date.now() > deadline;

console.log(`adversarial fuzz: seed ${seed}, ${messages} messages in segments of ${segment}`);
const started = performance.now();
const results: CampaignResult[] = [];
let sent = 0;
for (let k = 0; sent < messages && !stop(); k++) {
  const result = await runCampaign({
    seed: seed + k,
    messages: Math.min(segment, messages - sent),
    fullCheckEvery: 1000,
    stopOnCorruption: true,
    log: (line) => console.log(`[segment ${k}] ${line}`),
    stop,
  });
  results.push(result);
  sent += result.sent;
  console.log(`[segment ${k}] seed ${seed + k}: ${result.sent} messages, ${result.findings.length} violations${result.corrupted ? ' (ended early: the stored state became corrupt)' : ''}`);
}

const sum = (f: (r: CampaignResult) => number) => results.reduce((n, r) => n + f(r), 0);
const distinct = new Map<string, Finding & { count: number }>();
for (const r of results) for (const f of r.distinct) {
  const seen = distinct.get(f.kind);
  if (seen) seen.count += f.count;
  else distinct.set(f.kind, { ...f });
}
const total = sum((r) => r.findings.length);
console.log(`${sent < messages ? `\nstopped early (time budget or signal) after ${sent} of ${messages} messages\n` : ''}
seed        ${seed}   (segment k replays with FUZZ_SEED=${seed}+k FUZZ_MESSAGES=${segment} npm run fuzz)
messages    ${sent} sent in ${sum((r) => r.plans)} plans, ${results.length} segments, ${((performance.now() - started) / 1000).toFixed(1)} s
refused     ${sum((r) => r.refused)}
accepted    ${sum((r) => r.accepted)}
corrupted   ${results.filter((r) => r.corrupted).length} segments ended early on a corrupt stored state
heap        +${Math.max(...results.map((r) => r.heapGrowthMiB)).toFixed(1)} MiB after GC at most
violations  ${total} (${distinct.size} kinds)`);
for (const f of distinct.values()) {
  console.log(`\n- ${f.kind} ×${f.count}\n  first after plan ${f.index} (seed ${f.seed}), by ${f.sender}: ${f.detail}\n  message: ${f.plan}\n  frames: ${f.frames.join(' ') || '(none: an honest change or a periodic check)'}`);
}
process.exit(total ? 1 : 0);

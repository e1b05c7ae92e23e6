/**
 * `npm run bench`: runs every scenario (scenarios.ts), prints a table (scenario, ours,
 * reference, ratio, target, met) and writes the same to bench-results/latest.json.
 * `--quick` runs small sizes (bench-results/quick.json); `--only <name>` runs one scenario
 * (bench-results/only-<name>.json), e.g. `--only export` to check a change to the exporters.
 * A partial run never overwrites the full results.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { SCENARIOS, type Row } from './scenarios.js';

const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const names = SCENARIOS.map((s) => s.name);
if (onlyAt >= 0 && (only === undefined || !names.includes(only))) {
  console.error(`--only takes one scenario: ${names.join(', ')}`);
  process.exit(2);
}

const rows: Row[] = [];
const raw: Record<string, unknown> = {};
for (const scenario of SCENARIOS.filter((s) => only === undefined || s.name === only)) {
  const started = performance.now();
  console.error(`bench: ${scenario.name}${quick ? ' (quick)' : ''}…`);
  try {
    const result = await scenario.run(quick);
    rows.push(...result.rows);
    raw[scenario.name] = result.raw;
  } catch (error) {
    // One broken scenario must not cost the others' figures: it gets a row saying why.
    const message = error instanceof Error ? error.message : String(error);
    console.error(error);
    rows.push({ scenario: `${scenario.name}: FAILED — ${message.split('\n')[0]}`, runs: 'no run', figure: '—', reference: '—', ratio: '—', target: '—', met: false });
    raw[scenario.name] = { error: message };
  }
  console.error(`bench: ${scenario.name} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`;
const met = (r: Row) => (r.met === null ? '—' : r.met ? 'yes' : 'MISSED');
const table = [
  '| scenario | ours | reference | ratio | target | met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.scenario} (${r.runs}) | ${r.figure} | ${r.reference} | ${r.ratio} | ${r.target} | ${met(r)} |`),
].join('\n');
console.log(`Factdesk benchmarks on ${machine}${quick ? ' (quick sizes)' : ''}\n\n${table}\n`);
mkdirSync('bench-results', { recursive: true });
const out = only ? `bench-results/only-${only}.json` : quick ? 'bench-results/quick.json' : 'bench-results/latest.json';
writeFileSync(out, JSON.stringify({ machine, at: new Date().toISOString(), quick, rows, raw }, null, 2));
console.log(`Written to ${out}`);
// Child processes and sockets are closed by each scenario; a stray timer must not keep the bench up.
process.exit(0);

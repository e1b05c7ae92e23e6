/**
 * `npm run bench`: runs the benchmarks, prints a table (scenario, figure, reference, ratio,
 * target) and writes the same to bench-results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { measureValidationOverhead } from './validation-overhead.js';

interface Row {
  scenario: string;
  figure: string;
  reference: string;
  ratio: string;
  target: string;
  met: boolean;
}

const quick = process.argv.includes('--quick');
const updates = quick ? 500 : 10_000;
const runs = quick ? 1 : 5;

const rows: Row[] = [];
const overhead = await measureValidationOverhead(updates, runs);
rows.push(
  {
    scenario: `Validation overhead: server process CPU to accept ${updates.toLocaleString('en')} claim updates (median of ${runs})`,
    figure: `${overhead.checkedCpuMs.toFixed(0)} ms checked`,
    reference: `${overhead.uncheckedCpuMs.toFixed(0)} ms unchecked`,
    ratio: `+${(overhead.overhead * 100).toFixed(1)} %`,
    target: '≤ +25 %',
    met: overhead.overhead <= 0.25,
  },
  {
    scenario: `… of which the JavaScript thread (median of ${runs})`,
    figure: `${overhead.checkedMainMs.toFixed(0)} ms checked`,
    reference: `${overhead.uncheckedMainMs.toFixed(0)} ms unchecked`,
    ratio: `+${(overhead.mainOverhead * 100).toFixed(1)} %`,
    target: '≤ +25 %',
    met: overhead.mainOverhead <= 0.25,
  },
);

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`;
const table = [
  '| scenario | ours | reference | ratio | target | met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.scenario} | ${r.figure} | ${r.reference} | ${r.ratio} | ${r.target} | ${r.met ? 'yes' : 'MISSED'} |`),
].join('\n');
console.log(`Factdesk benchmarks on ${machine}\n\n${table}\n`);
mkdirSync('bench-results', { recursive: true });
const out = quick ? 'bench-results/quick.json' : 'bench-results/latest.json';
writeFileSync(out, JSON.stringify({ machine, at: new Date().toISOString(), rows, raw: { overhead } }, null, 2));
console.log(`Written to ${out}`);

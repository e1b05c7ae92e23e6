/**
 * `npm run bench`: runs the benchmarks, prints a table (scenario, figure, reference, ratio,
 * target) and writes the same to bench-results/latest.json. `--quick` runs small sizes
 * (bench-results/quick.json); `--only export` runs the export scenario alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { measureExport } from './export-html.js';
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

const exportClaims = quick ? 500 : 10_000;
/** `--only export`: just the export scenario (no server processes), e.g. to check a change to the exporters. */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'export') throw new Error('--only takes one scenario: export');

const rows: Row[] = [];
const overhead = only === 'export' ? null : await measureValidationOverhead(updates, runs);
if (overhead) {
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
}

const exported = measureExport(exportClaims, 5);
const claimsLabel = `${exportClaims.toLocaleString('en')} claims on the seed article`;
rows.push(
  {
    scenario: `Export as annotated HTML, ${claimsLabel} (median of 5, after a warm-up; ${(exported.htmlBytes / 1e6).toFixed(1)} MB)`,
    figure: `${exported.htmlMs.toFixed(0)} ms`,
    reference: '—',
    ratio: '—',
    target: '≤ 500 ms',
    met: exported.htmlMs <= 500,
  },
  { scenario: `Export as W3C Web Annotations (JSON-LD), ${claimsLabel}`, figure: `${exported.jsonLdMs.toFixed(0)} ms`, reference: '—', ratio: '—', target: '—', met: true },
  { scenario: `Export as CSV, ${claimsLabel}`, figure: `${exported.csvMs.toFixed(0)} ms`, reference: '—', ratio: '—', target: '—', met: true },
);

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`;
const table = [
  '| scenario | ours | reference | ratio | target | met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.scenario} | ${r.figure} | ${r.reference} | ${r.ratio} | ${r.target} | ${r.met ? 'yes' : 'MISSED'} |`),
].join('\n');
console.log(`Factdesk benchmarks on ${machine}\n\n${table}\n`);
mkdirSync('bench-results', { recursive: true });
// A partial run never overwrites the full results.
const out = only ? `bench-results/only-${only}.json` : quick ? 'bench-results/quick.json' : 'bench-results/latest.json';
writeFileSync(out, JSON.stringify({ machine, at: new Date().toISOString(), rows, raw: { overhead, export: exported } }, null, 2));
console.log(`Written to ${out}`);

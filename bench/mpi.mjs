// The Alkire-Foster job with standard errors (what an mpitbR user runs): 3 cut-offs, M0, H, A and
// hd, hdk, actb, pctb of 10 indicators, nationally and over two grouping columns, under a
// stratified clustered design, on seeded synthetic surveys of 200,000 and 2,000,000 rows, through
// the command line (process start to exit). Figures only: seconds (wall clock, and processor time,
// which a machine shared with other work does not inflate) and peak resident memory.
//   node bench/mpi.mjs            (both sizes; run by npm run bench)
//   node bench/mpi.mjs --quick    (200,000 rows only)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureDir, mpiSurveyCsv } from './generate.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const out = here('./out/');
ensureDir(out);
const sizes = process.argv.includes('--quick') ? [200_000] : [200_000, 2_000_000];
const targets = { 200_000: 2, 2_000_000: 15 };
const dims = ['--dimension', 'hl=d_nutr,d_cm', '--dimension', 'ed=d_satt,d_educ', '--dimension', 'ls=d_elct,d_sani,d_wtr,d_hsg,d_ckfl,d_asst'];
const lines = [];
for (const rows of sizes) {
  const file = `${out}mpi-survey-${rows}.csv`;
  if (!existsSync(file)) await mpiSurveyCsv(file, rows);
  const args = ['mpi', file, ...dims, '--weights', 'nested', '--k', '20,33,50', '--weight', 'weight', '--strata', 'stratum', '--psu', 'psu', '--over', 'area,region', '--quiet', '--out', `${out}mpi-${rows}.csv`];
  const runs = [];
  for (let k = 0; k < 2; k++) {
    const t0 = performance.now();
    const p = spawnSync(process.execPath, ['--import', here('./mpi-usage.mjs'), here('../dist/cli.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const seconds = (performance.now() - t0) / 1000;
    if (p.status !== 0) throw new Error(`mpi on ${rows} rows failed: ${p.stderr}`);
    const [, rss, cpu] = /bench-usage (\d+) (\d+)/.exec(p.stderr) ?? [];
    runs.push({ seconds, cpu: Number(cpu) / 1e6, mb: Math.round((Number(rss) * 1024) / 1e6) });
  }
  const seconds = Math.min(...runs.map((r) => r.seconds));
  const cpu = Math.min(...runs.map((r) => r.cpu));
  const mb = Math.max(...runs.map((r) => r.mb));
  lines.push(
    [
      `mpi, 3 cut-offs, over 2 columns, strata and PSUs`.padEnd(56),
      rows.toLocaleString('en-US').padStart(10),
      seconds.toFixed(3).padStart(8),
      Math.round(rows / seconds).toLocaleString('en-US').padStart(12),
      String(mb).padStart(8),
      `  < ${targets[rows]} s, < 500 MB (processor time ${cpu.toFixed(2)} s)`,
    ].join(' '),
  );
}
for (const line of lines) console.log(line);

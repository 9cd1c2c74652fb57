// The benchmark: prints throughput and peak memory of the library and the command line on seeded
// synthetic files, and the same job in DuckDB when it is installed. Not a test: figures only.
//   npm run bench                 (1,000,000 indicator-level rows; 200,000 rosters)
//   npm run bench -- --quick      (a tenth of that)
//   npm run bench -- --excel      (also the same rows as an .xlsx workbook, generated once: a few minutes;
//                                  the Excel jobs run whenever that workbook is in bench/out/)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createBatchClassifier } from '../dist/index.js';
import { parallelFromBytes } from '../dist/node.js';
import { ensureDir, indicatorCsv, indicatorXlsx, rosterJsonl, rosterRecord, seeded } from './generate.mjs';

const quick = process.argv.includes('--quick');
const ROWS = quick ? 100_000 : 1_000_000;
const ROSTERS = quick ? 20_000 : 200_000;
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const out = here('./out/');
ensureDir(out);
const csv = `${out}households-${ROWS}.csv`;
const roster = `${out}rosters-${ROSTERS}.jsonl`;
const csvPrevious = `${out}households-previous-${ROWS}.csv`;
if (!existsSync(csv)) await indicatorCsv(csv, ROWS);
if (!existsSync(csvPrevious)) await indicatorCsv(csvPrevious, ROWS, 2025, { previous: true });
if (!existsSync(roster)) await rosterJsonl(roster, ROSTERS);
const xlsx = `${out}households-${ROWS}.xlsx`;
const xlsxInline = `${out}households-${ROWS}-inline.xlsx`;
if (process.argv.includes('--excel') && !existsSync(xlsx)) await indicatorXlsx(xlsx, ROWS);
if (process.argv.includes('--excel') && !existsSync(xlsxInline)) await indicatorXlsx(xlsxInline, ROWS, { sharedStrings: false });
const date = '2025-12-01';
const results = [];
const mb = (bytes) => Math.round(bytes / 1e6);
const best = (runs) => runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b));

// 1. The library in memory, indicator level.
{
  const INDICATORS = ['employment', 'dependants', 'nutrition', 'healthInsurance', 'adultEducation', 'childSchoolAttendance', 'housingQuality', 'housingArea', 'domesticWater', 'hygienicLatrine', 'telecomServices', 'informationMeans'];
  const r = seeded(7);
  const households = Array.from({ length: ROWS }, (_, i) => {
    const size = 1 + Math.floor(r() * 6);
    return { id: `H${i}`, area: r() < 0.6 ? 'rural' : 'urban', size, incomeMonthlyTotal: Math.floor(r() * 4_000_000) * size, deprived: INDICATORS.filter(() => r() < 0.15) };
  });
  const batch = createBatchClassifier({ date });
  const runs = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    let poor = 0;
    for (const h of households) if (batch.classify(h).category === 'poor') poor++;
    runs.push({ seconds: (performance.now() - t0) / 1000, poor });
  }
  const b = best(runs);
  results.push({ job: 'library, indicator level, in memory', rows: ROWS, seconds: b.seconds, perSecond: ROWS / b.seconds, peakMB: mb(process.resourceUsage().maxRSS * 1024), target: '≥ 5,000,000/s' });
}

// 2. The library in memory, roster level (derivation and classification).
{
  const r = seeded(2026);
  const records = Array.from({ length: ROSTERS }, (_, i) => rosterRecord(r, i));
  const batch = createBatchClassifier({ date });
  const runs = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    let poor = 0;
    for (const rec of records) if (batch.classify(rec).category === 'poor') poor++;
    runs.push({ seconds: (performance.now() - t0) / 1000, poor });
  }
  const b = best(runs);
  results.push({ job: 'library, roster level, in memory', rows: ROSTERS, seconds: b.seconds, perSecond: ROSTERS / b.seconds, peakMB: mb(process.resourceUsage().maxRSS * 1024), target: '≥ 500,000/s' });
}

// 3. The command line, end to end (process start to exit).
function cli(args, label, rows, target, times = 3) {
  const runs = [];
  for (let k = 0; k < times; k++) {
    const t0 = performance.now();
    const p = spawnSync(process.execPath, ['--import', here('./report-rss.mjs'), here('../dist/cli.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const seconds = (performance.now() - t0) / 1000;
    if (p.status !== 0 && p.status !== 1) throw new Error(`${label} failed: ${p.stderr}`); // 1: some rows invalid, still a full run
    const rss = Number(/bench-max-rss-kb (\d+)/.exec(p.stderr)?.[1] ?? 0) * 1024;
    runs.push({ seconds, rss });
  }
  const b = best(runs);
  results.push({ job: label, rows, seconds: b.seconds, perSecond: rows / b.seconds, peakMB: mb(Math.max(...runs.map((x) => x.rss))), target });
  return b.seconds;
}
const threadsFor = (file) => (statSync(file).size >= parallelFromBytes ? cpus().length : 1);
const cliOne = cli(['classify', csv, '--date', date, '--threads', '1', '--quiet', '--out', `${out}classified.csv`], 'command line, CSV, 1 thread', ROWS, 'within 1.5× DuckDB; ≤ 200 MB');
const cliAll = cli(['classify', csv, '--date', date, '--quiet', '--out', `${out}classified-auto.csv`], `command line, CSV, ${threadsFor(csv)} thread(s) (default)`, ROWS, 'within 1.5× DuckDB; ≤ 200 MB');
const cliPrevious = cli(['classify', csvPrevious, '--date', date, '--threads', '1', '--quiet', '--out', `${out}classified-previous.csv`], 'command line, CSV with commune and previous status, 1 thread', ROWS, 'within 1.3× of the same file without them');
cli(['classify', roster, '--date', date, '--threads', '1', '--quiet', '--out', `${out}rosters-classified.jsonl`], 'command line, roster JSON Lines, 1 thread', ROSTERS, '');
cli(['classify', roster, '--date', date, '--quiet', '--out', `${out}rosters-classified-auto.jsonl`], `command line, roster JSON Lines, ${threadsFor(roster)} thread(s) (default)`, ROSTERS, '');
// Reports and validation (one thread): once each.
cli(['report', csv, '--date', date, '--format', 'json'], 'command line, report of the CSV', ROWS, '', 1);
cli(['report', roster, '--date', date, '--format', 'json'], 'command line, report of the rosters', ROSTERS, '', 1);
cli(['validate', roster, '--date', date], 'command line, validation of the rosters', ROSTERS, '', 1);

// 3b. Excel workbooks (when the workbook has been generated): the same 16-column rows read from an
// .xlsx as a stream, and classified rows written as one.
if (existsSync(xlsx)) {
  cli(['classify', xlsx, '--date', date, '--quiet', '--out', `${out}classified-from-xlsx.csv`], 'command line, .xlsx → CSV', ROWS, 'memory flat with the rows', 2);
  const ours = readFileSync(`${out}classified.csv`, 'utf8');
  const fromXlsx = readFileSync(`${out}classified-from-xlsx.csv`, 'utf8');
  results.push({ job: `.xlsx output identical to the CSV's: ${ours === fromXlsx}`, rows: null, seconds: null, perSecond: null, peakMB: null, target: 'true' });
  cli(['report', xlsx, '--date', date, '--format', 'json'], 'command line, report of the .xlsx', ROWS, '', 1);
  if (existsSync(xlsxInline)) cli(['classify', xlsxInline, '--date', date, '--quiet', '--out', `${out}classified-from-xlsx-inline.csv`], 'command line, .xlsx without shared strings → CSV', ROWS, '', 1);
  cli(['classify', csv, '--date', date, '--quiet', '--out', `${out}classified.xlsx`], 'command line, CSV → .xlsx', ROWS, '', 1);
}

// 4. DuckDB, the same job in SQL, when installed.
let duck;
try {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const sql = `COPY (SELECT id, CASE
      WHEN incomeMonthlyTotal <= (CASE area WHEN 'rural' THEN 1500000 ELSE 2000000 END) * size THEN
        CASE WHEN employment + dependants + nutrition + healthInsurance + adultEducation + childSchoolAttendance + housingQuality
                  + housingArea + domesticWater + hygienicLatrine + telecomServices + informationMeans >= 3 THEN 'poor' ELSE 'near-poor' END
      WHEN incomeMonthlyTotal <= (CASE area WHEN 'rural' THEN 2250000 ELSE 3000000 END) * size THEN 'average'
      ELSE 'none' END AS category
    FROM read_csv('${csv}')) TO '${out}duckdb.csv' (HEADER)`;
  await con.run(sql);
  duck = (performance.now() - t0) / 1000;
  results.push({ job: 'DuckDB SQL (in process, all cores)', rows: ROWS, seconds: duck, perSecond: ROWS / duck, peakMB: null, target: '' });
  // Same categories, row for row.
  const ours = readFileSync(`${out}classified.csv`, 'utf8').split('\n');
  const theirs = readFileSync(`${out}duckdb.csv`, 'utf8').split('\n');
  let differ = 0;
  for (let i = 1; i < theirs.length - 1; i++) if (ours[i].split(',')[1] !== theirs[i].split(',')[1]) differ++;
  results.push({ job: `rows whose category differs from DuckDB's: ${differ}`, rows: null, seconds: null, perSecond: null, peakMB: null, target: '0' });
} catch (error) {
  results.push({ job: `DuckDB not run (${error.code ?? error.message})`, rows: null, seconds: null, perSecond: null, peakMB: null, target: '' });
}

const fmt = (n, d = 0) => (n === null || n === undefined ? '' : n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
console.log(`chuan-ngheo benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} MB, Node ${process.version}${quick ? ' (quick)' : ''}`);
console.log(['job'.padEnd(56), 'rows'.padStart(10), 'seconds'.padStart(8), 'rows/s'.padStart(12), 'peak MB'.padStart(8), '  target'].join(' '));
for (const r of results) {
  console.log([r.job.padEnd(56), fmt(r.rows).padStart(10), fmt(r.seconds, 3).padStart(8), fmt(r.perSecond).padStart(12), fmt(r.peakMB).padStart(8), `  ${r.target}`].join(' '));
}
if (duck) console.log(`command line / DuckDB: ${(cliOne / duck).toFixed(2)}× (1 thread), ${(cliAll / duck).toFixed(2)}× (default)`);
console.log(`commune and previous-status columns / without: ${(cliPrevious / cliOne).toFixed(2)}× (target ≤ 1.3×)`);
// The Alkire-Foster job with standard errors (bench/mpi.mjs): its own lines, in the same columns.
spawnSync(process.execPath, [here('./mpi.mjs'), ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });

// Seeded synthetic survey files for the benchmark (never committed: bench/out is ignored).
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';

const INDICATORS = ['employment', 'dependants', 'nutrition', 'healthInsurance', 'adultEducation', 'childSchoolAttendance', 'housingQuality', 'housingArea', 'domesticWater', 'hygienicLatrine', 'telecomServices', 'informationMeans'];

/** A small linear congruential generator: the same files on every machine. */
export function seeded(seed) {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
}

async function writeLines(path, count, line) {
  const out = createWriteStream(path);
  let buffer = '';
  for (let i = 0; i < count; i++) {
    buffer += line(i);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** 1 household per row: id, area, size, monthly total income and 12 indicator columns (16 columns). */
export async function indicatorCsv(path, count, seed = 2025, { previous = false } = {}) {
  const r = seeded(seed);
  // With `previous`: the README's whole layout, a commune attribute and the previous status (one household in four on a list).
  const header = `id,area,size,incomeMonthlyTotal,${INDICATORS.join(',')}${previous ? ',commune,previousCategory,previousRecognizedOn' : ''}\n`;
  const communes = ['Xã Tân Lập', 'Xã Hòa Bình', 'Phường Đông Ngàn'];
  await writeLines(path, count + 1, (i) => {
    if (i === 0) return header;
    const size = 1 + Math.floor(r() * 6);
    const cells = INDICATORS.map(() => (r() < 0.15 ? 1 : 0));
    const extra = previous ? `,${communes[i % 3]},${i % 4 === 0 ? (i % 8 === 0 ? 'poor,2024-12-10' : 'near-poor,2024-12-10') : ','}` : '';
    return `H${i},${r() < 0.6 ? 'rural' : 'urban'},${size},${Math.floor(r() * 4_000_000) * size},${cells.join(',')}${extra}\n`;
  });
}

/**
 * The households of indicatorCsv (same seed, same rows) as an .xlsx workbook, written as a stream
 * with exceljs: numbers as numbers, and text in the shared-strings table as Excel stores it (or,
 * with `sharedStrings: false`, in each cell).
 */
export async function indicatorXlsx(path, count, { seed = 2025, sharedStrings = true } = {}) {
  const { default: ExcelJS } = await import('exceljs');
  const r = seeded(seed);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: sharedStrings, useStyles: false });
  const sheet = workbook.addWorksheet('Households');
  sheet.addRow(['id', 'area', 'size', 'incomeMonthlyTotal', ...INDICATORS]).commit();
  for (let i = 1; i <= count; i++) {
    // The draws in indicatorCsv's order: size, the indicators, area, income.
    const size = 1 + Math.floor(r() * 6);
    const cells = INDICATORS.map(() => (r() < 0.15 ? 1 : 0));
    const area = r() < 0.6 ? 'rural' : 'urban';
    sheet.addRow([`H${i}`, area, size, Math.floor(r() * 4_000_000) * size, ...cells]).commit();
    if (i % 10_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

/** A date of birth about `years` before the review of 2025-12-01, and the exact age then. */
function birth(r, years) {
  const m = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const d = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const y = 2025 - years - 1;
  const age = 2025 - y - (`${m}-${d}` > '12-01' ? 1 : 0);
  return { dateOfBirth: `${y}-${m}-${d}`, age };
}

/** A survey record with a roster of 1 to 7 members and a dwelling. */
export function rosterRecord(r, i) {
  const members = [];
  const n = 1 + Math.floor(r() * 7);
  for (let k = 0; k < n; k++) {
    const { dateOfBirth, age } = birth(r, k === 0 ? 25 + Math.floor(r() * 45) : Math.floor(r() * 80));
    const m = { dateOfBirth, sex: r() < 0.5 ? 'male' : 'female', healthInsurance: r() > 0.1, usesInternet: r() > 0.4, disability: false, monthlySocialAllowance: age >= 75 && r() < 0.5 };
    if (age < 16) Object.assign(m, { stunted: r() < 0.1, underweight: r() < 0.05, inSchool: r() > 0.08 });
    if (age >= 15) Object.assign(m, { workingCapacity: 'full', employmentStatus: r() < 0.1 ? 'unemployed' : r() < 0.5 ? 'selfEmployed' : 'notInLabourForce', inSchool: false, highestQualification: r() < 0.5 ? 'upperSecondary' : 'lowerSecondary' });
    members.push(m);
  }
  return {
    id: `R${i}`,
    area: r() < 0.6 ? 'rural' : 'urban',
    incomeMonthlyTotal: Math.floor(r() * 3_500_000) * n,
    dwelling: { hasHouse: true, walls: r() < 0.8 ? 'brick' : 'bambooOrPoorWood', roof: r() < 0.8 ? 'tile' : 'leavesOrStraw', floor: r() < 0.85 ? 'concrete' : 'earth', floorArea: 10 + Math.floor(r() * 80) },
    waterSource: r() < 0.9 ? 'drilledWell' : 'surfaceWater',
    latrineType: r() < 0.8 ? 'septic' : 'simplePit',
    informationDevices: r() < 0.9 ? ['tv', 'smartphone'] : [],
    hearsLoudspeakers: r() < 0.7,
    members,
  };
}

export async function rosterJsonl(path, count, seed = 2026) {
  const r = seeded(seed);
  await writeLines(path, count, (i) => `${JSON.stringify(rosterRecord(r, i))}\n`);
}

export function ensureDir(dir) {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
}

/**
 * A survey for the Alkire-Foster job: ten 0/1 indicators, area (1, 2) and region (1…6), 60 strata
 * (region × area × 5), PSUs of 20 households within their stratum, and a survey weight of two
 * decimals; indicators more often deprived in some regions.
 */
export async function mpiSurveyCsv(path, count, seed = 11) {
  const r = seeded(seed);
  const indicators = ['d_nutr', 'd_cm', 'd_satt', 'd_educ', 'd_elct', 'd_sani', 'd_wtr', 'd_hsg', 'd_ckfl', 'd_asst'];
  const header = `id,${indicators.join(',')},area,region,stratum,psu,weight\n`;
  let region = 1;
  let area = 1;
  let stratum = 0;
  await writeLines(path, count + 1, (i) => {
    if (i === 0) return header;
    const psu = Math.floor((i - 1) / 20);
    if ((i - 1) % 20 === 0) {
      stratum = Math.floor(r() * 60);
      region = 1 + (stratum % 6);
      area = 1 + (Math.floor(stratum / 6) % 2);
    }
    const p = 0.08 + 0.03 * region + (area === 2 ? 0.05 : 0);
    const d = indicators.map(() => (r() < p ? 1 : 0));
    const weight = (50 + Math.floor(r() * 20000) / 100).toFixed(2);
    return `P${i},${d.join(',')},${area},${region},S${stratum},C${psu},${weight}\n`;
  });
}

/**
 * The report's poverty and near-poverty rates with standard errors and intervals under a survey
 * design (`--strata`, `--psu`, with `--weight`): each rate a proportion of the design (a ratio of
 * weighted totals for persons), a group a domain of the whole design, its interval the logit
 * interval of R's `svyciprop` with the design's degrees of freedom.
 *
 * @module
 */
import { designRatio, proportionInterval, surveyDesign, type LonelyPsu } from '../analytics/design.js';
import type { Table } from './table.js';
import type { Lang } from './labels.js';
import type { Category } from '../rule.js';
import { ownValue } from '../schema-issues.js';

/** The design's columns, and how a stratum with a single PSU is treated. */
export interface DesignColumns {
  readonly strata?: string | undefined;
  readonly psu?: string | undefined;
  /** PSU ids repeat across strata and name different PSUs (`--nest`). */
  readonly nest: boolean;
  readonly lonelyPsu: LonelyPsu;
  readonly level: number;
}

/** Collects the households of a report with their design, then gives the rates' table. */
export class DesignRates {
  private readonly weights: number[] = [];
  private readonly strata: string[] = [];
  private readonly psus: string[] = [];
  private readonly poor: number[] = [];
  private readonly nearPoor: number[] = [];
  private readonly sizes: number[] = [];
  private readonly groups: (string | undefined)[] = [];

  constructor(private readonly columns: DesignColumns) {}

  /** Why a record cannot be placed in the design (a blank stratum or PSU), or undefined. */
  problem(attributes: unknown): string | undefined {
    for (const [option, name] of [
      ['--strata', this.columns.strata],
      ['--psu', this.columns.psu],
    ] as const) {
      if (name === undefined) continue;
      const raw = ownValue(attributes, name);
      if (raw === undefined || raw === null || String(raw).trim() === '') return `MISSING_VALUE: ${option} ${JSON.stringify(name)} is blank; every household needs its ${option === '--strata' ? 'stratum' : 'primary sampling unit'}`;
    }
    return undefined;
  }

  /** Adds a household counted in the report. */
  add(unit: { category: Category; group: string | undefined; weight: number; size: number; attributes: unknown }): void {
    this.weights.push(unit.weight);
    this.strata.push(this.columns.strata === undefined ? '' : String(ownValue(unit.attributes, this.columns.strata)).trim());
    this.psus.push(this.columns.psu === undefined ? '' : String(ownValue(unit.attributes, this.columns.psu)).trim());
    this.poor.push(unit.category === 'poor' ? 1 : 0);
    this.nearPoor.push(unit.category === 'near-poor' ? 1 : 0);
    this.sizes.push(unit.size);
    this.groups.push(unit.group);
  }

  /**
   * The table: per group (and in total) the households, then the poverty and the near-poverty rate
   * in per cent, each with its standard error (percentage points) and interval.
   *
   * @throws {ChuanNgheoError} `LONELY_PSU` for a stratum with a single PSU under the rule `fail`.
   */
  table(lang: Lang, unit: 'households' | 'persons', byLabel: string | undefined): Table {
    const design = surveyDesign({
      weights: this.weights,
      ...(this.columns.strata !== undefined ? { strata: this.strata } : {}),
      ...(this.columns.psu !== undefined ? { psu: this.psus } : {}),
      nest: this.columns.nest,
      lonelyPsu: this.columns.lonelyPsu,
    });
    const persons = unit === 'persons';
    const x = persons ? this.sizes : this.weights.map(() => 1);
    const times = (flags: number[]) => flags.map((f, i) => f * x[i]!);
    const poor = times(this.poor);
    const near = times(this.nearPoor);
    const names = [...new Set(this.groups.filter((g): g is string => g !== undefined))].sort((a, b) => a.localeCompare(b, 'vi'));
    const total = lang === 'vi' ? 'Tổng' : 'Total';
    const domains: [string, number[] | undefined][] = [...names.map((g) => [g, this.groups.map((x2) => (x2 === g ? 1 : 0))] as [string, number[]]), [total, undefined]];
    const pct = (v: number) => (Number.isFinite(v) ? v * 100 : null);
    const cells = (y: number[], domain: number[] | undefined) => {
      const e = designRatio(design, y, x, domain ? { domain } : {});
      if (!Number.isFinite(e.estimate)) return [null, null, null, null];
      const ci = proportionInterval(e, this.columns.level);
      return [pct(e.estimate), pct(e.se), pct(ci.lower), pct(ci.upper)];
    };
    const rows = domains.map(([name, domain]) => [name, domain ? domain.reduce((a, b) => a + b, 0) : this.weights.length, ...cells(poor, domain), ...cells(near, domain)]);
    const vi = lang === 'vi';
    const level = `${Math.round(this.columns.level * 1000) / 10}%`;
    const who = persons ? (vi ? 'nhân khẩu' : 'persons') : vi ? 'hộ' : 'households';
    return {
      id: 'rates-with-intervals',
      title: vi ? `Tỷ lệ nghèo, cận nghèo (% ${who}) với sai số chuẩn theo thiết kế mẫu` : `Poverty and near-poverty rates (% of ${who}) with standard errors under the survey design`,
      columns: [
        { key: 'group', label: byLabel ?? (vi ? 'Nhóm' : 'Group') },
        { key: 'households', label: vi ? 'Số hộ' : 'Households' },
        { key: 'povertyRate', label: vi ? 'Tỷ lệ nghèo (%)' : 'Poverty rate (%)', decimals: 2 },
        { key: 'povertySe', label: vi ? 'Sai số chuẩn nghèo (điểm %)' : 'Poverty SE (points)', decimals: 3 },
        { key: 'povertyLower', label: vi ? `Nghèo, cận dưới ${level}` : `Poverty, ${level} lower`, decimals: 2 },
        { key: 'povertyUpper', label: vi ? `Nghèo, cận trên ${level}` : `Poverty, ${level} upper`, decimals: 2 },
        { key: 'nearPovertyRate', label: vi ? 'Tỷ lệ cận nghèo (%)' : 'Near-poverty rate (%)', decimals: 2 },
        { key: 'nearPovertySe', label: vi ? 'Sai số chuẩn cận nghèo (điểm %)' : 'Near-poverty SE (points)', decimals: 3 },
        { key: 'nearPovertyLower', label: vi ? `Cận nghèo, cận dưới ${level}` : `Near-poverty, ${level} lower`, decimals: 2 },
        { key: 'nearPovertyUpper', label: vi ? `Cận nghèo, cận trên ${level}` : `Near-poverty, ${level} upper`, decimals: 2 },
      ],
      rows,
      note: vi
        ? `Ước lượng theo thiết kế mẫu (tuyến tính hóa Taylor); khoảng tin cậy logit như svyciprop của gói survey (R), bậc tự do ${design.df} (số đơn vị mẫu cấp 1 trừ số tầng).`
        : `Design-based estimates (Taylor linearisation); logit intervals as R's survey::svyciprop, ${design.df} degrees of freedom (PSUs − strata).`,
    };
  }
}

/**
 * Writing batch rows as CSV or JSON Lines.
 *
 * @module
 */
import type { BatchRow } from '../batch.js';

/** Output formats of the batch classification. */
export type OutputFormat = 'csv' | 'jsonl';

/** The CSV header of classified rows. */
export const csvOutputColumns = ['id', 'category', 'deprivationCount', 'newlyEscaped', 'standard', 'errorCode', 'errorMessage'] as const;

const NEEDS_QUOTES = /[",\r\n]/;

/** A CSV cell, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One classified row as a CSV line (with its line feed).
 *
 * @example
 * const batch = createBatchClassifier({ date: '2025-12-01' });
 * rowToCsv(batch.classify({ id: 'HH1', area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['nutrition', 'healthInsurance', 'housingArea'] }))
 * //=> 'HH1,poor,3,false,nd07-2021,,\n'
 * rowToCsv(batch.classify({ id: 'HH2', area: 'rural', size: 0 }))
 * //=> 'HH2,,,,,INVALID_SIZE,"size: expected a whole number of members ≥ 1, received the number 0"\n'
 */
export function rowToCsv(row: BatchRow): string {
  if ('error' in row) return `${csvCell(row.id)},,,,,${row.error.code},${csvCell(row.error.message)}\n`;
  return `${csvCell(row.id)},${row.category},${row.deprivationCount},${row.newlyEscaped},${row.standard},,\n`;
}

/**
 * One classified row as a JSON line.
 *
 * @example
 * const batch = createBatchClassifier({ date: '2025-12-01' });
 * rowToJsonl(batch.classify({ id: 'HH1', area: 'urban', size: 2, incomeMonthlyTotal: 5_000_000, deprived: [] }))
 * //=> '{"id":"HH1","category":"average","deprivationCount":0,"newlyEscaped":false,"standard":"nd07-2021"}\n'
 */
export function rowToJsonl(row: BatchRow): string {
  if ('error' in row) {
    const { code, path, message } = row.error;
    return `${JSON.stringify(row.id === undefined ? { error: { code, path, message } } : { id: row.id, error: { code, path, message } })}\n`;
  }
  return `${JSON.stringify(row)}\n`;
}

/**
 * Reading records from a JSON file (an array of objects) or JSON Lines, in batches.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { describeReceived, type ErrorDetail } from '../errors.js';
import { readJsonlBatches, type JsonlEntry, type JsonlLimits } from './jsonl-reader.js';

/**
 * Reads records: a `.json` file holding an array, or JSON Lines.
 *
 * @example
 * fs.writeFileSync('survey.json', '[{"id": "HH1"}, {"id": "HH2"}]');
 * const entries = [];
 * for await (const batch of readRecordBatches(fs.createReadStream('survey.json'), 'json')) entries.push(...batch);
 * entries //=> [{ value: { id: 'HH1' } }, { value: { id: 'HH2' } }]
 */
export async function* readRecordBatches(input: Readable, format: 'json' | 'jsonl', limits: JsonlLimits = {}): AsyncGenerator<JsonlEntry[], void, undefined> {
  if (format === 'jsonl') {
    for await (const { entries } of readJsonlBatches(input, limits)) yield entries;
    return;
  }
  input.setEncoding('utf8');
  let text = '';
  for await (const chunk of input as AsyncIterable<string>) text += chunk;
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail: ErrorDetail = { code: 'INVALID_ROW', path: [], message: `the file is not valid JSON: ${(error as Error).message}` };
    yield [{ error: detail }];
    return;
  }
  if (!Array.isArray(value)) {
    yield [{ error: { code: 'INVALID_ROW', path: [], message: `the file: expected a JSON array of records, received ${describeReceived(value)}`, received: typeof value } }];
    return;
  }
  yield value.map((v) => ({ value: v }));
}

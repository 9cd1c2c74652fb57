/**
 * Reading records from a JSON file (an array of objects) or JSON Lines, in batches.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { jsonArrayEntries, type JsonlEntry, type JsonlLimits } from '../json-records.js';
import { readJsonlBatches } from './jsonl-reader.js';

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
  yield jsonArrayEntries(text);
}

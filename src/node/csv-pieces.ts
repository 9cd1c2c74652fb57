/**
 * A CSV stream cut into its header, pieces of whole records and broken records, by the rules of
 * `csv/records` (one definition for every path, whatever the size of the reads).
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { CsvCutter, type CsvCutterOptions, type CsvPiece } from '../csv/records.js';

/**
 * Reads a CSV byte stream into pieces, in file order: the header first (nothing for an empty
 * file), then whole records and broken records.
 *
 * @throws {CsvHeaderError} `INVALID_ROW` when the header row cannot be read.
 */
export async function* readCsvPieces(input: Readable | AsyncIterable<Uint8Array | string>, options: CsvCutterOptions = {}): AsyncGenerator<CsvPiece, void, undefined> {
  const cutter = new CsvCutter(options);
  for await (const read of input as AsyncIterable<Uint8Array | string>) {
    yield* cutter.push(typeof read === 'string' ? Buffer.from(read) : read);
  }
  yield* cutter.end();
}

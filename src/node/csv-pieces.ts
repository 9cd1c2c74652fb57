/**
 * A CSV stream cut into its header, pieces of whole records and broken records, by the rules of
 * `csv/records` (one definition for every path, whatever the size of the reads).
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { CsvCutter, CsvHeaderError, type CsvCutterOptions, type CsvPiece } from '../csv/records.js';
import { fail } from '../errors.js';

/**
 * Reads a CSV byte stream into pieces, in file order: the header first (nothing for an empty
 * file), then whole records and broken records.
 *
 * @throws {ChuanNgheoError} `INVALID_ROW` when the header row cannot be read.
 */
export async function* readCsvPieces(input: Readable | AsyncIterable<Uint8Array | string>, options: CsvCutterOptions = {}): AsyncGenerator<CsvPiece, void, undefined> {
  const cutter = new CsvCutter(options);
  try {
    for await (const read of input as AsyncIterable<Uint8Array | string>) {
      yield* cutter.push(typeof read === 'string' ? Buffer.from(read) : read);
    }
    yield* cutter.end();
  } catch (error) {
    if (error instanceof CsvHeaderError) fail('INVALID_ROW', [], error.message);
    throw error;
  }
}

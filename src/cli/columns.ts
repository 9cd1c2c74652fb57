/**
 * Options that name a column of the input (`--by`, `--weight`, and the `id` that `--previous`
 * matches households by) are checked against the file before its rows are read: a name the file
 * does not have is a usage error listing the file's columns and the nearest one.
 *
 * @module
 */
import { UsageError } from './args.js';
import { columnProblem, type ColumnRequest, type FileColumns } from '../column-check.js';

export { editDistance, nearestName, type ColumnRequest } from '../column-check.js';

/**
 * Checks the options that name a column against the file.
 *
 * @throws {UsageError} naming the option, the value, the nearest column and the file's columns.
 */
export function checkColumns(columns: FileColumns, request: ColumnRequest): void {
  const problem = columnProblem(columns, request);
  if (problem !== undefined) throw new UsageError(problem);
}

/**
 * A progress bar on stderr (cli-progress): rows per second and time left, estimated from the
 * bytes read. Silent when stderr is not a terminal, when reading standard input, or with --quiet.
 *
 * @module
 */
import { statSync, type ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import cliProgress from 'cli-progress';

/** A running progress display. */
export interface Progress {
  update(rows: number): void;
  /** Ends the display; `complete` (the default) shows the whole file read first. */
  stop(complete?: boolean): void;
}

const silent: Progress = { update: () => {}, stop: () => {} };

/** Starts a progress bar for reading `source` (a file stream) when stderr is a terminal; `doing` names the job. */
export function startProgress(quiet: boolean, file: string | undefined, source: Readable, doing = 'classifying'): Progress {
  if (quiet || !process.stderr.isTTY || file === undefined || file === '-') return silent;
  let total: number;
  try {
    total = statSync(file).size;
  } catch {
    return silent;
  }
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    { format: `${doing} {bar} {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rows: 0, speed: 0 });
  return {
    update(rows) {
      const seconds = (performance.now() - started) / 1000;
      bar.update((source as ReadStream).bytesRead ?? 0, { rows, speed: seconds > 0 ? Math.round(rows / seconds) : 0 });
    },
    stop(complete = true) {
      if (complete) bar.update(total);
      bar.stop();
    },
  };
}

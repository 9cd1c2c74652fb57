/**
 * Watching the output of a run. An error the output stream emits (a full disk, a closed pipe) is
 * listened to for as long as the run goes on, so that it is never left unhandled, and it stops
 * the run: at its next write, or at once when the run is waiting for the output to drain.
 *
 * @module
 */
import type { Writable } from 'node:stream';

/** A watched output. */
export interface OutputWatch {
  /** The first error of the output (or its closing before the run ended), if any. */
  readonly failure: Error | undefined;
  /** Writes a chunk; resolves at once, or when the output has drained; rejects with {@link failure}. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Stops listening (at the end of the run). */
  stop(): void;
}

/**
 * Listens to `output` for errors until {@link OutputWatch.stop}; `onFailure` is told of the first.
 * A stream that closes before the run ended counts as failed: nothing written after it arrives.
 */
export function watchOutput(output: Writable, onFailure?: (error: Error) => void): OutputWatch {
  let failure: Error | undefined = output.errored ?? (output.destroyed ? closedEarly() : undefined);
  const waiting = new Set<(error: Error) => void>();
  const fail = (error: Error) => {
    if (failure) return;
    failure = error;
    for (const reject of waiting) reject(error);
    onFailure?.(error);
  };
  const onError = (error: Error) => fail(error);
  const onClose = () => fail(output.errored ?? closedEarly());
  output.on('error', onError);
  output.on('close', onClose);
  return {
    get failure() {
      return failure;
    },
    async write(chunk) {
      if (failure) throw failure;
      if (output.write(chunk)) return;
      await new Promise<void>((resolve, reject) => {
        const settle = (error?: Error) => {
          output.off('drain', onDrain);
          waiting.delete(settle);
          if (error) reject(error);
          else resolve();
        };
        const onDrain = () => settle();
        output.on('drain', onDrain);
        waiting.add(settle);
      });
    },
    stop() {
      output.off('error', onError);
      output.off('close', onClose);
    },
  };
}

function closedEarly(): Error {
  return Object.assign(new Error('the output was closed before all rows were written'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

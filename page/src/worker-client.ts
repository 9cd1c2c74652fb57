/**
 * The page's side of its worker: the worker is started from its source bundled into the page (a
 * `blob:` URL), so that the page works opened from a file, with no server.
 *
 * @module
 */
import type { ErrorDetail } from '../../src/errors.js';
import type { Request, Response } from './protocol.js';

/** A request that failed in the worker, with the library's error. */
export class WorkerFailure extends Error {
  constructor(readonly detail: ErrorDetail) {
    super(detail.message);
  }
}

/** Sends requests to the worker and resolves each with its answer. */
export class WorkerClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (data: unknown) => void; reject: (error: unknown) => void; progress?: (done: number, total: number) => void }>();

  constructor(source: string) {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    this.worker = new Worker(url);
    this.worker.addEventListener('message', (event: MessageEvent<Response>) => {
      const message = event.data;
      const waiting = this.pending.get(message.id);
      if (waiting === undefined) return;
      if (message.type === 'progress') waiting.progress?.(message.done, message.total);
      else {
        this.pending.delete(message.id);
        if (message.type === 'result') waiting.resolve(message.data);
        else waiting.reject(new WorkerFailure(message.error));
      }
    });
    this.worker.addEventListener('error', (event) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(event.message || 'the worker stopped'));
      this.pending.clear();
    });
  }

  /** Asks the worker; `transfer` hands buffers over without copying. */
  ask<T>(request: Request, options: { transfer?: Transferable[]; progress?: (done: number, total: number) => void } = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (data: unknown) => void, reject, ...(options.progress ? { progress: options.progress } : {}) });
      this.worker.postMessage({ id, request }, options.transfer ?? []);
    });
  }
}

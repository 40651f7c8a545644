// The main process's side of the YAML worker: jobs queue here and go to the worker one at a time,
// so the event loop only ever copies text and plain data. One worker for the process, started on
// the first job and holding the process open only while it has work. A job that runs away (past
// the limits nothing should) is stopped with the worker, which the next job starts afresh.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../clients/http/apiError';
import type { AppSpec } from '../../clients/digitalocean/types';
import type { YamlJobs } from './yamlJobs';
import type { JobAnswer, JobRequest } from './yamlWorker';

type Job = keyof YamlJobs;

interface Queued {
  request: JobRequest;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export const JOB_TIMEOUT_MS = 30_000;

class YamlThread {
  private worker: Worker | undefined;
  private readonly queue: Queued[] = [];
  private running: (Queued & { timer: NodeJS.Timeout }) | undefined;
  private nextId = 1;

  run<K extends Job>(job: K, ...args: Parameters<YamlJobs[K]>): Promise<ReturnType<YamlJobs[K]>> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        request: { id: this.nextId++, job, args },
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.shift();
    if (!next) return;
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      next.reject(error);
      this.pump();
      return;
    }
    const timer = setTimeout(
      () =>
        this.stop(
          new ApiError({
            code: 'invalid_argument',
            message: `Reading the spec took longer than ${JOB_TIMEOUT_MS / 1000} s and was stopped.`,
          }),
        ),
      JOB_TIMEOUT_MS,
    );
    this.running = { ...next, timer };
    worker.ref();
    worker.postMessage(next.request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (answer: JobAnswer) => this.settle(answer));
    worker.on('error', () => this.lost(worker));
    worker.on('exit', () => this.lost(worker));
    this.worker = worker;
    return worker;
  }

  private settle(answer: JobAnswer): void {
    const job = this.running;
    if (!job || answer.id !== job.request.id) return;
    this.finish(job);
    if (answer.ok) job.resolve(answer.value);
    else job.reject(new ApiError(answer.error));
  }

  /** The worker died under a job (or on its way up): that job fails, the next starts a new one. */
  private lost(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const job = this.running;
    if (job) {
      this.finish(job);
      job.reject(
        new ApiError({
          code: 'internal',
          message: 'The YAML reader stopped unexpectedly; nothing was changed. Try again.',
        }),
      );
    }
  }

  private stop(error: ApiError): void {
    const job = this.running;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    if (job) {
      this.finish(job);
      job.reject(error);
    }
  }

  private finish(job: NonNullable<YamlThread['running']>): void {
    clearTimeout(job.timer);
    this.running = undefined;
    this.worker?.unref();
    // The next job starts once this one's promise has been settled by the caller.
    queueMicrotask(() => this.pump());
  }
}

/** The built worker next to the main bundle; from source (tsx, vitest), the TypeScript through tsx. */
function startWorker(): Worker {
  const built = [join(__dirname, 'specYamlWorker.js'), join(__dirname, '..', 'specYamlWorker.js')].find((file) =>
    existsSync(file),
  );
  if (built) return new Worker(built);
  const source = join(__dirname, 'yamlWorker.ts');
  if (!existsSync(source))
    throw new ApiError({ code: 'internal', message: 'The YAML reader is missing from this build.' });
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true });
}

/** The process's YAML worker. */
export const yamlThread = new YamlThread();

/** The spec a reading found, or the worded refusal (a YAML mistake, a limit) as an error. */
export function specFrom(reading: { spec?: AppSpec; refusal?: string }): AppSpec {
  if (reading.spec) return reading.spec;
  throw new ApiError({ code: 'invalid_argument', message: reading.refusal ?? 'The spec could not be read.' });
}

// The YAML worker's entry: runs the jobs of yamlJobs.ts, one message at a time, off the main
// process's event loop. Started by yamlThread.ts; built as out/main/specYamlWorker.js.
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../clients/http/apiError';
import { YAML_JOBS, type YamlJobs } from './yamlJobs';

export interface JobRequest {
  id: number;
  job: keyof YamlJobs;
  args: unknown[];
}

export type JobAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: ApiError['code']; message: string } };

const port = parentPort;
port?.on('message', ({ id, job, args }: JobRequest) => {
  let answer: JobAnswer;
  try {
    const run = YAML_JOBS[job] as (...input: unknown[]) => unknown;
    answer = { id, ok: true, value: run(...args) };
  } catch (error) {
    // Only our own worded errors cross over: another error's message might quote the text (a value).
    answer = {
      id,
      ok: false,
      error:
        error instanceof ApiError
          ? { code: error.code, message: error.message }
          : {
              code: 'internal',
              message: `Reading the spec failed unexpectedly (${error instanceof Error ? error.name : 'error'}).`,
            },
    };
  }
  port.postMessage(answer);
});

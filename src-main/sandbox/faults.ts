// Faults tests and benchmarks can inject into the sandbox cloud: latency on every answer, and
// scripted failures (an HTTP status, a dropped connection) for the next matching requests.

export interface InjectedFault {
  method?: string;
  /** Matches when the request path starts with this (query excluded). */
  pathPrefix: string;
  /** status: answer with it; drop: close before handling; drop_after_handling: do it, then lose the answer. */
  kind: 'status' | 'drop' | 'drop_after_handling';
  status?: number;
  body?: unknown;
  retryAfterSeconds?: number;
  /** How many matching requests fail; then the fault is gone. */
  times: number;
}

export class FaultInjector {
  latencyMs = 0;
  private readonly faults: InjectedFault[] = [];

  inject(fault: Omit<InjectedFault, 'times'> & { times?: number }): void {
    this.faults.push({ times: 1, ...fault });
  }

  clear(): void {
    this.faults.length = 0;
    this.latencyMs = 0;
  }

  /** Takes the first fault that matches, counting it down. */
  take(method: string, pathname: string): InjectedFault | undefined {
    const index = this.faults.findIndex((f) => (!f.method || f.method === method) && pathname.startsWith(f.pathPrefix));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }
}

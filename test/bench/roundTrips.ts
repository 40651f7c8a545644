// How many round trips a burst of requests waited for, counted rather than timed: the longest
// chain of requests in which each one was sent only after the one before it was answered. Ten
// pages asked for side by side are one round trip however long the sandbox takes to build them;
// a page asked for after the first page's answer makes two. Timing the same refresh with and
// without latency gives this too, but as the difference of two noisy timings (it came out
// negative at 2,000 apps); a count does not drift with the machine's load.
import type { SandboxRequestTiming } from '../../src-main/sandbox/server';

export function roundTripsWaitedFor(timings: readonly SandboxRequestTiming[]): number {
  const byReceipt = [...timings].sort((a, b) => a.receivedAt - b.receivedAt);
  const depth: number[] = [];
  let longest = 0;
  for (const [i, request] of byReceipt.entries()) {
    let before = 0;
    for (let j = 0; j < i; j++) {
      if (byReceipt[j]!.answeredAt <= request.receivedAt) before = Math.max(before, depth[j]!);
    }
    depth.push(before + 1);
    longest = Math.max(longest, before + 1);
  }
  return longest;
}

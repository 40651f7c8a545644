// One action per app at a time: a double click, or a second window, never sends two mutations.
import { ApiError } from '../../clients/http/apiError';

export class AppLocks {
  private readonly busy = new Map<string, string>();

  async run<T>(appId: string, what: string, work: () => Promise<T>): Promise<T> {
    const current = this.busy.get(appId);
    if (current) {
      throw new ApiError({ code: 'conflict', message: `Another action (${current}) on this app is still in progress; nothing was sent.` });
    }
    this.busy.set(appId, what);
    try {
      return await work();
    } finally {
      this.busy.delete(appId);
    }
  }
}

// The size list changes rarely: read it once an hour, and let concurrent callers share one request.
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import { InstanceSizeCatalog } from './instanceSizes';

export class InstanceSizeCache {
  private pending: Promise<InstanceSizeCatalog> | undefined;
  private fetchedAt = 0;

  constructor(
    private readonly client: Pick<DigitalOceanClient, 'listInstanceSizes'>,
    private readonly maxAgeMs = 3_600_000,
    private readonly now: () => number = Date.now,
  ) {}

  catalog(): Promise<InstanceSizeCatalog> {
    if (!this.pending || this.now() - this.fetchedAt > this.maxAgeMs) {
      this.fetchedAt = this.now();
      this.pending = this.client.listInstanceSizes().then((sizes) => new InstanceSizeCatalog(sizes));
      // A failed read is not cached: the next caller asks again.
      this.pending.catch(() => (this.pending = undefined));
    }
    return this.pending;
  }
}

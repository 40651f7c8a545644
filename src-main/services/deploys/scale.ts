// Scaling is a spec change: the full current spec with only one component's size, count or
// autoscaling changed. Everything else — SECRET values included — goes back exactly as read.
import { createHash } from 'node:crypto';
import type { ScaleChange } from '../../../src-preload/contract';
import type { App, AppSpec } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';

type Compute = NonNullable<AppSpec['services']>[number];

/** Identifies what a dialog was opened on: the API has no If-Match, so we compare this ourselves. */
export function specVersion(app: App): string {
  return createHash('sha256')
    .update(`${app.updated_at ?? ''}\n${JSON.stringify(app.spec)}`)
    .digest('hex')
    .slice(0, 16);
}

export function findCompute(spec: AppSpec, name: string): Compute | undefined {
  return [...(spec.services ?? []), ...((spec.workers ?? []) as Compute[])].find((c) => c.name === name);
}

export function withScale(spec: AppSpec, change: ScaleChange): AppSpec {
  const next = structuredClone(spec);
  const component = findCompute(next, change.component);
  if (!component) {
    throw new ApiError({
      code: 'invalid_argument',
      message: `${spec.name} has no service or worker named "${change.component}".`,
    });
  }
  if (change.instanceSizeSlug) component.instance_size_slug = change.instanceSizeSlug as Compute['instance_size_slug'];
  if (change.autoscaling === null) {
    const floor = component.autoscaling?.min_instance_count;
    delete component.autoscaling;
    component.instance_count = change.instanceCount ?? floor ?? component.instance_count ?? 1;
  } else if (change.autoscaling) {
    // The API refuses instance_count together with autoscaling.
    delete component.instance_count;
    component.autoscaling = {
      ...component.autoscaling,
      min_instance_count: change.autoscaling.min,
      max_instance_count: change.autoscaling.max,
    };
  } else if (change.instanceCount !== undefined) {
    if (component.autoscaling) {
      throw new ApiError({
        code: 'invalid_argument',
        message: `${change.component} autoscales: change its min and max, or turn autoscaling off.`,
      });
    }
    component.instance_count = change.instanceCount;
  }
  return next;
}

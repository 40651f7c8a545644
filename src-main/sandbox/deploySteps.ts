// Deployment steps nested as App Platform reports them (the spec's example): "build" holds
// "components" with one step per component built, "deploy" holds "components" with the pre-deploy
// jobs, the deploys and the health waits, and "finalize" stands alone. The counts are of leaves.
import { withChildSteps, type DeploymentStep } from '../clients/digitalocean/types';
import type { PlanItem } from './seed/deploymentHistory';

type Status = NonNullable<DeploymentStep['status']>;

/** A parent's status and times from its children's. */
function parent(name: string, children: DeploymentStep[]): DeploymentStep {
  const has = (s: Status) => children.some((c) => c.status === s);
  const status: Status = has('ERROR')
    ? 'ERROR'
    : children.every((c) => c.status === 'SUCCESS')
      ? 'SUCCESS'
      : has('RUNNING') || has('SUCCESS')
        ? 'RUNNING'
        : 'PENDING';
  const step: DeploymentStep = { name, status, ...withChildSteps(children) };
  const started = children.find((c) => c.started_at)?.started_at;
  const ended = [...children].reverse().find((c) => c.ended_at)?.ended_at;
  if (started) step.started_at = started;
  if (ended && (status === 'SUCCESS' || status === 'ERROR')) step.ended_at = ended;
  return step;
}

/** `leaves[i]` is the step of `plan[i]`. */
export function nestSteps(plan: readonly PlanItem[], leaves: DeploymentStep[]): DeploymentStep[] {
  const isFinal = (item: PlanItem | undefined) => item?.name === 'finalize';
  const of = (part: PlanItem['part']) => leaves.filter((_, i) => plan[i]?.part === part && !isFinal(plan[i]));
  const out: DeploymentStep[] = [];
  const build = of('build');
  if (build.length) out.push(parent('build', [parent('components', build)]));
  const deploy = of('deploy');
  if (deploy.length) out.push(parent('deploy', [parent('components', deploy)]));
  out.push(...leaves.filter((_, i) => isFinal(plan[i])));
  return out;
}

export function leafCounts(leaves: readonly DeploymentStep[]) {
  const count = (s: Status) => leaves.filter((x) => x.status === s).length;
  return {
    pending_steps: count('PENDING'),
    running_steps: count('RUNNING'),
    success_steps: count('SUCCESS'),
    error_steps: count('ERROR'),
    total_steps: leaves.length,
  };
}

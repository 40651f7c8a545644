// A deployment as the progress view shows it: phase, steps with their reasons, counts, elapsed.
import type { DeploymentProgress, ProgressStep } from '../../../src-preload/contract';
import type { Deployment } from '../../clients/digitalocean/types';
import { isTerminalPhase, leafSteps } from '../../clients/digitalocean/types';

export function toProgress(
  appId: string,
  appName: string,
  deployment: Deployment,
  nowMs = Date.now(),
): DeploymentProgress {
  const phase = deployment.phase ?? 'UNKNOWN';
  const terminal = isTerminalPhase(phase);
  const created = deployment.created_at ?? new Date(nowMs).toISOString();
  const endMs = terminal ? Date.parse(deployment.phase_last_updated_at ?? deployment.updated_at ?? created) : nowMs;
  // The leaves: App Platform nests its steps, and the reason of a failure sits on the leaf.
  const steps: ProgressStep[] = leafSteps(deployment.progress?.steps).map((s) => ({
    name: s.name ?? '',
    label: [s.message_base ?? s.name, s.component_name].filter(Boolean).join(' '),
    ...(s.component_name ? { component: s.component_name } : {}),
    status: s.status ?? 'UNKNOWN',
    ...(s.reason?.message ? { reason: s.reason.message } : {}),
    ...(s.started_at ? { startedAt: s.started_at } : {}),
    ...(s.ended_at ? { endedAt: s.ended_at } : {}),
  }));
  return {
    appId,
    appName,
    deploymentId: deployment.id ?? '',
    phase,
    terminal,
    ...(deployment.cause ? { cause: deployment.cause } : {}),
    steps,
    done: deployment.progress?.success_steps ?? 0,
    total: deployment.progress?.total_steps ?? steps.length,
    createdAt: created,
    ...(deployment.updated_at ? { updatedAt: deployment.updated_at } : {}),
    elapsedSeconds: Math.max(0, Math.round((endMs - Date.parse(created)) / 1000)),
  };
}

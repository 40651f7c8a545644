// The deploys domain's side of the contract.
import type { DeploysMethods, DeploysStreams } from '../../../src-preload/contract';
import type { DeploysDomain } from '../../services/deploys';
import type { DomainMethodHandlers, DomainStreamHandlers, ErrorMapper } from '../dispatcher';

export function deploysMethodHandlers(deploys: () => DeploysDomain): DomainMethodHandlers<DeploysMethods> {
  return {
    deployApp: ({ appId, forceBuild }) => deploys().actions.deploy(appId, forceBuild),
    restartApp: ({ appId, components }) => deploys().actions.restart(appId, components),
    cancelDeployment: ({ appId, deploymentId }) => deploys().actions.cancel(appId, deploymentId),
    getDeploymentProgress: ({ appId, deploymentId }) => deploys().actions.progress(appId, deploymentId),
    previewScale: (change) => deploys().actions.previewScale(change),
    applyScale: (change) => deploys().actions.applyScale(change),
    validateRollback: ({ appId, deploymentId }) => deploys().actions.validateRollback(appId, deploymentId),
    rollbackApp: ({ appId, deploymentId }) => deploys().actions.rollback(appId, deploymentId),
    commitRollback: ({ appId }) => deploys().actions.commitRollback(appId),
    revertRollback: ({ appId }) => deploys().actions.revertRollback(appId),
    startRollingDeploy: (request) => deploys().rolling.start(request),
    cancelRollingDeploy: async ({ id }) => deploys().rolling.cancel(id),
    listActivity: (filter) => deploys().audit.list(filter),
  };
}

export function deploysStreamHandlers(
  deploys: () => DeploysDomain,
  toError: ErrorMapper,
): DomainStreamHandlers<DeploysStreams> {
  return {
    watchDeployment: ({ appId, deploymentId }, emit) => {
      const domain = deploys();
      return domain.follower.watch(appId, deploymentId, () => domain.appName(appId), toError, emit);
    },
    watchRollingDeploy: ({ id }, emit) => deploys().rolling.subscribe(id, (value) => emit({ ok: true, value })),
    watchNotices: ({ since }, emit) => deploys().notices.subscribe((value) => emit({ ok: true, value }), since),
  };
}

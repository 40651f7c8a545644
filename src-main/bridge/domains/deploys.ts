// The deploys domain's side of the contract.
import type { DeploysMethods, DeploysStreams } from '../../../src-preload/contract';
import type { AuditLog } from '../../services/deploys/auditLog';
import type { DeployActions } from '../../services/deploys/deployActions';
import type { DeploymentFollower } from '../../services/deploys/deploymentFollower';
import type { NoticeHub } from '../../services/deploys/notices';
import type { RollingDeploys } from '../../services/deploys/rollingDeploys';
import type { DomainMethodHandlers, DomainStreamHandlers, ErrorMapper } from '../dispatcher';

export interface DeploysDomain {
  actions: DeployActions;
  rolling: RollingDeploys;
  follower: DeploymentFollower;
  audit: AuditLog;
  notices: NoticeHub;
  appName: (appId: string) => Promise<string>;
}

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
    watchRollingDeploy: ({ id }, emit) => deploys().rolling.subscribe(id, emit),
    watchNotices: ({ since }, emit) => deploys().notices.subscribe(emit, since),
  };
}

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

export function deploysMethodHandlers({ actions, rolling, audit }: DeploysDomain): DomainMethodHandlers<DeploysMethods> {
  return {
    deployApp: ({ appId, forceBuild }) => actions.deploy(appId, forceBuild),
    restartApp: ({ appId, components }) => actions.restart(appId, components),
    cancelDeployment: ({ appId, deploymentId }) => actions.cancel(appId, deploymentId),
    getDeploymentProgress: ({ appId, deploymentId }) => actions.progress(appId, deploymentId),
    previewScale: (change) => actions.previewScale(change),
    applyScale: (change) => actions.applyScale(change),
    validateRollback: ({ appId, deploymentId }) => actions.validateRollback(appId, deploymentId),
    rollbackApp: ({ appId, deploymentId }) => actions.rollback(appId, deploymentId),
    commitRollback: ({ appId }) => actions.commitRollback(appId),
    revertRollback: ({ appId }) => actions.revertRollback(appId),
    startRollingDeploy: (request) => rolling.start(request),
    cancelRollingDeploy: async ({ id }) => rolling.cancel(id),
    listActivity: (filter) => audit.list(filter),
  };
}

export function deploysStreamHandlers(domain: DeploysDomain, toError: ErrorMapper): DomainStreamHandlers<DeploysStreams> {
  return {
    watchDeployment: ({ appId, deploymentId }, emit) =>
      domain.follower.watch(appId, deploymentId, () => domain.appName(appId), toError, emit),
    watchRollingDeploy: ({ id }, emit) => domain.rolling.subscribe(id, emit),
    watchNotices: (_request, emit) => domain.notices.subscribe(emit),
  };
}

// Puts the deploys domain together: one lock table, one audit log, one follower, for the
// actions and the rolling deploys that use them.
import type { Logger } from '../../logging/logger';
import type { InstanceSizeCache } from '../apps/instanceSizeCache';
import { AppLocks } from './appLocks';
import { AuditLog } from './auditLog';
import { DeployActions, type DeployClient } from './deployActions';
import { DeploymentFollower } from './deploymentFollower';
import { NoticeHub } from './notices';
import { RollingDeploys } from './rollingDeploys';

/** The deploys domain as its handlers see it: actions, rolling deploys, their follower, Activity and notices. */
export interface DeploysDomain {
  actions: DeployActions;
  rolling: RollingDeploys;
  follower: DeploymentFollower;
  audit: AuditLog;
  notices: NoticeHub;
  appName: (appId: string) => Promise<string>;
}

export interface DeploysOptions {
  client: DeployClient;
  sizes: InstanceSizeCache;
  dataDir: string;
  context: string;
  log: Logger;
  /** How often a running deployment is re-read (ms). */
  pollMs?: number;
  healthChecks?: { attempts: number; intervalMs: number };
  /** Shared across account contexts: one Activity log, one stream of notices. */
  audit?: AuditLog;
  notices?: NoticeHub;
}

export function createDeploysDomain(options: DeploysOptions): DeploysDomain {
  const audit = options.audit ?? new AuditLog(options.dataDir);
  const notices = options.notices ?? new NoticeHub();
  const follower = new DeploymentFollower(options.client, audit, notices, options.log, options.pollMs);
  const actions = new DeployActions({
    client: options.client,
    sizes: options.sizes,
    locks: new AppLocks(),
    audit,
    follower,
    context: options.context,
  });
  const rolling = new RollingDeploys({
    client: options.client,
    actions,
    follower,
    audit,
    context: options.context,
    healthChecks: options.healthChecks,
  });
  return {
    actions,
    rolling,
    follower,
    audit,
    notices,
    appName: async (appId) => (await options.client.getApp(appId)).spec.name,
  };
}

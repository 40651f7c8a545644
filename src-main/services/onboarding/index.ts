// The onboarding domain, built per account context: a new tenant end to end as one resumable run,
// and offboarding one confirmed step at a time.
import type { SupabaseCosts } from '../../../src-preload/contract';
import { isDemoContext } from '../../../src-preload/contract/accounts';
import type { ErrorMapper } from '../../base/errors';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import type { SupabaseClient } from '../../clients/supabase/client';
import type { Logger } from '../../logging/logger';
import type { SecretStore } from '../../secrets/secretStore';
import type { AppsService } from '../apps/appsService';
import type { AuditLog } from '../deploys/auditLog';
import type { DnsService } from '../dns';
import type { ProbeNetwork } from '../dns/liveProbe';
import type { SpecsService } from '../specs';
import { OnboardingService } from './onboardingService';

export { OnboardingService } from './onboardingService';

export interface OnboardingDomainDeps {
  context: string;
  dataDir: string;
  client: Pick<DigitalOceanClient, 'listApps' | 'getApp' | 'propose' | 'deleteApp'>;
  apps: AppsService;
  specs: Pick<SpecsService, 'createTenantApp'>;
  dns: Pick<DnsService, 'listDomains' | 'listRecords' | 'createRecord' | 'deleteRecord'>;
  /** Undefined when the context has no Supabase account. */
  supabase: () => Promise<SupabaseClient | undefined>;
  supabaseDirectory: () => Promise<SupabaseCosts>;
  /** Where a run's generated DB password is kept (the OS keychain, or memory where there is none). */
  keychain: SecretStore;
  audit: Pick<AuditLog, 'start' | 'finish'>;
  log: Logger;
  toError: ErrorMapper;
  /** How often a step re-reads what it waits for (project status, deployment, health). */
  pollMs: number;
  stepTimeoutMs?: number;
  /** Where the health check resolves and connects: the sandbox's DNS and edge for the demo fleet. */
  probeNetwork: ProbeNetwork;
}

/** What the session hands over (its own deps, spread): the sandbox decides the probe network. */
type SessionLike = Omit<OnboardingDomainDeps, 'pollMs' | 'probeNetwork'> & {
  deployPollMs?: number;
  digitalOceanUrl?: string;
  sandbox?: { url: string; dns: ProbeNetwork };
};

export function createOnboardingDomain(deps: SessionLike): OnboardingService {
  const onSandbox = deps.sandbox && (isDemoContext(deps.context) || deps.digitalOceanUrl === deps.sandbox.url);
  return new OnboardingService({
    ...deps,
    pollMs: deps.deployPollMs ?? 2000,
    probeNetwork: onSandbox && deps.sandbox ? deps.sandbox.dns : {},
  });
}

// The onboarding domain, built per account context: a new tenant end to end as one resumable run,
// and offboarding one confirmed step at a time.
import type { ErrorMapper } from '../../base/errors';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import type { SupabaseClient } from '../../clients/supabase/client';
import type { Logger } from '../../logging/logger';
import type { SecretStore } from '../../secrets/secretStore';
import type { AppsService } from '../apps/appsService';
import type { AuditLog } from '../deploys/auditLog';
import type { DnsService } from '../dns';
import type { SpecsService } from '../specs';
import type { SupabaseCosts } from '../../../src-preload/contract';
import { OnboardingService } from './onboardingService';

export { OnboardingService } from './onboardingService';

export interface OnboardingDomainDeps {
  context: string;
  dataDir: string;
  client: DigitalOceanClient;
  apps: AppsService;
  specs: SpecsService;
  dns: DnsService;
  /** Undefined when the context has no Supabase account. */
  supabase: () => Promise<SupabaseClient | undefined>;
  supabaseDirectory: () => Promise<SupabaseCosts>;
  /** Where a run's generated DB password is kept (the OS keychain, or memory where there is none). */
  keychain: SecretStore;
  audit: AuditLog;
  log: Logger;
  toError: ErrorMapper;
}

export function createOnboardingDomain(deps: OnboardingDomainDeps): OnboardingService {
  return new OnboardingService(deps);
}

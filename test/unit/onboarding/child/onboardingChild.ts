// Fleetdeck's main process cut down to the onboarding service of one context, run as a child
// process by the kill -9 test (node --import tsx). Its clouds are the test's sandbox (URLs in the
// config), its data folder is the test's, and a file in that folder stands in for the OS keychain,
// which outlives the process as the real one does. The same wiring as session.ts: the real
// clients, the specs domain's create path, the DNS service, the Activity log.
// It answers the test's calls over the IPC channel: {id, method, args} → {id, ok, value | error}.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../../src-main/base/atomicFile';
import type { ErrorMapper } from '../../../../src-main/base/errors';
import { DigitalOceanClient } from '../../../../src-main/clients/digitalocean/client';
import { ApiError } from '../../../../src-main/clients/http/apiError';
import { SupabaseClient } from '../../../../src-main/clients/supabase/client';
import { silentLogger } from '../../../../src-main/logging/logger';
import { accountName, type SecretKey, type SecretStore } from '../../../../src-main/secrets/secretStore';
import { AppsService } from '../../../../src-main/services/apps/appsService';
import { InstanceSizeCache } from '../../../../src-main/services/apps/instanceSizeCache';
import { createDeploysDomain } from '../../../../src-main/services/deploys';
import { AuditLog } from '../../../../src-main/services/deploys/auditLog';
import { DnsService } from '../../../../src-main/services/dns';
import { OnboardingService } from '../../../../src-main/services/onboarding';
import { SpecsService } from '../../../../src-main/services/specs';

export interface ChildConfig {
  dataDir: string;
  digitalOceanUrl: string;
  supabaseUrl: string;
  digitalOceanToken: string;
  supabaseToken: string;
  /** The sandbox's DNS server ("127.0.0.1:PORT") and HTTPS edge port, for the health check. */
  resolver: string;
  edgePort: number;
  pollMs: number;
}

export type ChildMethod = 'plan' | 'start' | 'list' | 'get' | 'resume';

/** The OS keychain's stand-in: one JSON file, written whole. */
class FileKeychain implements SecretStore {
  readonly kind = 'keychain' as const;
  constructor(private readonly file: string) {}
  private async all(): Promise<Record<string, string>> {
    return JSON.parse(await readFile(this.file, 'utf8').catch(() => '{}')) as Record<string, string>;
  }
  async get(key: SecretKey) {
    return (await this.all())[accountName(key)];
  }
  async set(key: SecretKey, secret: string) {
    await writeFileAtomic(this.file, JSON.stringify({ ...(await this.all()), [accountName(key)]: secret }));
  }
  async delete(key: SecretKey) {
    const all = await this.all();
    const had = accountName(key) in all;
    delete all[accountName(key)];
    await writeFileAtomic(this.file, JSON.stringify(all));
    return had;
  }
  async list() {
    return [];
  }
}

function onboardingService(config: ChildConfig): OnboardingService {
  const context = 'production';
  const log = silentLogger;
  const audit = new AuditLog(config.dataDir);
  const toError: ErrorMapper = (_operation, error) =>
    error instanceof ApiError ? error.toFleetError() : { code: 'internal', message: String(error) };
  const client = new DigitalOceanClient({ baseUrl: config.digitalOceanUrl, token: () => config.digitalOceanToken });
  const sizes = new InstanceSizeCache(client);
  const deploys = createDeploysDomain({ client, sizes, dataDir: config.dataDir, context, log, audit });
  const specs = new SpecsService({ client, sizes, deploys, dataDir: config.dataDir, context, log });
  const supabase = new SupabaseClient({ baseUrl: config.supabaseUrl, token: async () => config.supabaseToken });
  const network = {
    resolverServers: [config.resolver],
    connectTo: () => ({ host: '127.0.0.1', port: config.edgePort }),
    selfSignedExpected: true,
  };
  return new OnboardingService({
    context,
    dataDir: config.dataDir,
    client,
    apps: new AppsService(client, sizes),
    specs,
    dns: new DnsService(client, network, { audit, context }),
    supabase: async () => supabase,
    supabaseDirectory: () => Promise.reject(new Error('not used by onboarding')),
    keychain: new FileKeychain(join(config.dataDir, 'keychain.json')),
    audit,
    log,
    toError,
    pollMs: config.pollMs,
    probeNetwork: network,
  });
}

const config = JSON.parse(process.argv[2]!) as ChildConfig;
const service = onboardingService(config);
const methods: Record<ChildMethod, (arg: never) => Promise<unknown>> = {
  plan: (request: Parameters<OnboardingService['plan']>[0]) => service.plan(request),
  start: (planId: string) => service.start(planId),
  list: () => service.list(),
  get: (id: string) => service.get(id),
  resume: (id: string) => service.resume(id),
};

process.on('message', (message: { id: number; method: ChildMethod; arg?: unknown }) => {
  methods[message.method](message.arg as never).then(
    (value) => process.send!({ id: message.id, ok: true, value }),
    (error: unknown) => process.send!({ id: message.id, ok: false, error: toText(error) }),
  );
});
process.send!({ ready: true });

function toText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

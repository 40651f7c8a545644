// The demo fleet's DNS, modelled on the seeds' DNS sections and kept consistent with the app
// domains' phases in demoFleet.ts:
// - taskifai.com (000, "Option 1: wildcard CNAME"): `app` and `*` point at taskifai-central, the
//   apex `@` is an A record to the founder's own server ("<your-server-if-needed>"), whose
//   certificate runs out in days. demo and bibbi have CNAMEs of their own; customer3's CNAME and
//   TXT were only just added (its domain is still PENDING); `customer2` is DANGLING: it still
//   points at the App Platform host of a tenant app that was deleted.
// - insightpulseai.net (001, "Required DNS Records"): CNAMEs for mcp and superset; the CNAME for
//   odoo is MISSING, which is why odoo.insightpulseai.net is in ERROR.
// - presence360.app (002, "DNS plan"): App Platform manages the zone (spec.domains[].zone), so it
//   created the CNAMEs itself; the wildcard apex is still CONFIGURING and has no apex records yet.
// - multivio.com and taskassistant.ai are hosted at other DNS providers: not in the account, but
//   the loopback DNS server answers them as the internet would.
// - FOREIGN_APP_HOST is a live app of another team, in a DigitalOcean account of its own: no record
//   points at it yet, but one may (a shared zone), and the check must not call that dangling.
import type { AppRecord } from '../state';
import { APP_PLATFORM_SUFFIX, emptyDns, newZone, storeRecord, type SandboxDns, type SandboxZone } from '../dns/zones';

const DAY = 86_400_000;

/** The tenant removed from TaskifAI whose CNAME was left behind. */
export const DANGLING_HOST = `taskifai-customer2-k3v8q${APP_PLATFORM_SUFFIX}`;
/** The marketing site's server behind the taskifai.com apex (a documentation address). */
export const TASKIFAI_APEX_SERVER = '203.0.113.10';
/** A partner team's app, deployed from its own DigitalOcean account: live, but not ours. */
export const FOREIGN_APP_HOST = `partner-portal-q8d2n${APP_PLATFORM_SUFFIX}`;

export function seedDnsZones(fleet: readonly AppRecord[], nowMs: number): SandboxDns {
  const dns = emptyDns();
  const byName = new Map(fleet.map((r) => [r.app.spec.name, r]));
  const hostOf = (appName: string) => byName.get(appName)?.app.default_ingress?.replace(/^https:\/\//, '');
  const validation = (appName: string, domain: string) =>
    byName.get(appName)?.app.domains?.find((d) => d.spec?.domain === domain)?.validations?.[0]?.txt_value;

  const zone = (name: string, ttl: number, records: Array<[type: string, name: string, data: string | undefined]>) => {
    const z: SandboxZone = newZone(dns, name, ttl);
    for (const [type, rel, data] of records) {
      // An app missing from the fleet (a synthetic one, say) leaves its record out.
      if (data) z.records.push(storeRecord(dns, { type, name: rel, data, ttl }));
    }
    return z;
  };
  const cname = (rel: string, app: string): [string, string, string | undefined] => ['CNAME', rel, hostOf(app)];

  const taskifai = zone('taskifai.com', 1800, [
    ['A', '@', TASKIFAI_APEX_SERVER],
    cname('app', 'taskifai-central'),
    cname('*', 'taskifai-central'),
    ['TXT', '_acme-challenge', validation('taskifai-central', 'taskifai.com')],
    cname('demo', 'taskifai-demo'),
    cname('bibbi', 'taskifai-bibbi'),
    cname('customer3', 'taskifai-customer3'),
    ['TXT', '_acme-challenge.customer3', validation('taskifai-customer3', 'customer3.taskifai.com')],
    ['CNAME', 'customer2', DANGLING_HOST],
    ['MX', '@', 'mx.zoho.eu'],
  ]);
  const mx = taskifai.records.find((r) => r.type === 'MX');
  if (mx) mx.priority = 10;

  const insightPulse = zone('insightpulseai.net', 3600, [
    cname('mcp', 'mcp-coordinator'),
    cname('superset', 'superset-analytics'),
  ]);

  const presence360 = zone('presence360.app', 3600, [
    cname('api', 'presence360-tenant'),
    cname('app', 'presence360-tenant'),
    cname('*', 'presence360-tenant'),
    ['TXT', '_acme-challenge', validation('presence360-tenant', 'presence360.app')],
    cname('cp', 'presence360-control-plane'),
    cname('admin', 'presence360-control-plane'),
  ]);

  for (const z of [taskifai, insightPulse, presence360]) dns.zones.set(z.name, z);
  dns.elsewhere = [
    zone('multivio.com', 300, [cname('api', 'multivio-api')]),
    zone('taskassistant.ai', 3600, [cname('api', 'task-assistant-ai')]),
  ];
  dns.origins = [
    // Its renewal cron stopped: the certificate has under a week left.
    {
      hostname: 'taskifai.com',
      status: 200,
      hsts: 'max-age=31536000',
      certificateExpiresAt: new Date(nowMs + 6 * DAY + 5 * 3_600_000).toISOString(),
    },
  ];
  dns.foreignAppHosts = [FOREIGN_APP_HOST];
  dns.hstsByApp = {
    // 000's verification step expects `strict-transport-security: max-age=31536000`.
    'taskifai-central': 'max-age=31536000',
    'taskifai-demo': 'max-age=31536000',
    'taskifai-bibbi': 'max-age=31536000',
    'taskifai-customer3': 'max-age=31536000',
    // 003's nginx adds includeSubDomains.
    'task-assistant-ai': 'max-age=31536000; includeSubDomains',
    'presence360-tenant': 'max-age=63072000; includeSubDomains',
    'presence360-control-plane': 'max-age=63072000; includeSubDomains',
  };
  return dns;
}

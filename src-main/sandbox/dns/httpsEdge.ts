// The sandbox's HTTPS edge on loopback: the live check connects here (whatever address DNS gave)
// with SNI = the hostname, and gets what App Platform's edge or the founder's own server would
// present. Certificates are self-signed, made per host with `selfsigned`, with the expiry
// App Platform reports for the domain (certificate_expires_at); a domain that is not ACTIVE yet
// gets the *.ondigitalocean.app certificate, as the real edge serves before issuing one.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import { generate } from 'selfsigned';
import type { AppRecord, SandboxState } from '../state';
import { answerClientErrors } from '../http';
import { healthAnswerFor } from '../seed/healthEndpoints';
import { APP_PLATFORM_SUFFIX, normalizeName } from './zones';

const DAY = 86_400_000;
/** DigitalOcean's own wildcard certificate for the default ingress hosts. */
const INGRESS_CERT_DAYS_LEFT = 47;

export interface EdgeSite {
  /** Subject first, then the other names the certificate covers. */
  certNames: string[];
  notAfter: Date;
  status: number;
  hsts?: string;
  body: string;
  /** The app serving this host, whose health endpoints answer on it. */
  app?: AppRecord;
}

export interface RunningEdge {
  port: number;
  close(): Promise<void>;
}

/** What the edge serves for a hostname (an origin server, an app's domain, or an app's host). */
export function siteFor(state: SandboxState, hostname: string, startMs: number): EdgeSite {
  const host = normalizeName(hostname);
  const ingressCert = {
    certNames: [`*${APP_PLATFORM_SUFFIX}`, APP_PLATFORM_SUFFIX.slice(1)],
    notAfter: new Date(startMs + INGRESS_CERT_DAYS_LEFT * DAY),
  };
  const origin = state.dns?.origins.find((o) => o.hostname === host);
  if (origin) {
    return {
      certNames: [host],
      notAfter: new Date(origin.certificateExpiresAt),
      status: origin.status,
      hsts: origin.hsts,
      body: `${host}\n`,
    };
  }
  const records = [...state.apps.values()];
  const byIngress = records.find((r) => r.app.default_ingress && new URL(r.app.default_ingress).hostname === host);
  if (byIngress)
    return {
      ...ingressCert,
      status: 200,
      hsts: hstsOf(state, byIngress),
      body: `${byIngress.app.spec.name}\n`,
      app: byIngress,
    };
  if (state.dns?.foreignAppHosts.some((h) => normalizeName(h) === host))
    return { ...ingressCert, status: 200, body: 'An app of another account.\n' };

  const served = appDomainFor(records, host);
  if (!served) return { ...ingressCert, status: 404, body: 'No app answers on this hostname.\n' };
  const { record, domain } = served;
  if (domain.phase !== 'ACTIVE' || !domain.certificate_expires_at) {
    return { ...ingressCert, status: 404, body: `${host} is not configured yet (${domain.phase ?? 'UNKNOWN'}).\n` };
  }
  const name = domain.spec?.domain ?? host;
  return {
    certNames: domain.spec?.wildcard ? [name, `*.${name}`] : [name],
    notAfter: new Date(domain.certificate_expires_at),
    status: 200,
    hsts: hstsOf(state, record),
    body: `${record.app.spec.name}\n`,
    app: record,
  };
}

/** A spec domain named exactly, else a wildcard domain one label up. */
function appDomainFor(records: AppRecord[], host: string) {
  const domains = records.flatMap((record) => (record.app.domains ?? []).map((domain) => ({ record, domain })));
  return (
    domains.find(({ domain }) => domain.spec?.domain === host) ??
    domains.find(({ domain }) => domain.spec?.wildcard && host.slice(host.indexOf('.') + 1) === domain.spec.domain)
  );
}

const hstsOf = (state: SandboxState, record: AppRecord) => state.dns?.hstsByApp[record.app.spec.name];

export async function startHttpsEdge(state: SandboxState): Promise<RunningEdge> {
  const startMs = state.clock.now();
  const contexts = new Map<string, Promise<SecureContext>>();

  const contextFor = (site: EdgeSite) => {
    const key = `${site.certNames.join(',')}|${site.notAfter.toISOString()}`;
    let context = contexts.get(key);
    if (!context) {
      context = generate([{ name: 'commonName', value: site.certNames[0] ?? 'localhost' }], {
        keyType: 'ec',
        algorithm: 'sha256',
        // Let's Encrypt's 90-day lifetime, ending when App Platform says it does.
        notBeforeDate: new Date(site.notAfter.getTime() - 90 * DAY),
        notAfterDate: site.notAfter,
        extensions: [
          { name: 'subjectAltName', altNames: site.certNames.map((value) => ({ type: 2 as const, value })) },
        ],
      }).then((pems) => createSecureContext({ key: pems.private, cert: pems.cert }));
      contexts.set(key, context);
    }
    return context;
  };

  const server: Server = createServer(
    {
      SNICallback: (servername, done) => {
        // Promise.try-style: a throw while choosing the site fails this handshake, not the process.
        Promise.resolve()
          .then(() => contextFor(siteFor(state, servername, startMs)))
          .then(
            (context) => done(null, context),
            (error: Error) => done(error),
          );
      },
    },
    (req, res) => {
      try {
        const site = siteFor(state, (req.headers.host ?? '').replace(/:\d+$/, ''), startMs);
        const hsts = site.hsts ? { 'strict-transport-security': site.hsts } : {};
        // An app's health endpoints answer as the app would (JSON); every other path as before.
        const path = pathOf(req.url);
        const health = site.app && site.status === 200 ? healthAnswerFor(site.app, path) : undefined;
        if (health) {
          res.writeHead(health.status, { 'content-type': 'application/json', ...hsts });
          res.end(req.method === 'HEAD' ? undefined : JSON.stringify(health.body));
          return;
        }
        res.writeHead(site.status, { 'content-type': 'text/plain; charset=utf-8', ...hsts });
        res.end(req.method === 'HEAD' ? undefined : site.body);
      } catch {
        // A site the sandbox's own state cannot describe fails this request, not the process.
        res.destroy();
      }
    },
  );
  // A failed handshake (plain bytes, a refused SNI) and a request Node's parser refuses end that
  // connection only.
  server.on('tlsClientError', () => undefined);
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A target that is no URL (`http://[`) reads as no health path rather than failing the answer. */
function pathOf(target: string | undefined): string {
  try {
    return new URL(target ?? '/', 'https://edge.invalid').pathname;
  } catch {
    return '/';
  }
}

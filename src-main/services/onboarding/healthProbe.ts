// The app's own health-check path over HTTPS, from this machine, through the resolver and edge the
// DNS view's live check uses (the sandbox's for the demo fleet, the internet's otherwise).
import { Resolver } from 'node:dns/promises';
import { request } from 'node:https';
import type { ProbeNetwork } from '../dns/liveProbe';

export interface HealthAnswer {
  status?: number;
  /** Why nothing answered, in words. */
  problem?: string;
}

export async function probeHealth(hostname: string, path: string, network: ProbeNetwork): Promise<HealthAnswer> {
  const timeout = network.timeoutMs ?? 5000;
  const resolver = new Resolver({ timeout: Math.min(2000, timeout), tries: 2 });
  if (network.resolverServers?.length) resolver.setServers(network.resolverServers);
  let address: string | undefined;
  try {
    address = (await resolver.resolve4(hostname))[0];
  } catch (error) {
    return { problem: `${hostname} does not resolve (${(error as { code?: string }).code ?? 'no answer'}).` };
  }
  if (!address) return { problem: `${hostname} has no address.` };
  const target = network.connectTo?.(address) ?? { host: address, port: 443 };
  return new Promise((settle) => {
    const req = request({
      host: target.host,
      port: target.port,
      servername: hostname,
      method: 'GET',
      path,
      headers: { host: hostname, 'user-agent': 'Fleetdeck onboarding health check' },
      // Only the sandbox's self-signed certificates are read without trust.
      rejectUnauthorized: !network.selfSignedExpected,
      agent: false,
      timeout,
    });
    req.on('response', (res) => {
      res.resume();
      settle({ status: res.statusCode });
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => settle({ problem: `https://${hostname}${path}: ${error.message}` }));
    req.end();
  });
}

// The sandbox's DNS: the Domains API routes, a loopback DNS server answering from the zones, and
// a loopback HTTPS edge. The live check of a demo hostname goes through Node's real resolver and
// a real TLS handshake, only pointed at these instead of the internet.
import type { Router } from '../http';
import { registerDomainRoutes } from '../routes/domains';
import type { SandboxState } from '../state';
import { startDnsServer } from './dnsServer';
import { startHttpsEdge } from './httpsEdge';

/** What a live check needs to use the sandbox's network instead of the internet's. */
export interface SandboxDnsEdge {
  /** The loopback DNS server, "127.0.0.1:PORT". */
  resolverServers: string[];
  /** Every HTTPS connection goes to the loopback edge, whatever address DNS gave. */
  connectTo: (address: string) => { host: string; port: number };
  /** The edge's certificates are self-signed: read them, do not require trust. */
  selfSignedExpected: true;
  /** The sandbox's clock, so certificate days left agree with the seeded dates. */
  now: () => number;
  close(): Promise<void>;
}

export async function startSandboxDnsEdge(router: Router, state: SandboxState): Promise<SandboxDnsEdge> {
  registerDomainRoutes(router, state);
  const [dns, edge] = await Promise.all([startDnsServer(state), startHttpsEdge(state)]);
  return {
    resolverServers: [dns.address],
    connectTo: () => ({ host: '127.0.0.1', port: edge.port }),
    selfSignedExpected: true,
    now: () => state.clock.now(),
    close: async () => {
      await Promise.all([dns.close(), edge.close()]);
    },
  };
}

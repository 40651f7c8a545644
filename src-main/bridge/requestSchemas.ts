// One schema per contract method and stream, gathered from the domains: what the renderer sends
// is checked here before any service sees it. The mapped types make a missing or mistyped schema
// a compile error.
import type { FleetMethods, FleetStreams } from '../../src-preload/contract';
import { accountsMethodSchemas, accountsStreamSchemas } from './schemas/accounts';
import { alertsMethodSchemas, alertsStreamSchemas } from './schemas/alerts';
import { appsMethodSchemas, appsStreamSchemas } from './schemas/apps';
import { costsMethodSchemas, costsStreamSchemas } from './schemas/costs';
import { deploysMethodSchemas, deploysStreamSchemas } from './schemas/deploys';
import { dnsMethodSchemas, dnsStreamSchemas } from './schemas/dns';
import { logsMethodSchemas, logsStreamSchemas } from './schemas/logs';
import { specsMethodSchemas, specsStreamSchemas } from './schemas/specs';
import { tenantsMethodSchemas, tenantsStreamSchemas } from './schemas/tenants';
import { onboardingMethodSchemas, onboardingStreamSchemas } from './schemas/onboarding';
import { shellMethodSchemas, shellStreamSchemas } from './schemas/shell';
import { uptimeMethodSchemas, uptimeStreamSchemas } from './schemas/uptime';
import { infrastructureMethodSchemas, infrastructureStreamSchemas } from './schemas/infrastructure';
import type { MethodSchemas, SchemaMismatches, StreamSchemas } from './schemas/types';

const methodSchemas = {
  ...appsMethodSchemas,
  ...alertsMethodSchemas,
  ...deploysMethodSchemas,
  ...logsMethodSchemas,
  ...costsMethodSchemas,
  ...accountsMethodSchemas,
  ...specsMethodSchemas,
  ...dnsMethodSchemas,
  ...tenantsMethodSchemas,
  ...onboardingMethodSchemas,
  ...uptimeMethodSchemas,
  ...infrastructureMethodSchemas,
  ...shellMethodSchemas,
};
const streamSchemas = {
  ...appsStreamSchemas,
  ...alertsStreamSchemas,
  ...deploysStreamSchemas,
  ...logsStreamSchemas,
  ...costsStreamSchemas,
  ...accountsStreamSchemas,
  ...specsStreamSchemas,
  ...dnsStreamSchemas,
  ...tenantsStreamSchemas,
  ...onboardingStreamSchemas,
  ...uptimeStreamSchemas,
  ...infrastructureStreamSchemas,
  ...shellStreamSchemas,
};

export const methodRequestSchemas: MethodSchemas<FleetMethods> = methodSchemas;
export const streamRequestSchemas: StreamSchemas<FleetStreams> = streamSchemas;

// Compile-time: every schema accepts exactly its request type, both ways. A name showing up in
// the error is a schema that drifted from the contract.
const noMethodDrift: SchemaMismatches<FleetMethods, typeof methodSchemas> extends never ? true : never = true;
const noStreamDrift: SchemaMismatches<FleetStreams, typeof streamSchemas> extends never ? true : never = true;
void noMethodDrift;
void noStreamDrift;

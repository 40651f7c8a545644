// One schema per contract method and stream, gathered from the domains: what the renderer sends
// is checked here before any service sees it. The mapped types make a missing or mistyped schema
// a compile error.
import type { FleetMethods, FleetStreams } from '../../src-preload/contract';
import { accountsMethodSchemas, accountsStreamSchemas } from './schemas/accounts';
import { appsMethodSchemas, appsStreamSchemas } from './schemas/apps';
import { costsMethodSchemas, costsStreamSchemas } from './schemas/costs';
import { deploysMethodSchemas, deploysStreamSchemas } from './schemas/deploys';
import { dnsMethodSchemas, dnsStreamSchemas } from './schemas/dns';
import { logsMethodSchemas, logsStreamSchemas } from './schemas/logs';
import { specsMethodSchemas, specsStreamSchemas } from './schemas/specs';
import type { MethodSchemas, StreamSchemas } from './schemas/types';

export const methodRequestSchemas: MethodSchemas<FleetMethods> = { ...appsMethodSchemas, ...deploysMethodSchemas, ...logsMethodSchemas, ...costsMethodSchemas, ...accountsMethodSchemas, ...specsMethodSchemas, ...dnsMethodSchemas };
export const streamRequestSchemas: StreamSchemas<FleetStreams> = { ...appsStreamSchemas, ...deploysStreamSchemas, ...logsStreamSchemas, ...costsStreamSchemas, ...accountsStreamSchemas, ...specsStreamSchemas, ...dnsStreamSchemas };

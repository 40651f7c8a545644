// One schema per contract method and stream, gathered from the domains: what the renderer sends
// is checked here before any service sees it. The mapped types make a missing or mistyped schema
// a compile error.
import type { FleetMethods, FleetStreams } from '../../src-preload/contract';
import { appsMethodSchemas, appsStreamSchemas } from './schemas/apps';
import { deploysMethodSchemas, deploysStreamSchemas } from './schemas/deploys';
import type { MethodSchemas, StreamSchemas } from './schemas/types';

export const methodRequestSchemas: MethodSchemas<FleetMethods> = { ...appsMethodSchemas, ...deploysMethodSchemas };
export const streamRequestSchemas: StreamSchemas<FleetStreams> = { ...appsStreamSchemas, ...deploysStreamSchemas };

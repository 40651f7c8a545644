// The one contract between the renderer and the main process. Every request/response method and
// every event stream the renderer may use is declared in a domain file under contract/ and
// gathered here; main, preload, the browser harness and the renderer all take their types from
// this file.
import { APPS_METHOD_NAMES, APPS_STREAM_NAMES, type AppsMethods, type AppsStreams } from './contract/apps';
import { COSTS_METHOD_NAMES, COSTS_STREAM_NAMES, type CostsMethods, type CostsStreams } from './contract/costs';
import type { Result, Unsubscribe } from './contract/common';
import { ALERTS_METHOD_NAMES, ALERTS_STREAM_NAMES, type AlertsMethods, type AlertsStreams } from './contract/alerts';
import {
  ACCOUNTS_METHOD_NAMES,
  ACCOUNTS_STREAM_NAMES,
  type AccountsMethods,
  type AccountsStreams,
} from './contract/accounts';
import {
  DEPLOYS_METHOD_NAMES,
  DEPLOYS_STREAM_NAMES,
  type DeploysMethods,
  type DeploysStreams,
} from './contract/deploys';
import { DNS_METHOD_NAMES, DNS_STREAM_NAMES, type DnsMethods, type DnsStreams } from './contract/dns';
import { SPECS_METHOD_NAMES, SPECS_STREAM_NAMES, type SpecsMethods, type SpecsStreams } from './contract/specs';
import { LOGS_METHOD_NAMES, LOGS_STREAM_NAMES, type LogsMethods, type LogsStreams } from './contract/logs';
import {
  TENANTS_METHOD_NAMES,
  TENANTS_STREAM_NAMES,
  type TenantsMethods,
  type TenantsStreams,
} from './contract/tenants';
import { SHELL_METHOD_NAMES, SHELL_STREAM_NAMES, type ShellMethods, type ShellStreams } from './contract/shell';
import {
  ONBOARDING_METHOD_NAMES,
  ONBOARDING_STREAM_NAMES,
  type OnboardingMethods,
  type OnboardingStreams,
} from './contract/onboarding';
import { UPTIME_METHOD_NAMES, UPTIME_STREAM_NAMES, type UptimeMethods, type UptimeStreams } from './contract/uptime';
import {
  INFRASTRUCTURE_METHOD_NAMES,
  INFRASTRUCTURE_STREAM_NAMES,
  type InfrastructureMethods,
  type InfrastructureStreams,
} from './contract/infrastructure';

export * from './contract/common';
export * from './contract/apps';
export * from './contract/accounts';
export * from './contract/deploys';
export * from './contract/logs';
export * from './contract/costs';
export * from './contract/specs';
export * from './contract/dns';
export * from './contract/tenants';
export * from './contract/alerts';
export * from './contract/onboarding';
export * from './contract/uptime';
export * from './contract/infrastructure';
export * from './contract/shell';

/** Request/response methods of every domain. `void` means the method takes no argument. */
export type FleetMethods = AppsMethods &
  AlertsMethods &
  DeploysMethods &
  LogsMethods &
  CostsMethods &
  AccountsMethods &
  SpecsMethods &
  DnsMethods &
  TenantsMethods &
  OnboardingMethods &
  UptimeMethods &
  InfrastructureMethods &
  ShellMethods;

/** Event streams: subscribe with a request, get events until the returned function is called. */
export type FleetStreams = AppsStreams &
  AlertsStreams &
  DeploysStreams &
  LogsStreams &
  CostsStreams &
  AccountsStreams &
  SpecsStreams &
  DnsStreams &
  TenantsStreams &
  OnboardingStreams &
  UptimeStreams &
  InfrastructureStreams &
  ShellStreams;

export type MethodName = keyof FleetMethods;
export type StreamName = keyof FleetStreams;
export type RequestOf<M extends MethodName> = FleetMethods[M]['request'];
export type ResponseOf<M extends MethodName> = FleetMethods[M]['response'];

type MethodFn<M extends MethodName> =
  RequestOf<M> extends void
    ? () => Promise<Result<ResponseOf<M>>>
    : (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;

export type FleetApi = { [M in MethodName]: MethodFn<M> } & {
  [S in StreamName]: (
    request: FleetStreams[S]['request'],
    listener: (event: FleetStreams[S]['event']) => void,
  ) => Unsubscribe;
};

// Listing names as values lets the preload and harness build exactly these functions; the
// exhaustiveness checks keep the lists and the interfaces in step.
export const METHOD_NAMES = [
  ...APPS_METHOD_NAMES,
  ...ALERTS_METHOD_NAMES,
  ...DEPLOYS_METHOD_NAMES,
  ...LOGS_METHOD_NAMES,
  ...COSTS_METHOD_NAMES,
  ...ACCOUNTS_METHOD_NAMES,
  ...SPECS_METHOD_NAMES,
  ...DNS_METHOD_NAMES,
  ...TENANTS_METHOD_NAMES,
  ...ONBOARDING_METHOD_NAMES,
  ...UPTIME_METHOD_NAMES,
  ...INFRASTRUCTURE_METHOD_NAMES,
  ...SHELL_METHOD_NAMES,
] as const satisfies readonly MethodName[];
export const STREAM_NAMES = [
  ...APPS_STREAM_NAMES,
  ...ALERTS_STREAM_NAMES,
  ...DEPLOYS_STREAM_NAMES,
  ...LOGS_STREAM_NAMES,
  ...COSTS_STREAM_NAMES,
  ...ACCOUNTS_STREAM_NAMES,
  ...SPECS_STREAM_NAMES,
  ...DNS_STREAM_NAMES,
  ...TENANTS_STREAM_NAMES,
  ...ONBOARDING_STREAM_NAMES,
  ...UPTIME_STREAM_NAMES,
  ...INFRASTRUCTURE_STREAM_NAMES,
  ...SHELL_STREAM_NAMES,
] as const satisfies readonly StreamName[];
type Missing<All, Listed> = Exclude<All, Listed>;
const everyMethodListed: Missing<MethodName, (typeof METHOD_NAMES)[number]> extends never ? true : never = true;
const everyStreamListed: Missing<StreamName, (typeof STREAM_NAMES)[number]> extends never ? true : never = true;
void everyMethodListed;
void everyStreamListed;
// Every stream's events are Results: a transport failure (a lost socket, a refused subscription)
// then arrives in the same shape as the stream's own, and no listener needs a special case.
type NotResultStreams = { [S in StreamName]: FleetStreams[S]['event'] extends Result<unknown> ? never : S }[StreamName];
const everyStreamEventIsResult: NotResultStreams extends never ? true : never = true;
void everyStreamEventIsResult;

/** Channel names used by the Electron transport; the harness speaks the same names over a socket. */
export const channels = {
  call: (method: MethodName) => `fleet:call:${method}`,
  subscribe: (stream: StreamName) => `fleet:subscribe:${stream}`,
  unsubscribe: 'fleet:unsubscribe',
  event: 'fleet:event',
} as const;

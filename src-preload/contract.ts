// The one contract between the renderer and the main process. Every request/response method and
// every event stream the renderer may use is declared here; main, preload, the browser harness
// and the renderer all take their types from this file.

export type FleetErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'invalid_argument'
  | 'unprocessable'
  | 'network'
  | 'timeout'
  | 'server_error'
  | 'untrusted_sender'
  | 'internal';

/** What the renderer learns of a failure: words for a person, never a token or a header. */
export interface FleetError {
  code: FleetErrorCode;
  message: string;
  /** The API's request id, for a support ticket. */
  requestId?: string;
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: FleetError };

export interface RateLimitInfo {
  limit: number;
  remaining: number;
  /** Epoch seconds when the oldest counted request expires. */
  resetAt: number;
}

export interface EnvironmentInfo {
  mode: 'demo' | 'live';
  /** The account context the fleet comes from ("Demo fleet" in demo mode). */
  contextName: string;
  /** In demo mode, where the sandbox cloud listens (loopback only). */
  sandboxUrl?: string;
  appVersion: string;
}

export type ComponentKind = 'service' | 'worker' | 'static_site' | 'job' | 'function' | 'database';

/** US dollars per month; min and max differ only for autoscaled components. */
export interface MonthlyCost {
  min: number;
  max: number;
}

export interface ComponentSummary {
  name: string;
  kind: ComponentKind;
  /** The slug as written in the spec (may be a legacy one such as basic-xxs). */
  sizeSlug?: string;
  /** The current slug it is priced as, when the spec's is a legacy alias. */
  pricedAsSlug?: string;
  sizeLabel?: string;
  instanceCount?: number;
  autoscaling?: { min: number; max: number };
  monthlyCost: MonthlyCost;
  /** Why a cost could not be priced (unknown size), shown instead of a number. */
  costNote?: string;
}

export interface ComponentSource {
  kind: 'github' | 'gitlab' | 'bitbucket' | 'git' | 'image' | 'none';
  /** owner/name, clone URL or image reference. */
  ref: string;
  branch?: string;
  deployOnPush?: boolean;
}

export interface ComponentDetail extends ComponentSummary {
  source: ComponentSource;
  health?: ComponentHealthSummary;
  httpPort?: number;
  healthCheckPath?: string;
}

export type DeploymentPhase =
  | 'UNKNOWN'
  | 'PENDING_BUILD'
  | 'BUILDING'
  | 'PENDING_DEPLOY'
  | 'DEPLOYING'
  | 'ACTIVE'
  | 'SUPERSEDED'
  | 'ERROR'
  | 'CANCELED';

export interface DeploymentSummary {
  id: string;
  phase: DeploymentPhase;
  cause: string;
  causeType?: string;
  /** Short commit hash of the first component that has one. */
  commit?: string;
  createdAt: string;
  /** When a terminal phase was reached. */
  finishedAt?: string;
  durationSeconds?: number;
  progress?: { done: number; total: number; failedStep?: string };
}

export type HealthState = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';

export interface ComponentHealthSummary {
  state: HealthState;
  replicasReady?: number;
  replicasDesired?: number;
  cpuPercent?: number;
  memoryPercent?: number;
}

export interface AppHealthSummary {
  state: HealthState;
  components: Record<string, ComponentHealthSummary>;
}

export interface FleetApp {
  id: string;
  name: string;
  /** Product the app belongs to: its DigitalOcean project, else the first word of its name. */
  group: string;
  region: string;
  regionLabel?: string;
  components: ComponentSummary[];
  monthlyCost: MonthlyCost;
  activeDeployment?: DeploymentSummary;
  inProgressDeployment?: DeploymentSummary;
  pinnedDeploymentId?: string;
  liveUrl?: string;
  updatedAt?: string;
}

export interface FleetSnapshot {
  fetchedAt: string;
  apps: FleetApp[];
  /** The fleet's total per month, summed from components. */
  monthlyCost: MonthlyCost;
  rateLimit?: RateLimitInfo;
}

export interface AppDomainSummary {
  name: string;
  type?: string;
  phase?: string;
  certificateExpiresAt?: string;
}

export interface AppDetail {
  app: FleetApp;
  components: ComponentDetail[];
  deployments: DeploymentSummary[];
  domains: AppDomainSummary[];
  health?: AppHealthSummary;
  /** Set when health could not be read; the rest of the detail still shows. */
  healthError?: FleetError;
  defaultIngress?: string;
  createdAt?: string;
}

/** Request/response methods. `void` means the method takes no argument. */
export interface FleetMethods {
  getEnvironment: { request: void; response: EnvironmentInfo };
  listFleet: { request: void; response: FleetSnapshot };
  getFleetHealth: { request: { appIds: string[] }; response: Record<string, AppHealthSummary> };
  getAppDetail: { request: { appId: string }; response: AppDetail };
}

/** Event streams: subscribe with a request, get events until the returned function is called. */
export interface FleetStreams {
  watchFleet: { request: { intervalSeconds: number }; event: Result<FleetSnapshot> };
}

export type MethodName = keyof FleetMethods;
export type StreamName = keyof FleetStreams;
export type RequestOf<M extends MethodName> = FleetMethods[M]['request'];
export type ResponseOf<M extends MethodName> = FleetMethods[M]['response'];
export type Unsubscribe = () => void;

type MethodFn<M extends MethodName> = RequestOf<M> extends void
  ? () => Promise<Result<ResponseOf<M>>>
  : (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;

export type FleetApi = { [M in MethodName]: MethodFn<M> } & {
  [S in StreamName]: (
    request: FleetStreams[S]['request'],
    listener: (event: FleetStreams[S]['event']) => void,
  ) => Unsubscribe;
};

// Listing names as values lets the preload and harness build exactly these functions; the
// `satisfies` + exhaustiveness types keep the lists and the interfaces in step.
export const METHOD_NAMES = ['getEnvironment', 'listFleet', 'getFleetHealth', 'getAppDetail'] as const satisfies readonly MethodName[];
export const STREAM_NAMES = ['watchFleet'] as const satisfies readonly StreamName[];
type Missing<All, Listed> = Exclude<All, Listed>;
const everyMethodListed: Missing<MethodName, (typeof METHOD_NAMES)[number]> extends never ? true : never = true;
const everyStreamListed: Missing<StreamName, (typeof STREAM_NAMES)[number]> extends never ? true : never = true;
void everyMethodListed;
void everyStreamListed;

/** Channel names used by the Electron transport; the harness speaks the same names over a socket. */
export const channels = {
  call: (method: MethodName) => `fleet:call:${method}`,
  subscribe: (stream: StreamName) => `fleet:subscribe:${stream}`,
  unsubscribe: 'fleet:unsubscribe',
  event: 'fleet:event',
} as const;

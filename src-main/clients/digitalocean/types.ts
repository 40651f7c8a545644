// Names for the parts of the official DigitalOcean schema that Fleetdeck reads and writes.
// Generated from resources/openapi/digitalocean-subset.json (npm run gen:do-types); the App
// Platform schemas lag the live API, so the few fields it omits are added here, marked [spec gap].
import type { components } from './generated';

type Schemas = components['schemas'];

/** [spec gap] app-level envs/alerts/features exist on the wire (godo AppSpec) but not in the schema. */
export type AppSpec = Schemas['app_spec'] & {
  envs?: AppEnv[];
  alerts?: Array<{ rule?: string; disabled?: boolean }>;
  features?: string[];
};
export type AppEnv = Schemas['app_variable_definition'];
export type ServiceSpec = Schemas['app_service_spec'];
export type WorkerSpec = Schemas['app_worker_spec'];
export type JobSpec = Schemas['app_job_spec'] & { schedule?: { cron?: string; time_zone?: string } };
export type StaticSiteSpec = Schemas['app_static_site_spec'];
export type AutoscalingSpec = NonNullable<ServiceSpec['autoscaling']>;

/** [spec gap] cause_details and previous_deployment_id come from godo's Deployment. */
export type Deployment = Schemas['apps_deployment'] & {
  cause_details?: { type?: DeploymentCauseType; digitalocean_user_action?: { user?: { email?: string } } };
  previous_deployment_id?: string;
};
export type DeploymentPhase = Schemas['apps_deployment_phase'];
export type DeploymentCauseType =
  | 'MANUAL'
  | 'DEPLOY_ON_PUSH'
  | 'MAINTENANCE'
  | 'MANUAL_ROLLBACK'
  | 'AUTO_ROLLBACK'
  | 'UPDATE_DATABASE_TRUSTED_SOURCES'
  | 'AUTOSCALED';
export type DeploymentProgress = Schemas['apps_deployment_progress'];
export type DeploymentStep = Schemas['apps_deployment_progress_step'];

/**
 * The steps that do the work, in order: App Platform nests them (build → components → one per
 * component, deploy → …, finalize), and total_steps counts these leaves. A failure's reason sits
 * on its leaf.
 */
export function leafSteps(steps: readonly DeploymentStep[] | undefined): DeploymentStep[] {
  return (steps ?? []).flatMap((step) => (step.steps?.length ? leafSteps(childSteps(step)) : [step]));
}

/**
 * A step's own steps. The spec types them as bare objects (its schema does not refer to itself),
 * yet they are steps like their parent, as its example shows.
 */
export const childSteps = (step: DeploymentStep): DeploymentStep[] => step.steps ?? [];
export const withChildSteps = (children: DeploymentStep[]): Pick<DeploymentStep, 'steps'> => ({
  steps: children as unknown as DeploymentStep['steps'],
});

export type App = Omit<
  Schemas['app'],
  'spec' | 'active_deployment' | 'in_progress_deployment' | 'pending_deployment' | 'pinned_deployment'
> & {
  spec: AppSpec;
  active_deployment?: Deployment;
  in_progress_deployment?: Deployment;
  pending_deployment?: Deployment;
  pinned_deployment?: Deployment;
};
export type AppDomain = Schemas['apps_domain'];
export type AppRegion = Schemas['apps_region'];
export type AppHealth = Schemas['app_health'];
export type ComponentHealth = Schemas['app_component_health'];
export type InstanceSize = Schemas['apps_instance_size'];
export type ApiErrorBody = Schemas['error'];
export type PageLinks = Schemas['page_links'];
export type Meta = Schemas['meta_properties'];

export const TERMINAL_PHASES: readonly DeploymentPhase[] = ['ACTIVE', 'SUPERSEDED', 'ERROR', 'CANCELED'];
export const isTerminalPhase = (phase: DeploymentPhase | undefined): boolean =>
  phase !== undefined && TERMINAL_PHASES.includes(phase);
export type Project = Schemas['project'];
export type Balance = Schemas['balance'];
export type BillingHistoryEntry = Schemas['billing_history'];
export type Invoice = Schemas['invoice_preview'];
export type MetricsSeries = Schemas['metrics_result'];
export type Domain = Schemas['domain'];
export type DomainRecord = Schemas['domain_record'];
/** A managed database cluster (GET /v2/databases): what an app's `cluster_name` points at. */
export type DatabaseCluster = Schemas['database_cluster_read'];

// The specs domain of the contract: an app's spec as YAML, drafts kept safe on disk, validation
// by the API (propose), the diff and cost delta before apply, apply itself, and new tenants made
// from an existing tenant's spec.
import type { DeploymentProgress } from './deploys';

/** The live spec as `doctl apps spec get` prints it (and `.do/app.yaml` holds). */
export interface SpecDocument {
  appId: string;
  appName: string;
  yaml: string;
  /** Identifies the live spec; apply refuses when the app's spec has changed since. */
  specVersion: string;
  fetchedAt: string;
}

export interface SpecProblem {
  source: 'yaml' | 'schema' | 'api';
  severity: 'error' | 'warning';
  message: string;
  /** Dotted spec path ("services.0.instance_count") when known. */
  path?: string;
  /** 1-based position in the YAML the problem was found in. */
  line?: number;
  column?: number;
}

/** Where a draft came from. */
export type DraftOrigin = 'edit' | 'import';

export interface SpecDraft {
  appId: string;
  appName: string;
  yaml: string;
  /** The live spec the draft was started from (the "base" of the three-way view). */
  baseYaml: string;
  baseVersion: string;
  origin: DraftOrigin;
  createdAt: string;
  updatedAt: string;
  /** SECRET env values changed through the secret field (never written to disk), by "component/KEY" ("/KEY" app-level). */
  pendingSecrets: string[];
  /**
   * SECRET envs whose new value was kept only in memory by a Fleetdeck that has since quit: enter
   * them again (setDraftSecret) or discard the draft; apply refuses while any remain.
   */
  secretsToReenter?: string[];
}

export interface DraftSummary {
  appId: string;
  appName: string;
  origin: DraftOrigin;
  updatedAt: string;
  /** Lines that differ from the base. */
  changedLines: number;
}

export interface SpecValidation {
  valid: boolean;
  problems: SpecProblem[];
  /** The API's monthly price of the live spec and of the draft (POST /v2/apps/propose). */
  monthlyCostBefore?: number;
  monthlyCostAfter?: number;
}

export interface ApplyPreview extends SpecValidation {
  appId: string;
  liveYaml: string;
  liveVersion: string;
  /** True when the live spec changed since the draft was started: apply would be refused. */
  stale: boolean;
}

export interface TenantTemplateRequest {
  /** The tenant whose spec is copied. */
  templateAppId: string;
  /** New app name (lowercase letters, digits, dashes). */
  name: string;
  /** Text replaced everywhere in names, domains and env values: the template tenant's slug → the new one's. */
  replacements: Array<{ from: string; to: string }>;
}

/** An env of the copy whose value still belongs to the template tenant (e.g. its Supabase URL). */
export interface TemplateLeftover {
  /** Absent for an app-level env. */
  component?: string;
  key: string;
  value: string;
  message: string;
}

export interface TenantTemplatePreview {
  yaml: string;
  validation: SpecValidation;
  /** Envs the founder must override or knowingly keep before creating. */
  leftovers: TemplateLeftover[];
}

export interface SpecsMethods {
  getSpec: { request: { appId: string }; response: SpecDocument };
  /** The app's draft, or a new one started from the live spec. */
  openDraft: { request: { appId: string }; response: SpecDraft };
  /**
   * Writes the draft. SECRET values typed in clear in the YAML are moved to memory (the file keeps
   * the encrypted value, or ""): `pendingSecrets` then lists them, as on SpecDraft. Refused
   * ('stale') when the draft no longer exists (discarded or applied meanwhile): open it again.
   */
  saveDraft: {
    request: { appId: string; yaml: string };
    response: { savedAt: string; pendingSecrets?: string[]; secretsToReenter?: string[] };
  };
  discardDraft: { request: { appId: string }; response: null };
  /** Drafts with changes in the active context, newest first (an opened but untouched draft is not listed). */
  listDrafts: { request: void; response: DraftSummary[] };
  /** Replaces the app's draft with a spec read from a file (`.do/app.yaml`). */
  importDraft: { request: { appId: string; yaml: string }; response: SpecDraft };
  /**
   * Sets a SECRET env's new value for the draft; kept in memory until apply, never written to disk.
   * Works on the last saved text (save first). If the env is missing or not yet `type: SECRET`, the
   * draft's YAML gains it: show the returned `yaml`.
   */
  setDraftSecret: { request: { appId: string; component?: string; key: string; value: string }; response: SpecDraft };
  validateDraft: { request: { appId: string; yaml: string }; response: SpecValidation };
  previewApply: { request: { appId: string; yaml: string }; response: ApplyPreview };
  applyDraft: { request: { appId: string; yaml: string; baseVersion: string }; response: DeploymentProgress };
  /** After a stale refusal: the live spec the merge was made against (`liveVersion`, refused as stale if it moved again) becomes the base, `yaml` (the merge) the text. */
  rebaseDraft: { request: { appId: string; yaml: string; liveVersion: string }; response: SpecDraft };
  /** A schema hint source: instance sizes and regions from the live lists. */
  getSpecHints: {
    request: void;
    response: {
      instanceSizes: Array<{ slug: string; label: string; usdPerMonth: number }>;
      regions: Array<{ slug: string; label: string }>;
    };
  };
  previewTenantFromTemplate: { request: TenantTemplateRequest; response: TenantTemplatePreview };
  /** `templateAppId`: the new app joins the template's project. */
  createTenantApp: {
    request: { yaml: string; templateAppId?: string };
    response: { appId: string; appName: string; progress?: DeploymentProgress };
  };
}

export type SpecsStreams = Record<never, never>;

export const SPECS_METHOD_NAMES = [
  'getSpec',
  'openDraft',
  'saveDraft',
  'discardDraft',
  'listDrafts',
  'importDraft',
  'setDraftSecret',
  'validateDraft',
  'previewApply',
  'applyDraft',
  'rebaseDraft',
  'getSpecHints',
  'previewTenantFromTemplate',
  'createTenantApp',
] as const;
export const SPECS_STREAM_NAMES = [] as const;

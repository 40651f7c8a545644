// Everything the palette can offer, built from what the stores already hold: the fleet snapshot
// (apps, components), app details read earlier and the DNS view's data (domains), the views table,
// and each app's action gate, so an action that its button would refuse is shown refused, with
// the button's words. Pure: the component passes the stores' state in.
import type { AppDetailEntry } from '../../stores/appDetailStore';
import type { AppActionState } from '../../stores/actionsStore';
import type { Route } from '../../stores/navigationStore';
import type {
  ComponentKind,
  DeploymentSummary,
  DnsCheckReport,
  DnsDomain,
  FleetApp,
  FleetSnapshot,
} from '../../../src-preload/contract';
import { blockedReason, type GatedAction } from '../../actionFormat';
import { kindLabel } from '../../format';
import type { PaletteGroup, Rankable } from './rank';
import { PALETTE_VIEWS, viewRoute, type ViewEntry, type ViewRouteName } from './views';

/** What choosing an item does; the palette store carries it out through the other stores. */
export type PaletteCommand =
  | { kind: 'navigate'; route: Route }
  | { kind: 'component'; appId: string; component: string }
  | { kind: 'zone'; domain: string }
  | { kind: 'deploy' | 'restart' | 'rollback'; appId: string }
  | { kind: 'scale'; appId: string; component: string }
  | { kind: 'shortcuts' };

export interface PaletteItem extends Rankable {
  group: PaletteGroup;
  /** A second, quieter line: where the item belongs. */
  detail?: string;
  /** Set when the item cannot run now: why, in the words the button would use. */
  disabledReason?: string;
  command: PaletteCommand;
}

export interface PaletteSources {
  snapshot?: FleetSnapshot;
  details: Record<string, AppDetailEntry>;
  dnsReport?: DnsCheckReport;
  zones?: DnsDomain[];
  readOnlyReason?: string;
  actions: Record<string, AppActionState>;
}

/** Components that run instances: the ones that scale, restart and write run logs. */
const RUNS: ReadonlySet<ComponentKind> = new Set(['service', 'worker']);

/** The same verdict as the app page's useActionGate, for an app that is not on screen. */
function gateOf(app: FleetApp, state: AppActionState | undefined, readOnlyReason: string | undefined) {
  const progress = state?.progress;
  const reported = app.inProgressDeployment;
  const reportedRunning = !!reported && !(progress?.deploymentId === reported.id && progress.terminal);
  const gate = {
    inFlight: state?.inFlight,
    deploying: (!!progress && !progress.terminal) || reportedRunning,
    pinnedId: app.pinnedDeploymentId,
    readOnlyReason,
  };
  return (action: GatedAction) => blockedReason(action, gate);
}

/** The deployment "roll back" goes to: the newest one that was live before the current one. */
export function previousDeployment(deployments: readonly DeploymentSummary[]): DeploymentSummary | undefined {
  return [...deployments]
    .filter((d) => d.phase === 'SUPERSEDED')
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}

const hostOf = (url: string | undefined): string | undefined => {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
};

function viewItems(): PaletteItem[] {
  return (Object.entries(PALETTE_VIEWS) as [ViewRouteName, ViewEntry][]).map(([name, view]) => ({
    id: `view:${name}`,
    group: 'Views',
    label: view.label,
    keywords: ['view', 'go', ...view.keywords],
    command: { kind: 'navigate', route: viewRoute(name) },
  }));
}

function appItems(app: FleetApp, sources: PaletteSources): PaletteItem[] {
  const where = `${app.group} · ${app.regionLabel ?? app.region}`;
  const base = [app.name, app.group];
  const gate = gateOf(app, sources.actions[app.id], sources.readOnlyReason);
  const running = app.components.filter((c) => RUNS.has(c.kind));
  const detail = sources.details[app.id]?.detail;
  const rollbackTo = detail ? previousDeployment(detail.deployments) : undefined;

  const items: PaletteItem[] = [
    {
      id: `app:${app.id}`,
      group: 'Apps',
      label: app.name,
      detail: where,
      keywords: [app.group, 'open', 'tenant'],
      command: { kind: 'navigate', route: { name: 'app', appId: app.id } },
    },
    {
      id: `deploy:${app.id}`,
      group: 'Actions',
      label: `Deploy ${app.name}`,
      detail: where,
      keywords: base,
      verbs: ['deploy', 'ship', 'release', 'build'],
      disabledReason: gate('deploy'),
      command: { kind: 'deploy', appId: app.id },
    },
    {
      id: `restart:${app.id}`,
      group: 'Actions',
      label: `Restart ${app.name}`,
      detail: where,
      keywords: [...base, ...running.map((c) => c.name)],
      verbs: ['restart', 'reboot', 'bounce'],
      disabledReason:
        gate('restart') ?? (running.length === 0 ? 'This app has no services or workers to restart' : undefined),
      command: { kind: 'restart', appId: app.id },
    },
    {
      id: `rollback:${app.id}`,
      group: 'Actions',
      label: `Roll back ${app.name}`,
      detail: rollbackTo ? `to the deployment before the live one · ${where}` : where,
      keywords: base,
      verbs: ['rollback', 'roll', 'back', 'revert'],
      disabledReason: gate('rollback') ?? (detail && !rollbackTo ? 'No earlier deployment to roll back to' : undefined),
      command: { kind: 'rollback', appId: app.id },
    },
    {
      id: `tenant:${app.id}`,
      group: 'Actions',
      label: `Tenant page of ${app.name}`,
      detail: 'App Platform, Supabase project and GitHub sources',
      keywords: base,
      verbs: ['tenant', 'supabase', 'project', 'github'],
      command: { kind: 'navigate', route: { name: 'tenant', appId: app.id } },
    },
    {
      id: `spec:${app.id}`,
      group: 'Actions',
      label: `Edit spec of ${app.name}`,
      detail: where,
      keywords: base,
      verbs: ['spec', 'edit', 'yaml', 'config'],
      command: { kind: 'navigate', route: { name: 'spec', appId: app.id } },
    },
  ];
  if (running.length > 0) {
    items.push({
      id: `logs:${app.id}`,
      group: 'Actions',
      label: `Logs of ${app.name}`,
      detail: running.map((c) => c.name).join(', '),
      keywords: base,
      verbs: ['logs', 'tail'],
      command: {
        kind: 'navigate',
        route: logsRoute(
          app.id,
          running.map((c) => c.name),
        ),
      },
    });
  }
  for (const c of app.components) {
    const kind = kindLabel(c.kind);
    items.push({
      id: `component:${app.id}:${c.name}`,
      group: 'Components',
      label: c.name,
      detail: `${kind} · ${app.name}`,
      keywords: [app.name, app.group, kind],
      command: { kind: 'component', appId: app.id, component: c.name },
    });
    if (!RUNS.has(c.kind)) continue;
    items.push(
      {
        id: `scale:${app.id}:${c.name}`,
        group: 'Actions',
        label: `Scale ${app.name} ${c.name}`,
        detail: `${kind} · ${where}`,
        keywords: base,
        verbs: ['scale', 'resize', 'size', 'instances'],
        disabledReason: gate('scale'),
        command: { kind: 'scale', appId: app.id, component: c.name },
      },
      {
        id: `logs:${app.id}:${c.name}`,
        group: 'Actions',
        label: `Logs of ${app.name} ${c.name}`,
        detail: `${kind} · ${where}`,
        keywords: base,
        verbs: ['logs', 'tail'],
        command: { kind: 'navigate', route: logsRoute(app.id, [c.name]) },
      },
    );
  }
  return items;
}

const logsRoute = (appId: string, components: string[]): Route => ({
  name: 'logs',
  query: `sources=${components.map((c) => encodeURIComponent(`${appId}:${c}`)).join(',')}`,
});

/** Custom domains, from every place that knows them; each once, the first owner wins. */
function domainItems(sources: PaletteSources): PaletteItem[] {
  const apps = new Map(sources.snapshot?.apps.map((a) => [a.id, a]) ?? []);
  const seen = new Set<string>();
  const items: PaletteItem[] = [];
  const add = (hostname: string, appId: string) => {
    const app = apps.get(appId);
    const name = hostname.toLowerCase();
    if (!app || seen.has(name)) return;
    seen.add(name);
    items.push({
      id: `domain:${name}`,
      group: 'Domains',
      label: name,
      detail: app.name,
      keywords: [app.name, 'domain'],
      command: { kind: 'navigate', route: { name: 'app', appId } },
    });
  };
  for (const check of sources.dnsReport?.apps ?? []) for (const d of check.domains) add(d.hostname, check.appId);
  for (const [appId, entry] of Object.entries(sources.details))
    for (const d of entry.detail?.domains ?? []) add(d.name, appId);
  // A live URL on App Platform's own host is not a domain anyone types.
  for (const app of apps.values()) {
    const host = hostOf(app.liveUrl);
    if (host && !host.endsWith('.ondigitalocean.app')) add(host, app.id);
  }
  for (const zone of sources.zones ?? []) {
    const name = zone.name.toLowerCase();
    if (seen.has(`zone:${name}`)) continue;
    seen.add(`zone:${name}`);
    items.push({
      id: `zone:${name}`,
      group: 'Domains',
      label: name,
      detail: 'DNS zone',
      keywords: ['zone', 'dns', 'records'],
      command: { kind: 'zone', domain: zone.name },
    });
  }
  return items;
}

export function paletteItems(sources: PaletteSources): PaletteItem[] {
  const apps = sources.snapshot?.apps ?? [];
  return [
    ...apps.flatMap((app) => appItems(app, sources)),
    ...domainItems(sources),
    ...viewItems(),
    {
      id: 'shortcuts',
      group: 'Views',
      label: 'Keyboard shortcuts',
      keywords: ['keys', 'help', 'hotkeys'],
      command: { kind: 'shortcuts' },
    },
  ];
}

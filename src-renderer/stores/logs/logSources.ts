// The sources the Logs view can follow, read from the fleet snapshot: every service and worker
// of every app, grouped by product, with quick picks ("all of TaskifAI", "all workers", "TaskifAI
// workers") and a stable colour per source.
import type { ComponentKind, FleetSnapshot } from '../../../src-preload/contract';

export interface SourceOption {
  /** "appId:component", the selection key. */
  key: string;
  appId: string;
  appName: string;
  group: string;
  component: string;
  kind: ComponentKind;
  /** "app/component", as lines are tagged. */
  label: string;
}

export interface QuickPick {
  id: string;
  label: string;
  keys: string[];
}

/** Components that run and so write run logs (static sites only build). */
const RUNS: ReadonlySet<ComponentKind> = new Set(['service', 'worker']);

export const sourceKey = (appId: string, component: string): string => `${appId}:${component}`;

export function sourceOptions(snapshot: FleetSnapshot | undefined): SourceOption[] {
  if (!snapshot) return [];
  return snapshot.apps.flatMap((app) =>
    app.components
      .filter((c) => RUNS.has(c.kind))
      .map((c) => ({
        key: sourceKey(app.id, c.name),
        appId: app.id,
        appName: app.name,
        group: app.group,
        component: c.name,
        kind: c.kind,
        label: `${app.name}/${c.name}`,
      })),
  );
}

/** Options by group, then app, in the order the fleet lists them. */
export function groupOptions(
  options: SourceOption[],
): Array<{ group: string; apps: Array<{ appId: string; appName: string; options: SourceOption[] }> }> {
  const groups = new Map<string, Map<string, { appId: string; appName: string; options: SourceOption[] }>>();
  for (const o of options) {
    const apps = groups.get(o.group) ?? new Map<string, { appId: string; appName: string; options: SourceOption[] }>();
    groups.set(o.group, apps);
    const app = apps.get(o.appId) ?? { appId: o.appId, appName: o.appName, options: [] };
    apps.set(o.appId, app);
    app.options.push(o);
  }
  return [...groups].map(([group, apps]) => ({ group, apps: [...apps.values()] }));
}

export function quickPicks(options: SourceOption[]): QuickPick[] {
  const picks: QuickPick[] = [...new Set(options.map((o) => o.group))].map((group) => ({
    id: `group:${group}`,
    label: `All of ${group}`,
    keys: options.filter((o) => o.group === group).map((o) => o.key),
  }));
  const workers = options.filter((o) => o.kind === 'worker').map((o) => o.key);
  if (workers.length > 0) picks.push({ id: 'workers', label: 'All workers', keys: workers });
  return picks;
}

/**
 * "TaskifAI workers": one product's workers in one click. Only for products that also run
 * services, where it differs from "All of …".
 */
export function groupWorkerPicks(options: SourceOption[]): QuickPick[] {
  return [...new Set(options.map((o) => o.group))].flatMap((group) => {
    const all = options.filter((o) => o.group === group);
    const workers = all.filter((o) => o.kind === 'worker').map((o) => o.key);
    return workers.length > 0 && workers.length < all.length
      ? [{ id: `workers:${group}`, label: `${group} workers`, keys: workers }]
      : [];
  });
}

export const SOURCE_COLOURS = 10;

/** The same source gets the same colour in every session. */
export function colourOf(source: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193) >>> 0;
  return h % SOURCE_COLOURS;
}

// Offboarding a tenant, one confirmed step at a time: confirm a backup exists (the Management API
// cannot take one), pause its Supabase project, delete its app, remove its DNS records, mark it
// inactive in the registry. Each step says first what it will do; deletes need the app's name
// typed back; every step run goes to the Activity log. Once the app is deleted, the steps after it
// work from the app as it was (its domains, its project), kept in memory until the app quits.
import type { OffboardingPlan, OffboardingStep, OffboardingStepKind } from '../../../src-preload/contract';
import type { App } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import type { SupabaseClient } from '../../clients/supabase/client';
import { primarySupabaseReference } from '../tenants/supabaseRefs';
import type { OnboardingDomainDeps } from './index';
import { RunStore } from './runStore';
import { undoOf } from './supabaseSteps';

const DELETES = new Set<OffboardingStepKind>(['delete_app', 'remove_dns']);

interface Facts {
  app: App;
  ref?: string;
  supabase?: SupabaseClient;
  lastBackupAt?: string;
  status?: string;
  plan?: string;
  records: Array<{ zone: string; id: number; name: string; data: string }>;
  registry?: { ref: string; sql: string; value: string; label: string };
}

export class Offboarding {
  /** Backups confirmed by the founder this session, by app id. */
  private readonly confirmed = new Set<string>();
  /** Apps deleted here, as they were: the steps after "Delete app" still need its domains and project. */
  private readonly deleted = new Map<string, App>();

  constructor(private readonly deps: OnboardingDomainDeps) {}

  async plan(appId: string): Promise<OffboardingPlan> {
    return this.planOf(await this.facts(appId));
  }

  async run(appId: string, kind: OffboardingStepKind, typedName?: string): Promise<OffboardingPlan> {
    const facts = await this.facts(appId);
    const name = facts.app.spec.name;
    const step = this.planOf(facts).steps.find((s) => s.kind === kind)!;
    if (DELETES.has(kind) && typedName !== name)
      throw new ApiError({
        code: 'invalid_argument',
        message: `Type the app's name (${name}) to confirm: nothing was deleted.`,
      });
    if (step.blocked) throw new ApiError({ code: 'unprocessable', message: step.blocked });
    const entry = this.deps.audit.start({
      context: this.deps.context,
      action: 'offboard_step',
      appId,
      appName: name,
      target: step.title,
      parameters: { step: kind },
    });
    try {
      if (!step.done) await this.act(facts, kind);
      this.deps.audit.finish(entry, { result: 'succeeded', message: step.detail });
    } catch (error) {
      this.deps.audit.finish(entry, { result: 'failed', message: this.deps.toError('offboard', error).message });
      throw error;
    }
    return this.plan(appId);
  }

  private async act(facts: Facts, kind: OffboardingStepKind): Promise<void> {
    switch (kind) {
      case 'confirm_backup':
        this.confirmed.add(facts.app.id!);
        return;
      case 'pause_project':
        return facts.supabase!.pauseProject(facts.ref!);
      case 'delete_app':
        await this.deps.client.deleteApp(facts.app.id!);
        this.deleted.set(facts.app.id!, facts.app);
        return;
      case 'remove_dns':
        for (const record of facts.records) await this.deps.dns.deleteRecord(record.zone, record.id);
        return;
      case 'mark_inactive':
        await facts.supabase!.runQuery(facts.registry!.ref, facts.registry!.sql, [facts.registry!.value]);
        return;
    }
  }

  private planOf(facts: Facts): OffboardingPlan {
    const { app } = facts;
    const name = app.spec.name;
    const steps: OffboardingStep[] = [
      {
        kind: 'confirm_backup',
        title: 'Confirm a final backup exists',
        detail: facts.lastBackupAt
          ? `Newest completed backup: ${facts.lastBackupAt}.`
          : 'No completed backup is listed for this project.',
        needsTypedName: false,
        done: this.confirmed.has(app.id!),
        ...(!facts.ref ? { blocked: `${name} names no Supabase project.` } : {}),
        ...(facts.ref && !facts.lastBackupAt
          ? { blocked: 'No completed backup: take one from the Supabase dashboard (the API cannot), then check again.' }
          : {}),
      },
      {
        kind: 'pause_project',
        title: `Pause Supabase project ${facts.ref ?? ''}`.trim(),
        detail: `The project stops (${facts.status ?? 'status unknown'}); its data is kept and it can be restored.`,
        needsTypedName: false,
        done: facts.status === 'INACTIVE' || facts.status === 'PAUSING',
        ...(!facts.ref ? { blocked: `${name} names no Supabase project.` } : {}),
        ...(facts.ref && facts.plan && facts.plan !== 'free'
          ? {
              blocked: `Projects on the ${facts.plan} plan cannot be paused (only Free plan projects can): delete it in the dashboard if it must stop.`,
            }
          : {}),
      },
      {
        kind: 'delete_app',
        title: `Delete app ${name}`,
        detail: `Every component and deployment of ${name} is deleted; this cannot be undone.`,
        needsTypedName: true,
        done: this.deleted.has(app.id!),
      },
      {
        kind: 'remove_dns',
        title: 'Remove its DNS records',
        detail: facts.records.length
          ? facts.records.map((r) => `${r.name}.${r.zone} → ${r.data}`).join('; ')
          : 'No record of its own points at the app.',
        needsTypedName: true,
        done: facts.records.length === 0,
      },
      {
        kind: 'mark_inactive',
        title: 'Mark it inactive in the registry',
        detail: facts.registry ? facts.registry.label : 'No registry row is known for this tenant.',
        needsTypedName: false,
        done: false,
        ...(!facts.registry ? { blocked: 'No registry is known for this tenant.' } : {}),
      },
    ];
    return {
      appId: app.id!,
      appName: name,
      ...(facts.ref ? { supabaseRef: facts.ref } : {}),
      ...(facts.lastBackupAt ? { lastBackupAt: facts.lastBackupAt } : {}),
      steps,
    };
  }

  private async facts(appId: string): Promise<Facts> {
    const app = this.deleted.get(appId) ?? (await this.deps.client.getApp(appId));
    const ref = primarySupabaseReference(app.spec)?.ref;
    const supabase = ref ? await this.deps.supabase() : undefined;
    const facts: Facts = {
      app,
      records: await this.records(app),
      ...(ref ? { ref } : {}),
      ...(supabase ? { supabase } : {}),
    };
    if (ref && supabase) {
      const [project, backups] = await Promise.all([
        supabase.getProject(ref).catch(() => undefined),
        supabase.listBackups(ref).catch(() => undefined),
      ]);
      facts.status = project?.status;
      const newest = backups?.backups
        .filter((b) => b.status === 'COMPLETED')
        .map((b) => b.inserted_at)
        .sort()
        .at(-1);
      if (newest) facts.lastBackupAt = newest;
      const slug = project?.organization_slug;
      if (slug) facts.plan = (await supabase.getOrganization(slug).catch(() => undefined))?.plan;
      facts.registry = await this.registry(app, supabase);
    }
    return facts;
  }

  /** Records of the account's zones that name the app's domains and point at its ingress host. */
  private async records(app: App): Promise<Facts['records']> {
    const host = app.default_ingress ? new URL(app.default_ingress).hostname : undefined;
    if (!host) return [];
    const domains = (app.spec.domains ?? []).map((d) => d.domain.toLowerCase());
    const zones = (await this.deps.dns.listDomains()).map((d) => d.name);
    const found: Facts['records'] = [];
    for (const domain of domains) {
      const zone = zones.filter((z) => domain.endsWith(`.${z}`)).sort((a, b) => b.length - a.length)[0];
      if (!zone) continue;
      const name = domain.slice(0, -(zone.length + 1));
      for (const r of await this.deps.dns.listRecords(zone))
        if (r.name === name && r.type === 'CNAME' && r.data.replace(/\.$/, '') === host)
          found.push({ zone, id: r.id, name: r.name, data: r.data });
    }
    return found;
  }

  /** The registry an onboarding of this tenant wrote to, and the statement that marks it inactive. */
  private async registry(app: App, supabase: SupabaseClient): Promise<Facts['registry']> {
    void supabase;
    const runs = await new RunStore(this.deps.dataDir, this.deps.context).list();
    const run = runs.find((r) => r.appId === app.id && r.plan.request.registry);
    const registry = run?.plan.request.registry;
    const undo = registry ? undoOf(registry.sql) : undefined;
    if (!run || !registry || !undo) return undefined;
    const raw = registry.parameters[undo.parameter] ?? '';
    const value = raw
      .replace('{{name}}', run.name)
      .replace('{{hostname}}', run.hostname)
      .replace('{{subdomain}}', run.hostname.split('.')[0]!);
    const sql = `update ${undo.table} set is_active = false where ${undo.column} = $1`;
    return { ref: registry.ref, sql, value, label: `${sql} ($1 = ${value}) in ${registry.ref}` };
  }
}

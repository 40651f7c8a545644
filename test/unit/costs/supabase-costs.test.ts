// The founder sees what each tenant's Supabase project and its organization's plan cost: the
// plan and compute sizes read from the account, the dollars estimated from the documented prices.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { supabaseWorldOf } from '../../../src-main/sandbox/supabaseApi';
import { InstanceSizeCache } from '../../../src-main/services/apps/instanceSizeCache';
import { createCostsDomain } from '../../../src-main/services/costs';
import { groupFor } from '../../../src-main/services/costs/supabaseCosts';
import {
  computePrice,
  estimateOrganization,
  projectComputePrice,
} from '../../../src-main/services/costs/supabasePlans';
import type { AccountsOverview, SupabaseCosts } from '../../../src-preload/contract';
import { estimateLabel, fleetWithSupabase } from '../../../src-renderer/views/costs/supabaseModel';
import { sandboxWithClient } from '../../support/sandbox';
import { runningApp } from '../../support/runningApp';

const priced = (plan: Parameters<typeof computePrice>[1], sizes: string[]) =>
  sizes.map((size) => ({ computeEstimate: computePrice(size, plan).monthly, status: 'ACTIVE_HEALTHY' }));

describe('the documented Supabase prices add up', () => {
  it('three Micro projects on Pro cost $25 + $30 − $10 = $45, as the docs’ example says', () => {
    expect(estimateOrganization('pro', priced('pro', ['micro', 'micro', 'micro']))).toMatchObject({
      planFee: 25,
      computeCredits: 10,
      computeEstimate: 30,
      creditsApplied: 10,
      monthlyEstimate: 45,
      partial: false,
    });
  });

  it('Nano is free on the Free plan and billed at the Micro price on Pro', () => {
    expect(computePrice('nano', 'free').monthly).toBe(0);
    expect(computePrice('nano', 'pro')).toEqual({
      monthly: 10,
      note: 'Nano is billed at the Micro price on paid plans.',
    });
    expect(estimateOrganization('free', priced('free', ['nano', 'nano'])).monthlyEstimate).toBe(0);
    // One Nano on Pro is the Micro the credits cover: the plan fee alone.
    expect(estimateOrganization('pro', priced('pro', ['nano'])).monthlyEstimate).toBe(25);
  });

  it('a paused project bills no compute, so it is not priced at its size', () => {
    expect(projectComputePrice('small', 'pro', 'INACTIVE')).toMatchObject({ monthly: 0 });
    expect(projectComputePrice('small', 'pro', 'PAUSING').note).toMatch(/Paused/);
    expect(projectComputePrice('small', 'pro', 'ACTIVE_HEALTHY')).toEqual({ monthly: 15 });
  });

  it('credits pay only for compute: a Pro organization with one Small pays $30, one with no projects $25', () => {
    expect(estimateOrganization('pro', priced('pro', ['small']))).toMatchObject({
      creditsApplied: 10,
      monthlyEstimate: 30,
    });
    expect(estimateOrganization('pro', [])).toMatchObject({
      computeEstimate: 0,
      creditsApplied: 0,
      monthlyEstimate: 25,
    });
  });

  it('a size the docs give no price for has no number, and the total says it is a lower bound', () => {
    expect(computePrice('xlarge', 'pro')).toEqual({ note: 'Price not documented for xlarge compute: not included.' });
    const estimate = estimateOrganization('pro', priced('pro', ['xlarge', 'medium']));
    expect(estimate).toMatchObject({ computeEstimate: 60, monthlyEstimate: 75, partial: true });
    expect(estimate.notes.join(' ')).toMatch(
      /1 project without a documented compute price: the estimate is at least this much/,
    );
  });

  it('a Team organization shows its plan without a fee, and says why', () => {
    const estimate = estimateOrganization('team', priced('team', ['large']));
    expect(estimate.planFee).toBeUndefined();
    expect(estimate.monthlyEstimate).toBeUndefined();
    expect(estimate.computeEstimate).toBe(110);
    expect(estimate.notes).toEqual([
      'The docs give no price for the Team plan: see supabase.com/pricing or your invoice.',
    ]);
  });

  it('warns when a Free organization runs more than the two free projects', () => {
    expect(estimateOrganization('free', priced('free', ['nano', 'nano'])).notes).toEqual([]);
    expect(estimateOrganization('free', priced('free', ['nano', 'nano', 'nano'])).notes[0]).toMatch(
      /3 active projects/,
    );
  });
});

describe('the Costs view words each estimate', () => {
  it('≈ for a full estimate, ≥ for a lower bound, and says why there is no number', () => {
    expect(estimateLabel({ monthlyEstimate: 60, partial: false, plan: 'pro' })).toBe('≈ $60.00');
    expect(estimateLabel({ monthlyEstimate: 75, partial: true, plan: 'pro' })).toBe('≥ $75.00');
    expect(estimateLabel({ partial: false, plan: 'team' })).toBe('fee not documented');
    expect(estimateLabel({ partial: true })).toBe('no estimate');
  });

  it('adds the Supabase estimate to the fleet total only when Supabase was read', () => {
    const read = { connected: true, monthlyEstimate: 60 } as SupabaseCosts;
    expect(fleetWithSupabase({ min: 440, max: 746 }, read)).toEqual({ min: 500, max: 806 });
    expect(fleetWithSupabase({ min: 440, max: 746 }, { ...read, connected: false })).toBeUndefined();
    expect(fleetWithSupabase({ min: 440, max: 746 }, { ...read, problem: 'refused' })).toBeUndefined();
  });
});

describe('Supabase projects are matched to the fleet’s tenant groups by name', () => {
  const groups = ['TaskifAI', 'InsightPulse', 'Task Assistant AI', 'Multivio'];
  it.each([
    ['TaskifAI-BIBBI', 'TaskifAI'],
    ['taskifai_customer3', 'TaskifAI'],
    ['insightpulse-odoo', 'InsightPulse'],
    ['Task Assistant AI prod', 'Task Assistant AI'],
    ['taskassistantai-staging', 'Task Assistant AI'],
    ['presence360-control', undefined],
    ['task-runner', undefined],
  ])('%s → %s', (name, group) => {
    expect(groupFor(name, groups)).toBe(group);
  });
});

async function demoCosts() {
  const { sandbox, client } = await sandboxWithClient();
  const token = `sbp_${randomBytes(20).toString('hex')}`;
  sandbox.state.tokens.set(token, { scopes: 'read-only', api: 'supabase' });
  const costs = createCostsDomain(client, new InstanceSizeCache(client), {
    baseUrl: `${sandbox.url}/supabase`,
    token: async () => token,
  });
  return { sandbox, costs, token };
}

describe('the Supabase costs of the demo fleet, read from the sandbox over HTTP', () => {
  it('shows TaskifAI on Pro with a project per tenant and InsightPulse on Free, each with its estimate and source', async () => {
    const { sandbox, costs } = await demoCosts();
    const result = await costs.supabase.getSupabaseCosts();
    expect(result).toMatchObject({ connected: true, monthlyEstimate: 60, partial: false });
    expect(result.problem).toBeUndefined();
    expect(result.source.url).toBe('https://supabase.com/docs/guides/platform/billing-on-supabase');
    const [taskifai, insightpulse] = result.organizations;
    expect(taskifai).toMatchObject({
      name: 'TaskifAI',
      plan: 'pro',
      planFee: 25,
      computeCredits: 10,
      computeEstimate: 45,
    });
    expect(taskifai).toMatchObject({ creditsApplied: 10, monthlyEstimate: 60 });
    expect(taskifai!.projects.map((p) => [p.name, p.computeSize, p.computeEstimate, p.group])).toEqual([
      ['TaskifAI-BIBBI', 'small', 15, 'TaskifAI'],
      ['TaskifAI-Customer3', 'micro', 10, 'TaskifAI'],
      ['TaskifAI-Demo', 'nano', 10, 'TaskifAI'],
      ['TaskifAI-Registry', 'micro', 10, 'TaskifAI'],
    ]);
    expect(taskifai!.projects[2]!.computeNote).toBe('Nano is billed at the Micro price on paid plans.');
    expect(insightpulse).toMatchObject({ plan: 'free', planFee: 0, monthlyEstimate: 0 });
    expect(insightpulse!.projects).toMatchObject([
      { name: 'insightpulse-odoo', region: 'us-east-1', computeEstimate: 0, group: 'InsightPulse' },
    ]);
    // Projects are read from the organization endpoint the spec prefers, a page of 100 at a time.
    expect(sandbox.requests).toContain('GET /supabase/v1/organizations/taskifai/projects?offset=0&limit=100');
    expect(sandbox.requests).toContain('GET /supabase/v1/organizations/insightpulse');
  });

  it('follows a plan change and an undocumented size on the next read', async () => {
    const { sandbox, costs } = await demoCosts();
    const world = supabaseWorldOf(sandbox.state);
    world.organizations[0]!.plan = 'team';
    // Restored from its auto-pause, so its compute bills again, at a size the docs do not price.
    const odoo = world.projects.insightpulse![0]!;
    odoo.status = 'ACTIVE_HEALTHY';
    odoo.databases[0]!.status = 'ACTIVE_HEALTHY';
    odoo.databases[0]!.infra_compute_size = 'pico';
    const result = await costs.supabase.getSupabaseCosts();
    const [taskifai, insightpulse] = result.organizations;
    expect(taskifai).toMatchObject({ plan: 'team', computeEstimate: 45, partial: false });
    expect(taskifai!.planFee).toBeUndefined();
    expect(taskifai!.monthlyEstimate).toBeUndefined();
    expect(insightpulse).toMatchObject({ monthlyEstimate: 0, partial: true });
    expect(insightpulse!.projects[0]!.computeNote).toBe('Price not documented for pico compute: not included.');
    expect(result).toMatchObject({ monthlyEstimate: 0, partial: true });
  });

  it('a context without a Supabase account is not connected, and nothing is asked of Supabase', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const costs = createCostsDomain(client, new InstanceSizeCache(client), {
      baseUrl: `${sandbox.url}/supabase`,
      token: async () => undefined,
    });
    const result = await costs.supabase.getSupabaseCosts();
    expect(result).toMatchObject({ connected: false, organizations: [], monthlyEstimate: 0 });
    expect(sandbox.requests.filter((r) => r.includes('/supabase/'))).toEqual([]);
  });
});

const DO_TOKEN = `dop_v1_${'c3'.repeat(32)}`;
const SUPABASE_TOKEN = `sbp_${'d4'.repeat(20)}`;
const { start, value: call } = runningApp();

describe('Supabase costs in the running app, per account context', () => {
  it('the demo fleet reads the sandbox’s Supabase; a live context without a Supabase account is told to connect one', async () => {
    await start({
      logger: silentLogger,
      accountApis: 'sandbox',
      grantSandboxTokens: [{ token: DO_TOKEN, scopes: 'read-write' }],
    });
    const demo = await call<SupabaseCosts>('getSupabaseCosts');
    expect(demo).toMatchObject({ connected: true, monthlyEstimate: 60 });
    await call('addAccount', { provider: 'digitalocean', context: 'production', token: DO_TOKEN, memoryOnly: true });
    await call('switchContext', { context: 'production' });
    expect(await call<SupabaseCosts>('getSupabaseCosts')).toMatchObject({ connected: false, organizations: [] });
  });

  it('a Supabase token revoked while in use becomes a problem in words, never the token, and the account needs attention', async () => {
    const runtime = await start({
      logger: silentLogger,
      accountApis: 'sandbox',
      grantSandboxTokens: [
        { token: DO_TOKEN, scopes: 'read-write' },
        { token: SUPABASE_TOKEN, scopes: 'read-only', api: 'supabase' },
      ],
    });
    await call('addAccount', { provider: 'digitalocean', context: 'production', token: DO_TOKEN, memoryOnly: true });
    await call('addAccount', { provider: 'supabase', context: 'production', token: SUPABASE_TOKEN, memoryOnly: true });
    await call('switchContext', { context: 'production' });
    expect(await call<SupabaseCosts>('getSupabaseCosts')).toMatchObject({ connected: true, monthlyEstimate: 60 });

    runtime.sandbox.state.tokens.delete(SUPABASE_TOKEN);
    const refused = await call<SupabaseCosts>('getSupabaseCosts');
    expect(refused).toMatchObject({ connected: true, organizations: [] });
    expect(refused.problem).toBe(
      'Supabase refused the token (401): it may be revoked or expired. Replace it in Settings → Accounts.',
    );
    expect(JSON.stringify(refused)).not.toContain(SUPABASE_TOKEN);
    await new Promise((r) => setTimeout(r, 20));
    const overview = await call<AccountsOverview>('listAccounts');
    expect(overview.accounts.find((a) => a.provider === 'supabase')).toMatchObject({ status: 'needs_attention' });
  });
});

// @vitest-environment jsdom
// The founder reads the fleet's cost by product group (TaskifAI, Presence360…) and flips the main
// chart to one bar per tenant to see which customer costs what; the choice is still there after a
// restart, and the section says when it is loading, empty or failed.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCost, FleetCosts } from '../../../src-preload/contract';
import { useCostsStore } from '../../../src-renderer/stores/costsStore';
import { FleetCostsSection } from '../../../src-renderer/views/costs/FleetCostsSection';

const zero = { min: 0, max: 0 };
const split = (api: number, database = 0) => ({
  frontend: zero,
  api: { min: api, max: api },
  worker: zero,
  database: { min: database, max: database },
  other: zero,
});

const tenant = (name: string, group: string, api: number, database = 0): AppCost => ({
  appId: `id-${name}`,
  name,
  group,
  components: [],
  monthlyCost: { min: api + database, max: api + database },
  byCategory: split(api, database),
  estimated: database > 0,
});

const apps = [
  tenant('presence360-tenant', 'Presence360', 62, 30),
  tenant('presence360-control-plane', 'Presence360', 17, 30),
  tenant('taskifai-demo', 'TaskifAI', 17),
];
const costs: FleetCosts = {
  fetchedAt: '2026-11-20T12:00:00Z',
  apps,
  groups: [
    {
      group: 'Presence360',
      appIds: [apps[0]!.appId, apps[1]!.appId],
      monthlyCost: { min: 139, max: 139 },
      byCategory: split(79, 60),
      estimated: true,
    },
    {
      group: 'TaskifAI',
      appIds: [apps[2]!.appId],
      monthlyCost: { min: 17, max: 17 },
      byCategory: split(17),
      estimated: false,
    },
  ],
  monthlyCost: { min: 156, max: 156 },
  proposeFailures: 0,
  databases: [
    {
      name: 'presence360-pg',
      engine: 'pg',
      size: 'db-s-2vcpu-4gb',
      nodes: 1,
      monthlyPrice: 60,
      note: 'estimate',
      appIds: [apps[0]!.appId, apps[1]!.appId],
    },
  ],
  estimated: true,
  priceSources: [
    { label: 'DigitalOcean: Managed Databases pricing', url: 'https://www.digitalocean.com/pricing/managed-databases' },
  ],
};

const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

beforeEach(() => {
  localStorage.clear();
  useCostsStore.setState({ fleet: { value: costs, loading: false }, chartBy: 'group' });
});
afterEach(cleanup);

describe('switching the main cost chart between product groups and tenants', () => {
  it('starts by product group, and By tenant turns it into one bar per app, remembered on this machine', () => {
    render(<FleetCostsSection />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/^Monthly cost by product group/);
    expect(pressed('By product group')).toBe('true');
    expect(screen.getByTestId('fleet-costs-chart').dataset.by).toBe('group');

    fireEvent.click(screen.getByRole('button', { name: 'By tenant' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/^Monthly cost by tenant/);
    expect(pressed('By tenant')).toBe('true');
    expect(pressed('By product group')).toBe('false');
    expect(screen.getByTestId('fleet-costs-chart').dataset.by).toBe('tenant');
    expect(screen.getByTestId('fleet-costs-readout').textContent).toMatch(/click it to open the app\.$/);
    expect(useCostsStore.getState().chartBy).toBe('tenant');
    expect(localStorage.getItem('fleetdeck.costs.chartBy')).toBe('tenant');

    // Back to groups: the default needs nothing remembered.
    fireEvent.click(screen.getByRole('button', { name: 'By product group' }));
    expect(localStorage.getItem('fleetdeck.costs.chartBy')).toBeNull();
  });

  it('says the managed database is in the totals, at its published price and split across the apps that use it', () => {
    render(<FleetCostsSection />);
    const note = screen.getByTestId('cost-databases');
    expect(note.textContent).toContain('presence360-pg $60.00/mo, split across 2 apps');
    expect(note.querySelector('a')?.getAttribute('href')).toBe(
      'https://www.digitalocean.com/pricing/managed-databases',
    );
    expect(screen.getByTestId('chart-estimate-note').textContent).toMatch(/^\* includes a managed database’s share/);
  });

  it('warns when the clusters could not be read, so a total without them is not taken as complete', () => {
    useCostsStore.setState({
      fleet: {
        value: {
          ...costs,
          databases: [],
          databasesProblem: 'The token may not read database clusters (database:read).',
        },
        loading: false,
      },
    });
    render(<FleetCostsSection />);
    expect(screen.getByTestId('databases-problem').textContent).toMatch(/database:read/);
  });

  it('shows loading, then an empty fleet or the error with Retry, in either grouping', () => {
    useCostsStore.setState({ fleet: { loading: true }, chartBy: 'tenant' });
    const { rerender } = render(<FleetCostsSection />);
    expect(screen.getByText('Loading fleet costs…')).toBeTruthy();
    expect(pressed('By tenant')).toBe('true');

    useCostsStore.setState({ fleet: { value: { ...costs, apps: [], groups: [] }, loading: false } });
    rerender(<FleetCostsSection />);
    expect(screen.getByText('No fleet costs yet')).toBeTruthy();

    useCostsStore.setState({ fleet: { loading: false, error: { code: 'network', message: 'offline' } } });
    rerender(<FleetCostsSection />);
    expect(screen.getByText('Couldn’t load fleet costs')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Retry/ })).toBeTruthy();
  });
});

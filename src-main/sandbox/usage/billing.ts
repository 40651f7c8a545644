// The sandbox account's bill: a balance for this month and twelve months of invoices, derived
// from what the fleet in the sandbox costs today so the Costs view's numbers hang together.
import type { Balance, BillingHistoryEntry, Invoice } from '../../clients/digitalocean/types';
import { clusterMonthlyPrice } from '../../services/costs/databasePricing';
import { specMonthlyCost } from '../specValidation';
import { seededRandom, seededUuid, type SandboxState } from '../state';
import { clustersOf } from './databases';
import { dropletSizeOf } from '../infra/sizes';
import { loadBalancerMonthlyPrice, volumeMonthlyPrice } from '../../services/costs/infrastructurePricing';

const MONTHS = 12;

/**
 * What the account costs per month right now: each app as propose would price it, plus the
 * managed database clusters, which bill on their own at their published price, the droplets,
 * the volumes (attached or not) and the load balancers.
 */
export function fleetRunRate(state: SandboxState): number {
  let total = 0;
  for (const record of state.apps.values()) total += specMonthlyCost(record.app.spec);
  for (const cluster of clustersOf(state)) total += clusterMonthlyPrice(cluster) ?? 0;
  // Droplets at their size's price, volumes and load balancers at the published one (infra/model.ts).
  for (const droplet of state.infra?.droplets.values() ?? [])
    total += dropletSizeOf(droplet.sizeSlug)?.price_monthly ?? 0;
  for (const volume of state.infra?.volumes.values() ?? []) total += volumeMonthlyPrice(volume.sizeGib);
  for (const lb of state.infra?.loadBalancers.values() ?? []) total += loadBalancerMonthlyPrice(lb) ?? 0;
  return cents(total);
}

export function monthStart(nowMs: number): Date {
  const now = new Date(nowMs);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export function monthFractionElapsed(nowMs: number): number {
  const start = monthStart(nowMs);
  const end = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
  return Math.min(1, Math.max(0, (nowMs - start.getTime()) / (end - start.getTime())));
}

const period = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
const cents = (usd: number) => Math.round(usd * 100) / 100;

/**
 * The last twelve closed months, newest first as the API lists them. The demo apps were created
 * recently, so the history models a fleet that grew to today's size over the year (tenants added
 * month by month) with a few percent of bandwidth and build-minute noise on top.
 */
export function invoicesOf(state: SandboxState): Invoice[] {
  const runRate = fleetRunRate(state);
  const start = monthStart(state.clock.now());
  const random = seededRandom(0xb111);
  const invoices: Invoice[] = [];
  for (let k = 1; k <= MONTHS; k++) {
    const month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - k, 1));
    const growth = 1 - 0.45 * ((k - 1) / (MONTHS - 1));
    const noise = 1 + (random() - 0.5) * 0.06;
    invoices.push({
      invoice_uuid: seededUuid(random),
      invoice_id: String(7_300_000 + (MONTHS - k) * 137),
      amount: cents(runRate * growth * noise).toFixed(2),
      invoice_period: period(month),
    });
  }
  return invoices;
}

export function invoicePreviewOf(state: SandboxState): Invoice {
  const now = state.clock.now();
  return {
    invoice_uuid: seededUuid(seededRandom(0xcafe)),
    invoice_id: String(7_300_000 + MONTHS * 137),
    amount: monthToDateUsage(state).toFixed(2),
    invoice_period: period(monthStart(now)),
    updated_at: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

export function monthToDateUsage(state: SandboxState): number {
  return cents(fleetRunRate(state) * monthFractionElapsed(state.clock.now()));
}

/** Every invoice was paid by card the day after it was issued, so the account balance is zero. */
export function balanceOf(state: SandboxState): Balance {
  const usage = monthToDateUsage(state);
  return {
    month_to_date_balance: usage.toFixed(2),
    account_balance: '0.00',
    month_to_date_usage: usage.toFixed(2),
    generated_at: new Date(state.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

export function billingHistoryOf(state: SandboxState): BillingHistoryEntry[] {
  const entries: BillingHistoryEntry[] = [];
  for (const invoice of invoicesOf(state)) {
    const [year, month] = (invoice.invoice_period ?? '2000-01').split('-').map(Number);
    const issued = new Date(Date.UTC(year ?? 2000, month ?? 1, 1, 8, 44, 38));
    const label = new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, 1)).toLocaleString('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const paid = new Date(issued.getTime() + 86_400_000);
    entries.push(
      {
        description: `Payment (Visa 4242)`,
        amount: `-${invoice.amount ?? '0.00'}`,
        date: paid.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        type: 'Payment',
      },
      {
        description: `Invoice for ${label}`,
        amount: invoice.amount ?? '0.00',
        invoice_id: invoice.invoice_id,
        invoice_uuid: invoice.invoice_uuid,
        date: issued.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        type: 'Invoice',
      },
    );
  }
  return entries;
}

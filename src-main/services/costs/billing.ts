// The account's side of costs: month-to-date usage and balance, the last twelve invoices, the
// billing history, and where this month is heading.
import type { AccountBilling, BillingEntry, InvoiceSummary } from '../../../src-preload/contract';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import type { BillingHistoryEntry, Invoice } from '../../clients/digitalocean/types';

/** Billing amounts are decimal strings on the wire; a missing or garbled one counts as zero. */
export const money = (text: string | undefined): number => {
  const n = text === undefined ? NaN : Number.parseFloat(text);
  return Number.isFinite(n) ? n : 0;
};

const cents = (usd: number) => Math.round(usd * 100) / 100;
const projection = ({ amount, basis }: { amount: number; basis: string }) => ({
  projectedMonthEnd: amount,
  projectionBasis: basis,
});

export function periodOf(nowMs: number): string {
  const d = new Date(nowMs);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Month-end estimate. month_to_date_usage covers the whole account (droplets, managed databases,
 * Spaces… as well as App Platform), while the run rate covers the apps and the managed database
 * clusters Fleetdeck knows of, so each part is projected on its own: those at today's run rate,
 * and whatever else was used so far extrapolated linearly. Without a run rate all usage is extrapolated — worse on a fleet that just
 * grew, which is why the run rate is preferred. `basis` says which, in words for the screen.
 */
export function projectMonthEnd(input: { monthToDateUsage: number; nowMs: number; monthlyRunRate?: number }): {
  amount: number;
  basis: string;
} {
  const now = new Date(input.nowMs);
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const elapsed = Math.min(1, Math.max(0, (input.nowMs - start) / (end - start)));
  const extrapolate = (soFar: number) => (elapsed === 0 ? 0 : (soFar * (1 - elapsed)) / elapsed);
  if (input.monthlyRunRate === undefined) {
    return {
      amount: cents(input.monthToDateUsage + extrapolate(input.monthToDateUsage)),
      basis: 'All usage so far extrapolated to the end of the month (the apps’ run rate is unknown).',
    };
  }
  const appsSoFar = input.monthlyRunRate * elapsed;
  const otherSoFar = Math.max(0, input.monthToDateUsage - appsSoFar);
  return {
    amount: cents(input.monthToDateUsage + input.monthlyRunRate * (1 - elapsed) + extrapolate(otherSoFar)),
    basis:
      otherSoFar > 0.005
        ? 'The apps and their databases at today’s run rate, plus the account’s other products extrapolated from this month so far.'
        : 'The apps and their databases at today’s run rate; nothing else on the account has cost anything this month.',
  };
}

/** The most recent `count` invoices, oldest first (a chart reads left to right). */
export function lastInvoices(invoices: readonly Invoice[], count = 12): InvoiceSummary[] {
  return invoices
    .filter((i) => i.invoice_period)
    .map((i) => ({ invoiceUuid: i.invoice_uuid ?? '', period: i.invoice_period!, amount: money(i.amount) }))
    .sort((a, b) => a.period.localeCompare(b.period))
    .slice(-count);
}

export function historyEntries(entries: readonly BillingHistoryEntry[]): BillingEntry[] {
  return entries
    .map((e) => ({
      date: e.date ?? '',
      type: e.type ?? 'Adjustment',
      description: e.description ?? '',
      amount: money(e.amount),
    }))
    .sort((a, b) => b.date.localeCompare(a.date));
}

type BillingClient = Pick<DigitalOceanClient, 'getBalance' | 'listInvoices' | 'listBillingHistory'>;

export class BillingService {
  constructor(
    private readonly client: BillingClient,
    /** The fleet's current monthly cost (minimum), for the projection. */
    private readonly runRate: () => Promise<number | undefined>,
    private readonly now: () => number = Date.now,
  ) {}

  async getAccountBilling(): Promise<AccountBilling> {
    const [balance, invoices, history, runRate] = await Promise.all([
      this.client.getBalance(),
      this.client.listInvoices(),
      this.client.listBillingHistory(),
      this.runRate().catch(() => undefined),
    ]);
    // Usage is as of generated_at, so the projection runs from then, not from our clock.
    const generated = Date.parse(balance.generated_at ?? '');
    const nowMs = Number.isFinite(generated) ? generated : this.now();
    const usage = money(balance.month_to_date_usage);
    return {
      generatedAt: balance.generated_at ?? new Date(nowMs).toISOString(),
      monthToDateUsage: usage,
      monthToDateBalance: money(balance.month_to_date_balance),
      accountBalance: money(balance.account_balance),
      ...projection(
        projectMonthEnd({
          monthToDateUsage: usage,
          nowMs,
          ...(runRate !== undefined ? { monthlyRunRate: runRate } : {}),
        }),
      ),
      currentPeriod: periodOf(nowMs),
      invoices: lastInvoices(invoices),
      history: historyEntries(history),
    };
  }
}

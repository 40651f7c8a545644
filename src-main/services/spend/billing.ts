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

export function periodOf(nowMs: number): string {
  const d = new Date(nowMs);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Month-end estimate: what has been used so far, plus the fleet's monthly run rate for the part
 * of the month still to come. Without a run rate the usage so far is extrapolated linearly —
 * worse on a fleet that just grew, which is why the run rate is preferred.
 */
export function projectMonthEnd(input: { monthToDateUsage: number; nowMs: number; monthlyRunRate?: number }): number {
  const now = new Date(input.nowMs);
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const elapsed = Math.min(1, Math.max(0, (input.nowMs - start) / (end - start)));
  if (input.monthlyRunRate !== undefined) return cents(input.monthToDateUsage + input.monthlyRunRate * (1 - elapsed));
  if (elapsed === 0) return cents(input.monthToDateUsage);
  return cents(input.monthToDateUsage / elapsed);
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
      projectedMonthEnd: projectMonthEnd({
        monthToDateUsage: usage,
        nowMs,
        ...(runRate !== undefined ? { monthlyRunRate: runRate } : {}),
      }),
      currentPeriod: periodOf(nowMs),
      invoices: lastInvoices(invoices),
      history: historyEntries(history),
    };
  }
}

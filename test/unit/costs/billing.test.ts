import { describe, expect, it } from 'vitest';
import { historyEntries, lastInvoices, money, projectMonthEnd } from '../../../src-main/services/costs/billing';

const NOV_16 = Date.parse('2026-11-16T00:00:00Z'); // exactly half of a 30-day month gone

describe('where this month is heading', () => {
  it('adds the fleet run rate for the rest of the month to what was used so far', () => {
    expect(projectMonthEnd({ monthToDateUsage: 200, nowMs: NOV_16, monthlyRunRate: 440 })).toEqual({
      amount: 420,
      basis: expect.stringMatching(/nothing else on the account/),
    });
  });

  it('projects the account’s other products on their own: usage is account-wide, the run rate only the apps', () => {
    // Half the month gone: the apps account for 220 of the 300 used; the other 80 (a managed
    // database, say) goes on at the same pace.
    expect(projectMonthEnd({ monthToDateUsage: 300, nowMs: NOV_16, monthlyRunRate: 440 })).toEqual({
      amount: 600,
      basis: expect.stringMatching(/other products extrapolated/),
    });
  });

  it('extrapolates usage so far when the run rate is unknown', () => {
    expect(projectMonthEnd({ monthToDateUsage: 200, nowMs: NOV_16 })).toEqual({
      amount: 400,
      basis: expect.stringMatching(/run rate is unknown/),
    });
  });

  it('does not divide by zero on the first instant of a month', () => {
    expect(projectMonthEnd({ monthToDateUsage: 0, nowMs: Date.parse('2026-12-01T00:00:00Z') }).amount).toBe(0);
  });
});

describe('the invoices a founder looks back on', () => {
  it('keeps the last twelve, oldest first, with amounts read from the API strings', () => {
    // Fourteen months, January 2025 to February 2026, listed newest first as the API does.
    const invoices = Array.from({ length: 14 }, (_, i) => ({
      invoice_uuid: `u${i}`,
      invoice_period: new Date(Date.UTC(2025, i, 1)).toISOString().slice(0, 7),
      amount: `${100 + i}.50`,
    })).reverse();
    const last = lastInvoices(invoices);
    expect(last).toHaveLength(12);
    expect(last[0]?.period).toBe('2025-03');
    expect(last[11]).toEqual({ invoiceUuid: 'u13', period: '2026-02', amount: 113.5 });
  });

  it('reads billing history newest first and treats garbled amounts as zero', () => {
    expect(money('12.34')).toBe(12.34);
    expect(money('n/a')).toBe(0);
    const history = historyEntries([
      { date: '2026-10-01T00:00:00Z', type: 'Invoice', description: 'Invoice for September', amount: '40.00' },
      { date: '2026-10-02T00:00:00Z', type: 'Payment', description: 'Payment', amount: '-40.00' },
    ]);
    expect(history.map((h) => h.type)).toEqual(['Payment', 'Invoice']);
    expect(history[0]?.amount).toBe(-40);
  });
});

// Helpers for the e2e stories: the URL and data folder of this worker's harness, prices from the sandbox's size list,
// and screenshots saved as test artifacts.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import sizes from '../../resources/openapi/examples/instance_sizes.json';

/** DigitalOcean-shaped tokens the harness's sandbox accepts, for the accounts and leak stories. */
export const SENTINEL_DO_TOKEN = `dop_v1_${'5e471e1'.repeat(10).slice(0, 64)}`;
export const READONLY_DO_TOKEN = `dop_v1_${'0ead0417'.repeat(8)}`;

/** The harness this worker's stories run against (see fixtures.ts, which starts it). */
let workerHarness: { url: string; dataDir: string } | undefined;

export function useWorkerHarness(harness: { url: string; dataDir: string }): void {
  workerHarness = harness;
}

function currentHarness(): { url: string; dataDir: string } {
  if (!workerHarness) throw new Error('No harness in this worker: a spec imports test and expect from ./fixtures.');
  return workerHarness;
}

/** This worker's harness URL (it carries the run's token), with `hash` as the route. */
export function harnessUrl(hash = ''): string {
  return currentHarness().url + hash;
}

/** The data folder of this worker's harness: activity log, accounts, drafts, caches, its log. */
export function harnessDataDir(): string {
  return currentHarness().dataDir;
}

export function priceOf(slug: string): number {
  const size = sizes.instance_sizes.find((s) => s.slug === slug);
  if (!size) throw new Error(`no size ${slug} in the sandbox's list`);
  return Number(size.usd_per_month);
}

export const usd = (n: number) =>
  n.toLocaleString('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}

/** Which token made a request, as the sandbox controls report it (see the sandbox's tokenFingerprint). */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

/** The DigitalOcean requests the harness's sandbox answered, newest last, each with its token's fingerprint. */
export async function sandboxRequests(): Promise<{ request: string; token: string }[]> {
  const harness = new URL(harnessUrl());
  const url = `${harness.origin}/sandbox-controls/requests?token=${harness.searchParams.get('token')}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`sandbox control requests: ${response.status}`);
  return ((await response.json()) as { requests: { request: string; token: string }[] }).requests;
}

// Helpers for the e2e stories: the harness URL of this run, prices from the sandbox's size list,
// and screenshots saved as test artifacts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import sizes from '../../resources/openapi/examples/instance_sizes.json';

/**
 * The port of this run's harness; each run has its own URL file and data folder. Without
 * FLEETDECK_E2E_PORT it is derived from the checkout's folder, so two checkouts (a worktree, a CI
 * clone) running e2e at once don't fight over one port.
 */
export const E2E_PORT = Number(process.env.FLEETDECK_E2E_PORT ?? portForFolder(process.cwd()));

function portForFolder(folder: string): number {
  let hash = 0;
  for (const ch of folder) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return 5191 + (hash % 700);
}
export const HARNESS_DATA_DIR = `test-results/harness-data-${E2E_PORT}`;

/** DigitalOcean-shaped tokens the harness's sandbox accepts, for the accounts and leak stories. */
export const SENTINEL_DO_TOKEN = `dop_v1_${'5e471e1'.repeat(10).slice(0, 64)}`;
export const READONLY_DO_TOKEN = `dop_v1_${'0ead0417'.repeat(8)}`;

export function harnessUrl(hash = ''): string {
  const url = readFileSync(`test-results/harness-url-${E2E_PORT}.txt`, 'utf8').trim();
  return url + hash;
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

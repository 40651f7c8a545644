// Helpers for the e2e stories: the harness URL of this run, prices from the sandbox's size list,
// and screenshots saved as test artifacts.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import sizes from '../../resources/openapi/examples/instance_sizes.json';

export function harnessUrl(hash = ''): string {
  const url = readFileSync('test-results/harness-url.txt', 'utf8').trim();
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

// Older tenants still run on the legacy plans' slugs, which the size list no longer carries. Each
// is priced as the current size with the same CPU type, vCPU and memory, so no app shows "unknown".
import { describe, expect, it } from 'vitest';
import sizes from '../../../resources/openapi/examples/instance_sizes.json';
import { InstanceSizeCatalog, LEGACY_SIZE_ALIASES } from '../../../src-main/services/apps/instanceSizes';
import type { InstanceSize } from '../../../src-main/clients/digitalocean/types';

const DEPRECATED_IN_SPEC = [
  'basic-xxs',
  'basic-xs',
  'basic-s',
  'basic-m',
  'professional-xs',
  'professional-s',
  'professional-m',
  'professional-1l',
  'professional-l',
  'professional-xl',
];

describe('legacy instance sizes', () => {
  const catalog = new InstanceSizeCatalog(sizes.instance_sizes as InstanceSize[]);

  it("prices every deprecated slug in the spec's enum", () => {
    for (const slug of DEPRECATED_IN_SPEC) expect(catalog.monthlyPrice(slug), slug).toBeGreaterThan(0);
    expect(Object.keys(LEGACY_SIZE_ALIASES).sort()).toEqual([...DEPRECATED_IN_SPEC].sort());
  });

  it('maps the dedicated legacy sizes to dedicated sizes of the same vCPU and memory', () => {
    for (const [slug, cpus, gib] of [
      ['professional-1l', '1', 4],
      ['professional-l', '2', 8],
      ['professional-xl', '4', 16],
    ] as const) {
      const size = catalog.resolve(slug);
      expect(size, slug).toMatchObject({ cpu_type: 'DEDICATED', cpus, memory_bytes: String(gib * 1024 ** 3) });
    }
  });
});

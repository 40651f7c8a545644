// The sandbox cloud's spec update keeps the app's domains in step with spec.domains, as App
// Platform does: a new hostname starts PENDING with its TXT validation, a removed one goes, and
// the others keep their phase and certificate.
import { describe, expect, it } from 'vitest';
import { sandboxWithClient } from '../../support/sandbox';

describe('the founder changes the domains in a spec', () => {
  it('a new domain waits for DNS, a removed one is gone, the kept one keeps its certificate', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const record = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === 'taskifai-central')!;
    const before = await client.getApp(record.app.id!);
    const kept = before.domains!.find((d) => d.spec?.domain === 'app.taskifai.com')!;
    expect(kept.phase).toBe('ACTIVE');
    expect(before.domains!.map((d) => d.spec?.domain)).toContain('taskifai.com');

    const spec = structuredClone(before.spec);
    spec.domains = [
      { ...spec.domains!.find((d) => d.domain === 'app.taskifai.com')!, type: 'PRIMARY' },
      { domain: 'eu.taskifai.com', type: 'ALIAS' },
    ];
    await client.updateApp(record.app.id!, spec);
    const after = await client.getApp(record.app.id!);

    expect(after.domains!.map((d) => d.spec?.domain)).toEqual(['app.taskifai.com', 'eu.taskifai.com']);
    expect(after.domains![0]).toEqual(kept);
    expect(after.domains![1]).toMatchObject({
      id: expect.any(String),
      spec: { domain: 'eu.taskifai.com', type: 'ALIAS' },
      phase: 'PENDING',
      validations: [
        { txt_name: '_acme-challenge.eu.taskifai.com', txt_value: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) },
      ],
    });
    expect(after.domains![1]!.id).not.toBe(kept.id);
  });

  it('a kept domain whose settings change carries the new settings, and its phase', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const record = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === 'taskifai-central')!;
    const before = await client.getApp(record.app.id!);
    const spec = structuredClone(before.spec);
    spec.domains = spec.domains!.map((d) =>
      d.domain === 'app.taskifai.com' ? { ...d, minimum_tls_version: '1.3' } : d,
    );
    await client.updateApp(record.app.id!, spec);
    const after = await client.getApp(record.app.id!);
    const kept = after.domains!.find((d) => d.spec?.domain === 'app.taskifai.com')!;
    expect(kept.spec?.minimum_tls_version).toBe('1.3');
    expect(kept.phase).toBe(before.domains!.find((d) => d.spec?.domain === 'app.taskifai.com')!.phase);
    expect(after.domains).toHaveLength(before.domains!.length);
  });
});

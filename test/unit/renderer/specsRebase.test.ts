// Rebasing a stale draft is offered only when it is plainly safe: the user's change and the live
// change touch different parts of the spec, and the result is still YAML.
import { describe, expect, it } from 'vitest';
import { rebaseDraft } from '../../../src-renderer/specSchema/rebase';

const base = [
  'name: shop',
  'region: fra',
  'services:',
  '- name: api',
  '  http_port: 8080',
  '  instance_count: 2',
  '  instance_size_slug: apps-s-1vcpu-1gb',
  '  run_command: npm start',
  '  source_dir: api',
  'workers:',
  '- name: jobs',
  '  instance_count: 1',
  '  instance_size_slug: apps-s-1vcpu-0.5gb',
  '  run_command: npm run worker',
  '',
].join('\n');

describe('rebasing a draft on the live spec', () => {
  it('puts both changes together when they are apart', () => {
    const draft = base.replace('  instance_count: 2', '  instance_count: 3');
    const live = base.replace('  run_command: npm run worker', '  run_command: npm run worker -- --fast');
    const merged = rebaseDraft(base, draft, live);
    expect(merged).toEqual({ ok: true, yaml: live.replace('  instance_count: 2', '  instance_count: 3') });
  });

  it('refuses when both touch the same lines, and says why', () => {
    const draft = base.replace('  instance_count: 2', '  instance_count: 3');
    const live = base.replace('  instance_count: 2', '  instance_count: 4');
    expect(rebaseDraft(base, draft, live)).toEqual({
      ok: false,
      reason: 'Your changes and the live changes touch the same part of the spec.',
    });
  });

  it('refuses when the changes are too close to apply with their context', () => {
    const draft = base.replace('  http_port: 8080', '  http_port: 3000');
    const live = base.replace('  instance_size_slug: apps-s-1vcpu-1gb', '  instance_size_slug: apps-s-1vcpu-2gb');
    expect(rebaseDraft(base, draft, live).ok).toBe(false);
  });

  it('takes the live spec as it is when the draft changed nothing', () => {
    const live = base.replace('region: fra', 'region: ams');
    expect(rebaseDraft(base, base, live)).toEqual({ ok: true, yaml: live });
  });
});

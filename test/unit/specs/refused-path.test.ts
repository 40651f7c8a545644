// The API names a refused field without list indexes ("services.instance_count"). With three
// services in the spec, the founder still wants the marker on the right line: the one the refusal
// names, the only one there is, or the only one that has the field.
import { describe, expect, it } from 'vitest';
import { resolveRefusedPath } from '../../../src-main/services/specs/refusedPath';

const spec = {
  name: 'taskifai-demo',
  services: [
    { name: 'api', instance_count: 2, routes: [{ path: '/api' }] },
    { name: 'web', instance_count: 1 },
    { name: 'admin', instance_count: 1, routes: [{ path: '/admin' }, { path: '/admin/v2' }] },
  ],
  workers: [{ name: 'worker', instance_count: 1 }],
  ingress: { rules: [{ component: { name: 'api' } }] },
};

describe('finding the field an API refusal names', () => {
  it('by the component the words name', () => {
    expect(
      resolveRefusedPath(
        spec,
        'services.instance_count',
        'error validating app spec field "services.instance_count": must be between 1 and 250 (component "web")',
      ),
    ).toEqual(['services', 1, 'instance_count']);
  });

  it('by the only item in the list', () => {
    expect(resolveRefusedPath(spec, 'workers.instance_count', 'must be between 1 and 250')).toEqual([
      'workers',
      0,
      'instance_count',
    ]);
  });

  it('by the only item that has the field, and as deep as it can tell', () => {
    // Only "api" has one route; "admin" has two, so which route of admin cannot be told.
    expect(
      resolveRefusedPath({ services: [spec.services[1], spec.services[0]] }, 'services.routes.path', 'invalid path'),
    ).toEqual(['services', 1, 'routes', 0, 'path']);
    expect(resolveRefusedPath(spec, 'services.routes.path', 'service "admin": overlapping route')).toEqual([
      'services',
      2,
      'routes',
    ]);
  });

  it('stops at the list when nothing tells the items apart', () => {
    expect(resolveRefusedPath(spec, 'services.instance_count', 'must be between 1 and 250')).toEqual(['services']);
  });

  it('takes an indexed path as written, and a field the spec lacks as far as it goes', () => {
    expect(resolveRefusedPath(spec, 'services.2.instance_count', 'x')).toEqual(['services', 2, 'instance_count']);
    expect(resolveRefusedPath(spec, 'alerts.rule', 'x')).toEqual(['alerts', 'rule']);
  });
});

// The founder types fast and loosely into the palette: half a tenant's name, words in whatever
// order they come, a slipped letter. The right thing must still come first, and what they chose
// lately before what they never use.
import { describe, expect, it } from 'vitest';
import { editDistance, rank, scoreItem, type Rankable } from '../../../src-renderer/views/palette/rank';

const app = (name: string, group = 'TaskifAI'): Rankable => ({
  id: `app:${name}`,
  group: 'Apps',
  label: name,
  keywords: [group],
});
const action = (verb: string, label: string, app: string, verbs = [verb]): Rankable => ({
  id: `${verb}:${app}`,
  group: 'Actions',
  label,
  keywords: [app, 'TaskifAI'],
  verbs,
});
const component = (name: string, app: string): Rankable => ({
  id: `component:${app}:${name}`,
  group: 'Components',
  label: name,
  keywords: [app, 'TaskifAI', 'Service'],
});

const items: Rankable[] = [
  app('taskifai-central'),
  app('taskifai-demo'),
  app('taskifai-bibbi'),
  app('taskifai-customer3'),
  app('odoo-production', 'InsightPulse'),
  action('deploy', 'Deploy taskifai-bibbi', 'taskifai-bibbi'),
  action('deploy', 'Deploy taskifai-demo', 'taskifai-demo'),
  action('restart', 'Restart taskifai-bibbi', 'taskifai-bibbi'),
  { ...action('scale', 'Scale taskifai-demo demo-api', 'taskifai-demo'), id: 'scale:demo:api' },
  { ...action('scale', 'Scale taskifai-demo demo-worker', 'taskifai-demo'), id: 'scale:demo:worker' },
  { ...action('logs', 'Logs of taskifai-customer3 customer3-worker', 'taskifai-customer3'), id: 'logs:c3:worker' },
  { ...action('logs', 'Logs of taskifai-customer3 customer3-api', 'taskifai-customer3'), id: 'logs:c3:api' },
  component('bibbi-api', 'taskifai-bibbi'),
  component('demo-api', 'taskifai-demo'),
  { id: 'view:costs', group: 'Views', label: 'Costs', keywords: ['billing', 'invoices'] },
  { id: 'view:dns', group: 'Views', label: 'DNS', keywords: ['domains', 'records'] },
];

const first = (query: string, recent: string[] = []) => rank(items, query, { recent })[0]?.items[0]?.id;
const ids = (query: string, recent: string[] = []) =>
  rank(items, query, { recent }).flatMap((g) => g.items.map((i) => i.id));

describe('finding things by part of their name', () => {
  it('half a tenant’s name finds the tenant before its actions', () => {
    expect(first('bibbi')).toBe('app:taskifai-bibbi');
    expect(first('cust')).toBe('app:taskifai-customer3');
  });

  it('a verb and a tenant find the action', () => {
    expect(first('deploy bibbi')).toBe('deploy:taskifai-bibbi');
    expect(first('scale taskifai-demo api')).toBe('scale:demo:api');
    expect(first('logs customer3 worker')).toBe('logs:c3:worker');
  });

  it('every word typed must match: “deploy bibbi” does not offer bibbi’s restart or the demo’s deploy', () => {
    const found = ids('deploy bibbi');
    expect(found).not.toContain('restart:taskifai-bibbi');
    expect(found).not.toContain('deploy:taskifai-demo');
  });

  it('a view by a word people use for it', () => {
    expect(first('invoices')).toBe('view:costs');
    expect(first('dns')).toBe('view:dns');
  });

  it('nothing for words that are nowhere', () => {
    expect(rank(items, 'kubernetes', { recent: [] })).toEqual([]);
  });
});

describe('word order and typos', () => {
  it('words in any order', () => {
    expect(first('bibbi deploy')).toBe('deploy:taskifai-bibbi');
    expect(first('worker customer3 logs')).toBe('logs:c3:worker');
    expect(first('api demo scale')).toBe('scale:demo:api');
  });

  it('one slipped letter in a word of four or more', () => {
    expect(first('dpeloy bibbi')).toBe('deploy:taskifai-bibbi');
    expect(first('deplyo bibi')).toBe('deploy:taskifai-bibbi');
    expect(first('restrat bibbi')).toBe('restart:taskifai-bibbi');
    expect(first('custmer3')).toBe('app:taskifai-customer3');
  });

  it('a slip in the part typed so far', () => {
    expect(first('tsakif bibbi')).toBe('app:taskifai-bibbi');
  });

  it('short words must be exact: “ap” is not “api” misspelt, only its beginning', () => {
    expect(scoreItem('xpi', items[13]!)).toBe(0);
    expect(scoreItem('ap', items[13]!)).toBeGreaterThan(0);
  });

  it('counts a swap of neighbours as one slip', () => {
    expect(editDistance('dpeloy', 'deploy')).toBe(1);
    expect(editDistance('deploy', 'deploy')).toBe(0);
    expect(editDistance('restart', 'rollback', 2)).toBe(3);
  });
});

describe('recent items first', () => {
  it('with nothing typed, what was chosen lately leads, newest first', () => {
    const groups = rank(items, '', { recent: ['scale:demo:worker', 'app:taskifai-bibbi', 'app:gone'] });
    expect(groups[0]).toEqual({ group: 'Recent', items: [items[9], items[2]] });
    // Then the views and apps, without repeating the recent ones.
    expect(groups.map((g) => g.group)).toEqual(['Recent', 'Views', 'Apps']);
    expect(groups[2]!.items.map((i) => i.id)).not.toContain('app:taskifai-bibbi');
  });

  it('between equal matches, the recent one comes first', () => {
    expect(first('deploy taskifai')).toBe('deploy:taskifai-bibbi');
    expect(first('deploy taskifai', ['deploy:taskifai-demo'])).toBe('deploy:taskifai-demo');
  });

  it('a recent item does not outrank a much better match', () => {
    expect(first('costs', ['app:taskifai-bibbi'])).toBe('view:costs');
    expect(first('bibbi', ['deploy:taskifai-bibbi'])).toBe('app:taskifai-bibbi');
  });
});

describe('groups', () => {
  it('come ordered by their best match, each at most six long', () => {
    const groups = rank(items, 'demo', { recent: [] });
    expect(groups[0]!.group).toBe('Apps');
    expect(groups.map((g) => g.group)).toEqual(expect.arrayContaining(['Apps', 'Actions', 'Components']));
    const many = Array.from({ length: 20 }, (_, i) => app(`tenant-${i}`));
    expect(rank(many, 'tenant', { recent: [] })[0]!.items).toHaveLength(6);
  });
});

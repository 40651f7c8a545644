// The founder looks at an app's deployments: a 4-minute deploy that was replaced three hours later
// took 4 minutes, not "3h 43m". Its duration comes from its steps, nested ones included.
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../src-main/clients/digitalocean/types';
import { stepSpan, summarizeDeployment } from '../../../src-main/services/apps/appView';

const deployment = (change: Partial<Deployment>): Deployment =>
  ({
    id: 'd1',
    phase: 'SUPERSEDED',
    created_at: '2026-12-01T10:00:00Z',
    phase_last_updated_at: '2026-12-01T13:43:00Z',
    progress: {
      steps: [
        {
          name: 'build',
          started_at: '2026-12-01T10:00:05Z',
          ended_at: '2026-12-01T10:02:30Z',
          steps: [{ name: 'initialize', started_at: '2026-12-01T10:00:05Z', ended_at: '2026-12-01T10:00:20Z' }],
        },
        {
          name: 'deploy',
          started_at: '2026-12-01T10:02:31Z',
          ended_at: '2026-12-01T10:03:50Z',
          steps: [{ name: 'finalize', started_at: '2026-12-01T10:03:40Z', ended_at: '2026-12-01T10:04:00Z' }],
        },
      ],
    },
    ...change,
  }) as Deployment;

describe('how long a deployment took', () => {
  it('is creation to the last step’s end, nested steps included, however long before it was superseded', () => {
    expect(summarizeDeployment(deployment({})).durationSeconds).toBe(240);
  });

  it('has no duration for a superseded deployment without step times, rather than a wrong one', () => {
    expect(summarizeDeployment(deployment({ progress: {} })).durationSeconds).toBeUndefined();
  });

  it('falls back to the phase change for one that ended itself (ERROR, CANCELED)', () => {
    expect(
      summarizeDeployment(deployment({ phase: 'ERROR', progress: {}, phase_last_updated_at: '2026-12-01T10:01:30Z' }))
        .durationSeconds,
    ).toBe(90);
  });

  it('finds the first start and the last end at any depth', () => {
    expect(
      stepSpan([{ steps: [{ started_at: '2026-12-01T10:00:00Z', steps: [{ ended_at: '2026-12-01T10:09:00Z' }] }] }]),
    ).toEqual({
      start: Date.parse('2026-12-01T10:00:00Z'),
      end: Date.parse('2026-12-01T10:09:00Z'),
    });
  });
});

// @vitest-environment jsdom
// The founder set a size that does not exist and pressed Validate. The API refuses it, main's check
// and the local hint flag it too: the Problems list shows it once, said by the API, with the others
// named as agreeing. Then the founder adds lines above it: the entry follows its field to its new
// line, and the list says the text changed since the last Validate.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpecProblem } from '../../../src-preload/contract';
import type { LiveHints } from '../../../src-renderer/specSchema/schema';
import { SpecSidePanel } from '../../../src-renderer/views/specs/SpecSidePanel';
import { draftOf } from './specsFleetFake';

afterEach(cleanup);

const VALIDATED = 'name: shop\nservices:\n- name: api\n  instance_size_slug: apps-huge\n  instance_count: 1\n';
const PATH = 'services.0.instance_size_slug';
const hints: LiveHints = {
  instanceSizes: [{ slug: 'apps-s-1vcpu-1gb', usdPerMonth: 12, label: '1 vCPU' }],
  regions: [],
};

const fromValidate: SpecProblem[] = [
  {
    source: 'api',
    severity: 'error',
    message: 'instance size "apps-huge" is not valid',
    path: PATH,
    line: 4,
    column: 3,
  },
  {
    source: 'schema',
    severity: 'error',
    message: 'Unknown instance size "apps-huge".',
    path: PATH,
    line: 4,
    column: 3,
  },
];

function renderPanel(text: string) {
  render(
    <SpecSidePanel
      text={text}
      draft={draftOf(VALIDATED)}
      hints={hints}
      apiProblems={fromValidate}
      validatedText={VALIDATED}
      onGoTo={() => undefined}
      onChangeSecret={() => undefined}
    />,
  );
  return screen.getAllByTestId('spec-problem');
}

describe('the Problems list beside the spec editor', () => {
  it('lists the bad size once, in the API’s words, with the check and the hint agreeing', () => {
    const problems = renderPanel(VALIDATED);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.textContent).toContain('API');
    expect(problems[0]!.textContent).toContain('Line 4:3');
    expect(problems[0]!.textContent).toContain('instance size "apps-huge" is not valid');
    expect(screen.getByTestId('spec-problem-agree').textContent).toBe('check and hint agree');
    expect(screen.queryByTestId('problems-outdated')).toBeNull();
  });

  it('after two lines are added above, points at the size’s new line and says the text changed', () => {
    const edited = VALIDATED.replace('services:\n', 'region: fra\nservices:\n# the API tier\n');
    const problems = renderPanel(edited);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.getAttribute('data-line')).toBe('6');
    expect(problems[0]!.textContent).toContain('Line 6:3');
    expect(screen.getByTestId('problems-outdated').textContent).toContain('The text changed since the last Validate');
  });

  it('keeps a problem whose field is gone at its old line, marked as where it was', () => {
    const edited = 'name: shop\n';
    const problems = renderPanel(edited);
    const api = problems.find((p) => p.getAttribute('data-source') === 'api')!;
    expect(api.textContent).toContain('was line 4:3');
  });
});

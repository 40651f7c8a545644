// @vitest-environment jsdom
// Validate refused a bad size: the line under the toolbar counts it as one problem in the API's
// words, not once for the API and again for main's check of the same field.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { SpecProblem } from '../../../src-preload/contract';
import { EMPTY_SPEC_EDITOR } from '../../../src-renderer/stores/specEditorEntry';
import { ValidationLine } from '../../../src-renderer/views/specs/SpecStatus';

afterEach(cleanup);

const TEXT = 'name: shop\nservices:\n- name: api\n  instance_count: 0\n';
const PATH = 'services.0.instance_count';

it('lists a field the API and the check both refused once, in the API’s words', () => {
  const problems: SpecProblem[] = [
    {
      source: 'schema',
      severity: 'error',
      message: 'instance_count is a whole number from 1 to 250.',
      path: PATH,
      line: 4,
    },
    { source: 'api', severity: 'error', message: 'must be between 1 and 250', path: PATH, line: 4 },
    { source: 'schema', severity: 'error', message: 'An app name is 2–32 lowercase letters.', path: 'name', line: 1 },
  ];
  const entry = {
    ...EMPTY_SPEC_EDITOR,
    text: TEXT,
    validatedText: TEXT,
    validation: { valid: false, problems },
  } as unknown as typeof EMPTY_SPEC_EDITOR;
  render(<ValidationLine entry={entry} />);
  const listed = screen.getAllByTestId('validation-problem');
  expect(listed.map((li) => li.getAttribute('data-source'))).toEqual(['api', 'schema']);
  expect(screen.getByTestId('validation-status').textContent).toContain('Not valid — 2 problems');
});

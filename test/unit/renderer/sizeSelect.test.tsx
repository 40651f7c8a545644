// @vitest-environment jsdom
// The founder resizes something: until a size is chosen the select says "Choose a size…", a size
// that cannot be had is greyed out and says why, and the choice reaches the dialog. A size the list
// no longer offers (a legacy slug in the spec) is still shown as the current one.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SizeSelect, type SizeChoice } from '../../../src-renderer/components/SizeSelect';

afterEach(cleanup);

const SIZES: SizeChoice[] = [
  { value: 's-1vcpu-2gb', label: 's-1vcpu-2gb — $12.00/mo (current)', disabled: true },
  { value: 's-2vcpu-4gb', label: 's-2vcpu-4gb — $24.00/mo' },
  { value: 'm-2vcpu-16gb', label: 'm-2vcpu-16gb — $84.00/mo (not offered in lon1)', disabled: true },
];

function Resize({ initial, placeholder }: { initial: string; placeholder?: string }) {
  const [size, setSize] = useState(initial);
  return (
    <>
      <SizeSelect label="New size" value={size} choices={SIZES} onChange={setSize} placeholder={placeholder} />
      <output>chosen: {size || 'nothing'}</output>
    </>
  );
}

describe('picking a size', () => {
  it('starts on the placeholder, keeps sizes that cannot be had out of reach, and reports the choice', () => {
    render(<Resize initial="" placeholder="Choose a size…" />);
    const select = screen.getByLabelText<HTMLSelectElement>('New size');
    expect(select.selectedOptions[0]?.textContent).toBe('Choose a size…');
    expect(screen.getByRole('option', { name: /not offered in lon1/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('option', { name: /current/ })).toHaveProperty('disabled', true);

    fireEvent.change(select, { target: { value: 's-2vcpu-4gb' } });

    expect(screen.getByText('chosen: s-2vcpu-4gb')).toBeTruthy();
    expect(select.selectedOptions[0]?.textContent).toBe('s-2vcpu-4gb — $24.00/mo');
  });

  it('shows a current size the list lacks as it is, above the sizes on offer, with no placeholder', () => {
    render(<Resize initial="professional-xs" />);
    const select = screen.getByLabelText<HTMLSelectElement>('New size');
    expect([...select.options].map((o) => o.value)).toEqual([
      'professional-xs',
      's-1vcpu-2gb',
      's-2vcpu-4gb',
      'm-2vcpu-16gb',
    ]);
    expect(select.value).toBe('professional-xs');
  });
});

// @vitest-environment jsdom
// A list table as a screen reader and the founder meet it: a caption naming it, one column head
// per column (prices on the right, the actions column named for screen readers only), and each
// row led by its name with a quieter line under it when there is one.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataTable, RowName } from '../../../src-renderer/components/DataTable';

afterEach(cleanup);

describe('a list table', () => {
  it('is captioned, heads its columns and leads each row with its name', () => {
    render(
      <DataTable
        caption="Droplets"
        columns={[{ label: 'Droplet' }, { label: 'Month', alignEnd: true }, { label: 'Actions', hidden: true }]}
        className="infra-table"
        testId="droplets-table"
      >
        <tr>
          <RowName name="p360-prod-api-01" detail="tenant-api" />
          <td>$24.00</td>
          <td />
        </tr>
        <tr>
          <RowName name="p360-prod-spare" />
          <td>$12.00</td>
          <td />
        </tr>
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: 'Droplets' });
    expect(table.className).toBe('data-table infra-table');
    const heads = within(table).getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual(['Droplet', 'Month', 'Actions']);
    expect(heads[1]?.className).toBe('align-end');
    expect(heads[2]?.querySelector('.visually-hidden')?.textContent).toBe('Actions');

    const first = screen.getByRole('rowheader', { name: /p360-prod-api-01/ });
    expect(first.querySelector('strong')?.textContent).toBe('p360-prod-api-01');
    expect(first.textContent).toBe('p360-prod-api-01tenant-api');
    expect(screen.getByRole('rowheader', { name: 'p360-prod-spare' }).querySelector('.muted')).toBeNull();
  });
});

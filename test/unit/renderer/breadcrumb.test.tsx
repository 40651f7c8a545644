// @vitest-environment jsdom
// On a tenant's page (or a new tenant's), the breadcrumb leads back to the Tenants list and names
// the page the founder is on.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Breadcrumb } from '../../../src-renderer/components/Breadcrumb';

afterEach(cleanup);

describe('the breadcrumb', () => {
  it('links back to the list and marks the current page', () => {
    render(<Breadcrumb back={{ href: '#/tenants', label: 'Tenants' }} current="New tenant acme" />);
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(screen.getByRole('link', { name: '← Tenants' }).getAttribute('href')).toBe('#/tenants');
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('New tenant acme');
  });
});

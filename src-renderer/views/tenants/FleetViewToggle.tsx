// "Apps | Tenants": the overview and the tenants matrix are two views of one fleet. A file of its
// own, with its own styles, so the overview can show it without loading the matrix.
import { hrefFor } from '../../stores/navigationStore';
import './viewToggle.css';

export function FleetViewToggle({ current }: { current: 'apps' | 'tenants' }) {
  return (
    <nav className="view-toggle" aria-label="Show the fleet as">
      <a href={hrefFor({ name: 'overview' })} aria-current={current === 'apps' ? 'page' : undefined}>
        Apps
      </a>
      <a href={hrefFor({ name: 'tenants' })} aria-current={current === 'tenants' ? 'page' : undefined}>
        Tenants
      </a>
    </nav>
  );
}

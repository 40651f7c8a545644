// PLACEHOLDER — open drafts and new tenants are being built.
import { EmptyState } from '../../components/EmptyState';

export function SpecsView() {
  return <EmptyState title="Specs">Coming soon.</EmptyState>;
}

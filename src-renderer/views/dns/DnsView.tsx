// PLACEHOLDER — DNS is being built.
import { EmptyState } from '../../components/EmptyState';

export function DnsView() {
  return <EmptyState title="DNS">Coming soon.</EmptyState>;
}

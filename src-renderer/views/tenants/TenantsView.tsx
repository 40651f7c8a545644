// Placeholder until the matrix lands.
export function TenantsView() {
  return <main className="view">Tenants</main>;
}

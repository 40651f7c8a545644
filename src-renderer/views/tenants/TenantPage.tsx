// Placeholder until the tenant page lands.
export function TenantPage({ appId }: { appId: string }) {
  return <main className="view">Tenant {appId}</main>;
}

// The infrastructure domain put together: the inventory the view reads (and a lighter one the
// Costs view prices), and the actions on droplets, clusters, databases and pools.
import type { DropletActionProgress, InfrastructureInventory } from '../../../src-preload/contract/infrastructure';
import type { AuditLog } from '../deploys/auditLog';
import { InfrastructureActions, type ActionsClient } from './actions';
import { readInventory, type FleetClient, type InventoryClient } from './inventory';

export interface InfrastructureDeps {
  client: InventoryClient & ActionsClient;
  fleet: FleetClient;
  context: string;
  audit?: AuditLog;
  pollMs?: number;
  now?: () => number;
}

export interface InfrastructureService {
  getInfrastructure(): Promise<InfrastructureInventory>;
  /**
   * What prices need (no health, users, pools, options): for the Costs view, which hands in the
   * apps and projects it has already listed (else they are listed here).
   */
  readForCosts(fleet?: FleetClient): Promise<InfrastructureInventory>;
  getActions(): DropletActionProgress[];
  actions: InfrastructureActions;
}

export function createInfrastructureDomain(deps: InfrastructureDeps): InfrastructureService {
  const actions = new InfrastructureActions({
    client: deps.client,
    audit: deps.audit,
    context: deps.context,
    pollMs: deps.pollMs,
  });
  const withActions = (inventory: InfrastructureInventory): InfrastructureInventory => ({
    ...inventory,
    droplets: inventory.droplets.map((d) => {
      const action = actions.progressOf(d.id);
      return action ? { ...d, action } : d;
    }),
  });
  return {
    getInfrastructure: async () => withActions(await readInventory(deps.client, deps.fleet, 'full', deps.now)),
    readForCosts: (fleet) => readInventory(deps.client, fleet ?? deps.fleet, 'costs', deps.now),
    getActions: () => actions.actions(),
    actions,
  };
}

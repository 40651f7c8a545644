// The infrastructure domain's side of the contract: which service answers each method.
import type { InfrastructureMethods } from '../../../src-preload/contract';
import type { InfrastructureService } from '../../services/infrastructure';
import type { DomainMethodHandlers } from '../dispatcher';

export function infrastructureMethodHandlers(
  infra: () => InfrastructureService,
): DomainMethodHandlers<InfrastructureMethods> {
  return {
    getInfrastructure: () => infra().getInfrastructure(),
    getInfrastructureActions: async () => infra().getActions(),
    startDropletAction: ({ dropletId, kind }) => infra().actions.startDropletAction(dropletId, kind),
    resizeDroplet: ({ dropletId, size }) => infra().actions.resizeDroplet(dropletId, size),
    createTenantDatabase: ({ clusterId, name }) => infra().actions.createTenantDatabase(clusterId, name),
    deleteTenantDatabase: ({ clusterId, name, confirmName }) =>
      infra().actions.deleteTenantDatabase(clusterId, name, confirmName),
    resizeDatabaseCluster: ({ clusterId, size, nodes }) =>
      infra().actions.resizeDatabaseCluster(clusterId, size, nodes),
    setPoolSize: ({ clusterId, pool, size }) => infra().actions.setPoolSize(clusterId, pool, size),
  };
}

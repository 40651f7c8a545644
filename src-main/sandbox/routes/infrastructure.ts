// The sandbox's infrastructure beyond App Platform, registered together: droplets and sizes,
// load balancers and their targets' health, database clusters' insides, block storage volumes, projects' resources.
import type { Router } from '../http';
import type { SandboxState } from '../state';
import { registerDatabaseRoutes } from './databases';
import { registerDropletRoutes } from './droplets';
import { registerLoadBalancerRoutes } from './loadBalancers';
import { registerProjectResourceRoutes } from './projectResources';
import { registerVolumeRoutes } from './volumes';

export function registerInfrastructureRoutes(router: Router, state: SandboxState): void {
  registerDropletRoutes(router, state);
  registerLoadBalancerRoutes(router, state);
  registerDatabaseRoutes(router, state);
  registerVolumeRoutes(router, state);
  registerProjectResourceRoutes(router, state);
}

// Request schemas of the infrastructure domain: ids as the API spells them, sizes as slugs, and a
// database name in the shape Postgres takes (the API still refuses reserved names in its words).
import { z } from 'zod';
import type { InfrastructureMethods, InfrastructureStreams } from '../../../src-preload/contract';
import { databaseNameProblem, MAX_DATABASE_NAME_LENGTH } from '../../../src-preload/contract/infrastructure';
import type { MethodSchemas, StreamSchemas } from './types';
import { none } from './shared';

const dropletId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const clusterId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a cluster id is letters, digits and dashes');
const sizeSlug = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a size slug such as s-2vcpu-4gb');
const databaseName = z
  .string()
  .max(MAX_DATABASE_NAME_LENGTH, `at most ${MAX_DATABASE_NAME_LENGTH} characters`)
  .superRefine((name, ctx) => {
    const problem = databaseNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const poolName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, 'a pool name is letters, digits, _ and -');

export const infrastructureMethodSchemas = {
  getInfrastructure: none,
  getInfrastructureActions: none,
  startDropletAction: z.strictObject({ dropletId, kind: z.enum(['reboot', 'power_cycle']) }),
  resizeDroplet: z.strictObject({ dropletId, size: sizeSlug }),
  createTenantDatabase: z.strictObject({ clusterId, name: databaseName }),
  deleteTenantDatabase: z.strictObject({ clusterId, name: databaseName, confirmName: z.string().max(200) }),
  resizeDatabaseCluster: z.strictObject({ clusterId, size: sizeSlug, nodes: z.number().int().min(1).max(15) }),
  setPoolSize: z.strictObject({ clusterId, pool: poolName, size: z.number().int().min(1).max(10_000) }),
} satisfies MethodSchemas<InfrastructureMethods>;

export const infrastructureStreamSchemas = {} satisfies StreamSchemas<InfrastructureStreams>;

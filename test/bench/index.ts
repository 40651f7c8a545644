// `npm run bench`: every benchmark, one after the other, each printing its figures as JSON.
import { benchFleetRefresh } from './fleetRefresh';
import { benchFleetScale } from './fleetScale';
import { benchLogs } from './logs';
import { benchRequestBudget } from './requestBudget';
import { benchSpecYaml } from './specYaml';
import { benchTenantsRefresh } from './tenantsRefresh';

const benches: Record<string, () => Promise<Record<string, number | string>>> = {
  'fleet-refresh': benchFleetRefresh,
  'fleet-scale': benchFleetScale,
  logs: benchLogs,
  'request-budget': benchRequestBudget,
  'spec-yaml': benchSpecYaml,
  'tenants-refresh': benchTenantsRefresh,
};

async function main(): Promise<void> {
  // `tsx test/bench/index.ts logs` runs one benchmark by name.
  const only = process.argv[2];
  for (const [name, run] of Object.entries(benches)) {
    if (only && name !== only) continue;
    const figures = await run();
    process.stdout.write(`${name} ${JSON.stringify(figures)}\n`);
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

// `npm run bench`: every benchmark, one after the other, each printing its figures as JSON.
import { benchFleetRefresh } from './fleetRefresh';

const benches: Record<string, () => Promise<Record<string, number | string>>> = {
  'fleet-refresh': benchFleetRefresh,
};

async function main(): Promise<void> {
  for (const [name, run] of Object.entries(benches)) {
    const figures = await run();
    process.stdout.write(`${name} ${JSON.stringify(figures)}\n`);
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

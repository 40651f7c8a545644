// The review of several .sql files: each migration in the order it runs on every tenant, its SQL
// exactly as it will run, and the chosen tenants that already have it by name (passed over on
// them, as the run does). What a tenant has is read from the drift grid on screen.
import type { MigrationFile, SchemaDrift } from '../../../../src-preload/contract';
import { chosenTargets, type ApplyFlow } from '../../../stores/schemaDriftStore';

/** For each migration, the chosen tenants (by name) whose project already has one of that name. */
export function skippedOn(
  migrations: readonly MigrationFile[],
  flow: Pick<ApplyFlow, 'targets'>,
  drift: SchemaDrift,
): Map<string, string[]> {
  const applied = new Map(drift.tenants.map((t) => [t.appId, new Set(t.applied)]));
  const chosen = chosenTargets(flow as ApplyFlow);
  return new Map(
    migrations.map((m) => [m.name, chosen.filter((t) => applied.get(t.appId)?.has(m.name)).map((t) => t.name)]),
  );
}

export function ReviewMigrations({
  migrations,
  flow,
  drift,
}: {
  migrations: readonly MigrationFile[];
  flow: ApplyFlow;
  drift: SchemaDrift;
}) {
  const skipped = skippedOn(migrations, flow, drift);
  return (
    <>
      <h3 className="drift-review__title">
        {migrations.length} migrations, in this order on each tenant, exactly as they will run
      </h3>
      <ol className="drift-migrations" data-testid="review-migrations">
        {migrations.map((m, i) => {
          const has = skipped.get(m.name) ?? [];
          return (
            <li key={m.name} className="drift-migrations__item" data-testid="review-migration" data-migration={m.name}>
              <p className="drift-migrations__head">
                <span className="tabular muted">{i + 1}.</span> <span className="strong">{m.name}</span>
                {has.length ? (
                  <span className="drift-migrations__skip" data-testid="review-skipped">
                    skipped on {has.join(', ')}: already applied
                  </span>
                ) : null}
              </p>
              <pre className="drift-sql selectable" data-testid="review-sql">
                {m.sql}
              </pre>
            </li>
          );
        })}
      </ol>
    </>
  );
}

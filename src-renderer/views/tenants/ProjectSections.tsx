// The Supabase project's parts on the tenant page. Each is a Result of its own: one endpoint
// that failed (or a paused project that answers nothing) shows its reason in place and leaves
// the other parts readable.
import type { ReactNode } from 'react';
import type { Result, SupabaseAdvisorFinding, SupabaseProjectDetail } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { RelativeTime } from '../../components/RelativeTime';
import type { Tone } from '../../format';
import { hrefFor } from '../../stores/navigationStore';

/** A project that is paused or changing state answers nothing: its parts' errors are expected then. */
const expectedSilence = (project: SupabaseProjectDetail) =>
  project.status !== 'ACTIVE_HEALTHY' && project.status !== 'ACTIVE_UNHEALTHY';

function Part<T>({
  title,
  result,
  count,
  children,
  testId,
  project,
}: {
  title: string;
  result: Result<T>;
  count?: (value: T) => number;
  children: (value: T) => ReactNode;
  testId: string;
  project: SupabaseProjectDetail;
}) {
  return (
    <section className="project-part" data-testid={testId}>
      <h3 className="project-part__title">
        {title}
        {result.ok && count ? <span className="section__count">{count(result.value)}</span> : null}
      </h3>
      {result.ok ? (
        children(result.value)
      ) : (
        <p
          className={
            expectedSilence(project) ? 'project-part__error project-part__error--quiet' : 'project-part__error'
          }
          role="status"
        >
          {result.error.message}
        </p>
      )}
    </section>
  );
}

const SERVICE_TONE: Record<string, Tone> = { ACTIVE_HEALTHY: 'success', COMING_UP: 'progress', UNHEALTHY: 'danger' };
const SERVICE_WORDS: Record<string, string> = {
  ACTIVE_HEALTHY: 'healthy',
  COMING_UP: 'starting',
  UNHEALTHY: 'unhealthy',
};

export function ServicesPart({ project }: { project: SupabaseProjectDetail }) {
  return (
    <Part project={project} title="Services" result={project.services} testId="project-services">
      {(services) =>
        services.length === 0 ? (
          <p className="muted section-empty">Nothing answers while the project is paused.</p>
        ) : (
          <ul className="project-services">
            {services.map((s) => (
              <li key={s.name} title={s.error}>
                <span>{s.name}</span>
                <Badge tone={SERVICE_TONE[s.status] ?? 'muted'} title={s.error}>
                  {SERVICE_WORDS[s.status] ?? s.status}
                </Badge>
              </li>
            ))}
          </ul>
        )
      }
    </Part>
  );
}

export function BackupsPart({ project }: { project: SupabaseProjectDetail }) {
  return (
    <Part project={project} title="Backups" result={project.backups} testId="project-backups">
      {(b) => (
        <>
          <p className="project-line">
            {b.pitrEnabled ? (
              <Badge tone="success">PITR on</Badge>
            ) : (
              <Badge tone="muted" title="Point-in-time recovery is a paid add-on">
                PITR off
              </Badge>
            )}
            <span className="muted">
              {b.backups.length === 0 ? 'No downloadable backups' : `${b.backups.length} daily backups`}
            </span>
          </p>
          {b.backups.length > 0 ? (
            <ul className="project-list project-list--scroll">
              {[...b.backups]
                .sort((x, y) => Date.parse(y.at) - Date.parse(x.at))
                .map((backup) => (
                  <li key={backup.id}>
                    <RelativeTime iso={backup.at} />
                    <span className="muted">{backup.physical ? 'physical' : 'logical'}</span>
                    <span className={backup.status === 'COMPLETED' ? 'muted' : 'tenant-warn-text'}>
                      {backup.status.toLowerCase()}
                    </span>
                  </li>
                ))}
            </ul>
          ) : null}
        </>
      )}
    </Part>
  );
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(bytes < 2 ** 30 ? 2 : 1)} GiB`;

export function DiskPart({ project }: { project: SupabaseProjectDetail }) {
  return (
    <Part project={project} title="Disk" result={project.disk} testId="project-disk">
      {(d) => {
        const share = d.sizeBytes > 0 ? Math.min(1, d.usedBytes / d.sizeBytes) : 0;
        const tone = share >= 0.9 ? 'danger' : share >= 0.75 ? 'warning' : 'ok';
        return (
          <div className="disk">
            <div
              className="disk__bar"
              role="meter"
              aria-valuemin={0}
              aria-valuemax={d.sizeBytes}
              aria-valuenow={d.usedBytes}
              aria-label="Disk used"
            >
              <span className={`disk__fill disk__fill--${tone}`} style={{ width: `${(share * 100).toFixed(1)}%` }} />
            </div>
            <span className="disk__text tabular">
              {gib(d.usedBytes)} of {gib(d.sizeBytes)} ({Math.round(share * 100)}%)
            </span>
          </div>
        );
      }}
    </Part>
  );
}

const LEVEL_TONE: Record<SupabaseAdvisorFinding['level'], Tone> = { ERROR: 'danger', WARN: 'warning', INFO: 'neutral' };

export function AdvisorsPart({ project }: { project: SupabaseProjectDetail }) {
  return (
    <Part
      project={project}
      title="Advisors"
      result={project.advisors}
      count={(a) => a.length}
      testId="project-advisors"
    >
      {(findings) => {
        if (findings.length === 0) return <p className="muted section-empty">No security or performance findings.</p>;
        const levels = (['ERROR', 'WARN', 'INFO'] as const)
          .map((level) => ({ level, n: findings.filter((f) => f.level === level).length }))
          .filter((l) => l.n > 0);
        return (
          <>
            <p className="project-line" data-testid="advisor-counts">
              {levels.map((l) => (
                <Badge key={l.level} tone={LEVEL_TONE[l.level]}>
                  {l.n} {l.level === 'WARN' ? 'warning' : l.level.toLowerCase()}
                  {l.n === 1 ? '' : 's'}
                </Badge>
              ))}
            </p>
            <ul className="advisors">
              {findings.map((f) => (
                <li key={`${f.kind}-${f.title}-${f.detail}`} className="advisor" data-testid="advisor">
                  <div className="advisor__head">
                    <Badge tone={LEVEL_TONE[f.level]}>{f.level === 'WARN' ? 'warning' : f.level.toLowerCase()}</Badge>
                    <span className="advisor__title">{f.title}</span>
                    <span className="muted">{f.kind}</span>
                  </div>
                  <p className="advisor__detail">{f.detail}</p>
                  {f.remediation ? (
                    /^https?:\/\//.test(f.remediation) ? (
                      <a className="advisor__fix" href={f.remediation} target="_blank" rel="noreferrer">
                        How to fix it
                      </a>
                    ) : (
                      <p className="advisor__fix">{f.remediation}</p>
                    )
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        );
      }}
    </Part>
  );
}

export function KeysPart({ project }: { project: SupabaseProjectDetail }) {
  return (
    <Part project={project} title="API keys" result={project.apiKeys} count={(k) => k.length} testId="project-keys">
      {(keys) =>
        keys.length === 0 ? (
          <p className="muted section-empty">No API keys.</p>
        ) : (
          <ul className="project-list">
            {keys.map((k) => (
              <li key={`${k.name}-${k.type}`}>
                <span>{k.name}</span>
                <span className="muted">{k.type}</span>
                <code className="key-preview" title="Only the first characters: Fleetdeck never shows a key in full">
                  {k.preview}…
                </code>
              </li>
            ))}
          </ul>
        )
      }
    </Part>
  );
}

export function MigrationsPart({ project, missing }: { project: SupabaseProjectDetail; missing?: string[] }) {
  return (
    <Part
      project={project}
      title="Migrations"
      result={project.migrations}
      count={(m) => m.length}
      testId="project-migrations"
    >
      {(migrations) => (
        <>
          {missing && missing.length > 0 ? (
            <p className="project-line tenant-warn-text" data-testid="migrations-missing">
              {missing.length} behind the group: {missing.join(', ')}.{' '}
              <a href={hrefFor({ name: 'schema' })}>Schema drift →</a>
            </p>
          ) : null}
          {migrations.length === 0 ? (
            <p className="muted section-empty">No migrations recorded by Supabase.</p>
          ) : (
            <ol className="project-list project-list--scroll" reversed>
              {[...migrations].reverse().map((m) => (
                <li key={m.version}>
                  <code>{m.version}</code>
                  <span>{m.name ?? ''}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </Part>
  );
}

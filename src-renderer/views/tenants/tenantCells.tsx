// The matrix's cells, also used on the tenant page. Each provider cell degrades on its own: a
// column whose read failed shows a quiet "—" with the API's reason on hover, never an empty cell
// that could be mistaken for "nothing to report".
import type {
  CiState,
  FleetError,
  SupabaseProjectState,
  TenantRow,
  TenantSourceState,
  TenantSupabaseLink,
} from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { HealthBadge } from '../../components/HealthBadge';
import { PhaseBadge } from '../../components/PhaseBadge';
import { formatCost, formatRelativeTime, formatUsd } from '../../format';
import { useClockStore } from '../../stores/clockStore';
import { useHealthStore } from '../../stores/healthStore';
import { reasonOf, shortSha, supabaseStatusWords, worstSource } from './tenantModel';

/** A provider column that could not be read: "—", the reason on hover and for screen readers. */
export function Unavailable({ error, what }: { error?: FleetError; what: string }) {
  const reason = reasonOf(error);
  return (
    <span className="tenant-na" title={`${what} unavailable: ${reason}`} data-testid="cell-unavailable">
      —
      <span className="visually-hidden">
        {' '}
        {what} unavailable: {reason}
      </span>
    </span>
  );
}

const CI_WORDS: Record<CiState, string> = {
  success: 'CI passed',
  failure: 'CI failed',
  pending: 'CI running',
  none: 'No CI reported',
};

export function CiDot({ state }: { state: CiState }) {
  return <span className={`ci-dot ci-dot--${state}`} title={CI_WORDS[state]} role="img" aria-label={CI_WORDS[state]} />;
}

export function SupabaseStatusBadge({ status }: { status: SupabaseProjectState }) {
  const words = supabaseStatusWords(status);
  return (
    <Badge tone={words.tone} title={`Supabase reports ${status}`}>
      {words.label}
    </Badge>
  );
}

export function AppCell({ row }: { row: TenantRow }) {
  const health = useHealthStore((s) => s.byAppId[row.appId]);
  const loading = useHealthStore((s) => s.loading);
  const error = useHealthStore((s) => s.error);
  const nowMs = useClockStore((s) => s.nowMs);
  return (
    <span className="tenant-app">
      {row.phase ? <PhaseBadge phase={row.phase} /> : <span className="muted">no deploy</span>}
      {row.inProgress ? (
        <span className="tenant-deploying" data-testid="tenant-deploying">
          deploying
        </span>
      ) : null}
      <HealthBadge
        state={health?.state}
        loading={loading}
        pending={health?.pending}
        checkedAt={health?.checkedAt}
        nowMs={nowMs}
        title={!health && error ? error.message : undefined}
      />
    </span>
  );
}

function sourceTitle(s: TenantSourceState): string {
  const behind =
    s.behindBy === undefined ? 'cannot be compared' : s.behindBy === 0 ? 'at head' : `behind by ${s.behindBy}`;
  return `${s.repo}@${s.branch} (${s.component}): deployed ${shortSha(s.deployedSha) || 'unknown'}, head ${shortSha(
    s.headSha,
  )} “${s.headTitle}”, ${behind}; ${CI_WORDS[s.ci]}`;
}

export function BehindText({ source }: { source: TenantSourceState }) {
  if (source.behindBy === undefined) return <span className="muted">not compared</span>;
  if (source.behindBy === 0) return <span className="tenant-at-head">at head</span>;
  return <span className="tenant-behind">behind by {source.behindBy}</span>;
}

export function SourceCell({ row }: { row: TenantRow }) {
  if (!row.sources) return <span className="muted">not from GitHub</span>;
  if (!row.sources.ok) return <Unavailable error={row.sources.error} what="GitHub" />;
  const sources = row.sources.value;
  const worst = worstSource(sources);
  if (!worst) return <span className="muted">not from GitHub</span>;
  return (
    <span className="tenant-source" title={sources.map(sourceTitle).join('\n')} data-testid="tenant-source">
      <CiDot state={worst.ci} />
      <BehindText source={worst} />
      <span className="tenant-shas">
        <code>{shortSha(worst.deployedSha) || '?'}</code>
        {worst.behindBy ? (
          <>
            {' → '}
            <code>{shortSha(worst.headSha)}</code>
          </>
        ) : null}
      </span>
      {sources.length > 1 ? <span className="muted"> +{sources.length - 1}</span> : null}
    </span>
  );
}

/** A project column main did not read: no project at all, or one that answers nothing now. */
function NotRead({ row, what }: { row: TenantRow; what: string }) {
  const status = row.supabase?.project?.status;
  const why = !row.supabase
    ? 'No Supabase project'
    : status === 'INACTIVE'
      ? `${what} is not read while the project is paused`
      : `${what} was not read`;
  return (
    <span className="muted" title={why}>
      —
    </span>
  );
}

export function SchemaCell({ row }: { row: TenantRow }) {
  if (!row.schema) return <NotRead row={row} what="The schema" />;
  if (!row.schema.ok) return <Unavailable error={row.schema.error} what="Schema" />;
  const { latest, applied, missing } = row.schema.value;
  const latestText = latest ? (latest.name ?? latest.version) : 'no migrations';
  return (
    <span
      className="tenant-schema"
      title={`${applied} applied${latest ? `; newest ${latest.version}${latest.name ? ` ${latest.name}` : ''}` : ''}`}
    >
      <span className="tenant-schema__latest">{latestText}</span>
      {missing.length > 0 ? (
        <span
          className="tenant-behind"
          title={`Missing, oldest first:\n${missing.join('\n')}`}
          data-testid="schema-behind"
        >
          {missing.length} behind
        </span>
      ) : null}
    </span>
  );
}

export function SupabaseCell({ link, unreadable }: { link: TenantSupabaseLink | null; unreadable?: string }) {
  if (!link) return <span className="muted">No project</span>;
  if (link.unmatched) {
    return (
      <span className="tenant-unmatched" title={link.unmatched}>
        <Badge tone="warning" title={link.unmatched}>
          Unmatched
        </Badge>
        <code className="tenant-ref">{link.ref}</code>
      </span>
    );
  }
  if (!link.project) return <Unavailable error={{ code: 'internal', message: unreadable ?? '' }} what="Supabase" />;
  return (
    <span className="tenant-supabase" title={`${link.project.name} · ${link.project.organization} · ${link.ref}`}>
      <SupabaseStatusBadge status={link.project.status} />
      <span className="tenant-project-name">{link.project.name}</span>
      {link.sharedWith?.length ? (
        <span
          className="tenant-shared muted"
          data-testid="tenant-shared"
          title={`Shared with ${link.sharedWith.join(', ')}: each tenant carries an even share of its compute.`}
        >
          shared ×{link.sharedWith.length + 1}
        </span>
      ) : null}
    </span>
  );
}

export function BackupsCell({ row }: { row: TenantRow }) {
  const nowMs = useClockStore((s) => s.nowMs);
  if (!row.backups) return <NotRead row={row} what="Backups" />;
  if (!row.backups.ok) return <Unavailable error={row.backups.error} what="Backups" />;
  const b = row.backups.value;
  if (b.pitrEnabled) {
    return (
      <Badge tone="success" title={`Point-in-time recovery on; ${b.completed} daily backups kept`}>
        PITR
      </Badge>
    );
  }
  if (!b.lastBackupAt) return <span className="tenant-warn-text">none</span>;
  return (
    <span title={`${b.completed} completed backups`}>Daily, last {formatRelativeTime(b.lastBackupAt, nowMs)}</span>
  );
}

export function DomainsCell({ row }: { row: TenantRow }) {
  if (row.domains.length === 0) return <span className="muted">none</span>;
  const ok = row.domains.filter((d) => d.ok).length;
  const failing = row.domains.filter((d) => !d.ok);
  return (
    <span
      className="tenant-domains"
      title={row.domains.map((d) => `${d.name}: ${d.phase ?? 'not reported'}`).join('\n')}
    >
      <span className={failing.length ? 'tenant-warn-text' : undefined}>
        {ok}/{row.domains.length}
      </span>
      {failing[0] ? <span className="tenant-domain-fail">{failing[0].name}</span> : null}
    </span>
  );
}

export function costParts(row: TenantRow): string {
  const parts = [`DigitalOcean ${formatCost(row.cost.digitalocean)}`];
  parts.push(
    row.cost.supabase !== undefined ? `Supabase compute ${formatUsd(row.cost.supabase)}` : 'Supabase: none counted',
  );
  return parts.join(' + ');
}

export function CostCell({ row }: { row: TenantRow }) {
  return (
    <span className="tenant-cost" title={costParts(row)}>
      <span className="money">{formatCost(row.cost.total)}</span>
      {row.cost.supabase !== undefined ? (
        <span className="tenant-cost__parts">
          {formatCost(row.cost.digitalocean)} + {formatUsd(row.cost.supabase)}
        </span>
      ) : null}
    </span>
  );
}

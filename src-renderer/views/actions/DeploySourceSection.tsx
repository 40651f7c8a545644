// "What this deploy ships", inside the Deploy dialog: per repo and branch, the commits the running
// deployment does not have yet (newest first), and the CI of the head it would build. Everything
// here is advice: loading, a failed read or an unconnected GitHub are one quiet line, and the
// dialog's button never waits for them.
import type { CiCheck, CiState, DeploySourcePreview } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { RelativeTime } from '../../components/RelativeTime';
import type { Tone } from '../../format';
import { hrefFor } from '../../stores/navigationStore';
import type { DeploySourceEntry } from '../../stores/deploySourceStore';
import './deploySource.css';

type Source = DeploySourcePreview['sources'][number];

export const shortSha = (sha: string) => sha.slice(0, 7);

const CI: Record<CiState, { tone: Tone; words: string }> = {
  success: { tone: 'success', words: 'CI green' },
  failure: { tone: 'danger', words: 'CI red' },
  pending: { tone: 'progress', words: 'CI pending' },
  none: { tone: 'muted', words: 'no CI' },
};

const CHECK_MARK: Record<CiCheck['state'], string> = { success: '✓', failure: '✗', pending: '…' };

export const failedChecks = (source: Source) => source.checks.filter((c) => c.state === 'failure').map((c) => c.name);

function Checks({ checks }: { checks: CiCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <ul className="ship-checks" aria-label="Checks on the head">
      {checks.map((c) => (
        <li key={c.name} className={`ship-check ship-check--${c.state}`} data-testid="ship-check" data-state={c.state}>
          <span aria-hidden="true">{CHECK_MARK[c.state]}</span>{' '}
          {c.url ? (
            <a href={c.url} target="_blank" rel="noreferrer">
              {c.name}
            </a>
          ) : (
            c.name
          )}
          <span className="visually-hidden"> {c.state}</span>
        </li>
      ))}
    </ul>
  );
}

function SourceBlock({ source }: { source: Source }) {
  const total = source.commits.length + source.moreCommits;
  return (
    <div className="ship-source" data-testid="deploy-source" data-repo={source.repo} data-branch={source.branch}>
      <div className="ship-source__head">
        <span className="slug">
          {source.repo}@{source.branch}
        </span>
        <span className="muted ship-source__components">{source.components.join(', ')}</span>
        {source.problem ? null : (
          <span
            data-testid="ship-ci"
            data-ci={source.ci}
            title={source.head ? `Head ${shortSha(source.head.sha)}` : undefined}
          >
            <Badge tone={CI[source.ci].tone}>{CI[source.ci].words}</Badge>
          </span>
        )}
      </div>
      {source.problem ? (
        <p className="ship-quiet" data-testid="ship-problem">
          {source.problem}
        </p>
      ) : total === 0 ? (
        <p className="ship-summary" data-testid="ship-summary" data-count={0}>
          Already at the head of {source.branch} — nothing new to build
        </p>
      ) : (
        <>
          <p className="ship-summary" data-testid="ship-summary" data-count={total}>
            Will ship {total === 1 ? '1 commit' : `${total} commits`}
            {source.deployedSha ? <span className="muted"> since {shortSha(source.deployedSha)}, live now</span> : null}
          </p>
          <ol className="ship-commits">
            {source.commits.map((c) => (
              <li key={c.sha} className="ship-commit" data-testid="ship-commit">
                <a className="ship-commit__sha" href={c.url} target="_blank" rel="noreferrer" title={c.sha}>
                  {shortSha(c.sha)}
                </a>
                <span className="ship-commit__title" title={c.title}>
                  {c.title}
                </span>
                <span className="ship-commit__meta muted">
                  {c.author} · <RelativeTime iso={c.date} />
                </span>
              </li>
            ))}
          </ol>
          {source.moreCommits > 0 ? (
            <p className="ship-quiet">
              and {source.moreCommits} older {source.moreCommits === 1 ? 'commit' : 'commits'} not listed
            </p>
          ) : null}
        </>
      )}
      {source.problem ? null : <Checks checks={source.checks} />}
    </div>
  );
}

export function DeploySourceSection({ entry }: { entry?: DeploySourceEntry }) {
  const body = () => {
    if (!entry || entry.loading) {
      return (
        <p className="ship-quiet" data-testid="ship-loading">
          <span className="spinner" aria-hidden="true" /> Reading the commits from GitHub…
        </p>
      );
    }
    if (!entry.value) {
      return (
        <p className="ship-quiet" data-testid="ship-error">
          Couldn’t read what this deploy ships: {entry.error?.message ?? 'no answer'}. The deploy itself is not
          affected.
        </p>
      );
    }
    const { github, sources } = entry.value;
    if (github.state === 'not_connected') {
      return (
        <p className="ship-quiet" data-testid="ship-not-connected">
          <a href={hrefFor({ name: 'settings' })}>Connect GitHub in Settings</a> to see the commits this deploy ships
        </p>
      );
    }
    if (github.state === 'error' && sources.length === 0) {
      return (
        <p className="ship-quiet" data-testid="ship-error">
          {github.message ?? 'GitHub could not be reached.'}
        </p>
      );
    }
    if (sources.length === 0) {
      return <p className="ship-quiet">Nothing in this app builds from GitHub.</p>;
    }
    return sources.map((s) => <SourceBlock key={`${s.repo}@${s.branch}`} source={s} />);
  };
  return (
    <section className="ship" aria-labelledby="ship-title" data-testid="deploy-ships">
      <h3 className="ship__title" id="ship-title">
        What this deploy ships
      </h3>
      {body()}
    </section>
  );
}

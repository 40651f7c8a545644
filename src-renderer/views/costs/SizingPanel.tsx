// Right-sizing advice for one app: each compute component's week of CPU, memory and restarts,
// which way its size should move, and what that does to the bill.
import type { AppCost, FleetError, RightSizingReport, SizingAdvice } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatPercent, type Tone } from '../../format';
import { useScaleStore } from '../../stores/scaleStore';
import { Delta } from './ComparePanel';

interface SizingPanelProps {
  apps: AppCost[];
  appId?: string;
  report?: RightSizingReport;
  loading: boolean;
  error?: FleetError;
  onPick: (appId: string) => void;
}

const DIRECTION: Record<SizingAdvice['direction'], [label: string, tone: Tone]> = {
  down: ['Size down', 'success'],
  up: ['Size up', 'warning'],
  keep: ['Keep size', 'neutral'],
};

export function SizingPanel({ apps, appId, report, loading, error, onPick }: SizingPanelProps) {
  const sized = apps.filter((a) => a.components.some((c) => c.kind === 'service' || c.kind === 'worker'));
  let body;
  if (!appId)
    body = <EmptyState title="Pick an app">Advice reads a week of CPU, memory and restart metrics.</EmptyState>;
  else if (!report && error)
    body = (
      <ErrorState
        title="Couldn’t read the app’s metrics"
        error={error}
        onRetry={() => onPick(appId)}
        retrying={loading}
      />
    );
  else if (!report || (loading && report.appId !== appId))
    body = <LoadingState label="Reading 7 days of metrics…" rows={3} columns={5} />;
  else if (report.advice.length === 0)
    body = <EmptyState title="Nothing to size">This app has no services or workers.</EmptyState>;
  else body = <AdviceList report={report} />;

  return (
    <div className="sizing" data-testid="sizing-panel">
      <label className="inline-field">
        <span className="inline-field__label">App</span>
        <select
          className="input"
          value={appId ?? ''}
          onChange={(e) => e.target.value && onPick(e.target.value)}
          data-testid="sizing-app"
        >
          {appId ? null : <option value="">Choose an app…</option>}
          {sized.map((a) => (
            <option key={a.appId} value={a.appId}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      {body}
    </div>
  );
}

function AdviceList({ report }: { report: RightSizingReport }) {
  const openAdvised = useScaleStore((s) => s.openAdvised);
  return (
    <ul className="advice-list">
      {report.advice.map((a) => {
        const [label, tone] = DIRECTION[a.direction];
        return (
          <li key={a.component} className="advice" data-testid="advice" data-direction={a.direction}>
            <div className="advice__head">
              <strong className="advice__name">{a.component}</strong>
              <Badge tone={tone}>{label}</Badge>
              <code className="advice__size">
                {a.currentSlug}
                {a.suggestedSlug ? ` → ${a.suggestedSlug}` : ''}
              </code>
              {a.monthlyDelta !== undefined ? (
                <span className="advice__delta">
                  <Delta amount={a.monthlyDelta} /> / month
                </span>
              ) : null}
              {a.suggestedSlug && a.direction !== 'keep' ? (
                <button
                  type="button"
                  className="button button--small advice__apply"
                  onClick={() =>
                    void openAdvised(report.appId, a.component, { advice: a, windowDays: report.windowDays })
                  }
                  title={`Open ${a.component}'s Scale dialog at ${a.suggestedSlug}, to review the cost and confirm`}
                  data-testid="advice-apply"
                >
                  Apply…
                </button>
              ) : null}
            </div>
            <p className="advice__reason">{a.reason}</p>
            <dl className="advice__evidence">
              <Evidence label="CPU p95" value={formatPercent(a.evidence.cpuP95)} />
              <Evidence label="CPU mean" value={formatPercent(a.evidence.cpuMean)} />
              <Evidence label="Memory p95" value={formatPercent(a.evidence.memoryP95)} />
              <Evidence label="Memory mean" value={formatPercent(a.evidence.memoryMean)} />
              <Evidence label={`Restarts (${report.windowDays} d)`} value={String(a.evidence.restarts)} />
              <Evidence label="Samples" value={a.evidence.samples.toLocaleString('en-US')} />
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

function Evidence({ label, value }: { label: string; value: string }) {
  return (
    <div className="advice__fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

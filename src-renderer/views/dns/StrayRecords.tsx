// Records that point at the wrong place without any app's domain check seeing it: at App Platform
// hosts no app here owns (a deleted tenant: Fix deletes it; another team's live app: left alone),
// and at an app here whose spec does not list the record's name (no Fix: the founder decides
// whether the spec or the record is wrong).
import type { DnsCheckReport, DnsFix } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { strayAnchor } from './reportFindings';

interface StrayRecordsProps {
  report: DnsCheckReport;
  onFix: (fix: DnsFix) => void;
  readOnly?: string;
}

export function StrayRecords({ report, onFix, readOnly }: StrayRecordsProps) {
  if (report.dangling.length === 0 && report.unserved.length === 0) {
    return (
      <p className="muted section-empty">Every record that points at App Platform points at an app that serves it.</p>
    );
  }
  return (
    <ul className="dns-dangling">
      {report.dangling.map((d) => (
        <li
          key={`${d.domain}/${d.record.id}`}
          id={strayAnchor(d.domain, d.record.id)}
          className="dns-dangling__item"
          data-testid="dns-dangling-row"
          data-hostname={d.hostname}
          data-severity={d.severity}
        >
          {d.severity === 'problem' ? <Badge tone="danger">dangling</Badge> : <Badge tone="warning">not ours</Badge>}
          <div className="dns-dangling__text">
            <code className="selectable">
              {d.hostname} → {d.record.data}
            </code>
            <p className={d.severity === 'problem' ? 'dns-problem' : 'dns-warning'}>{d.problem}</p>
          </div>
          {d.fix ? (
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => d.fix && onFix(d.fix)}
              disabled={!!readOnly}
              title={readOnly ?? d.fix.summary}
              data-testid="dns-fix-button"
            >
              Fix
            </button>
          ) : (
            <span className="muted dns-dangling__nofix" title="Deleting it could take down another team’s live app">
              No fix offered
            </span>
          )}
        </li>
      ))}
      {report.unserved.map((u) => (
        <li
          key={`${u.domain}/${u.record.id}`}
          id={strayAnchor(u.domain, u.record.id)}
          className="dns-dangling__item"
          data-testid="dns-unserved-row"
          data-hostname={u.hostname}
          data-severity={u.severity}
        >
          <Badge tone="warning">not served</Badge>
          <div className="dns-dangling__text">
            <code className="selectable">
              {u.hostname} → {u.record.data}
            </code>
            <p className="dns-warning">{u.problem}</p>
          </div>
          <span
            className="muted dns-dangling__nofix"
            title="Add the domain to the app’s spec (Specs), or delete the record under Records"
          >
            No fix offered
          </span>
        </li>
      ))}
    </ul>
  );
}

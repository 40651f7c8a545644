// The top of the DNS view: how many problems and warnings the check found, each one a line that
// jumps to where it is shown in full, and jump links to the sections further down the page.
import type { DnsCheckReport } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import './dnsSummary.css';
import { countOf, reportFindings } from './reportFindings';

/** Brings an element into view and marks it for a moment, so the eye finds it. */
export function jumpTo(id: string, block: ScrollLogicalPosition = 'center') {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block, behavior: 'smooth' });
  target.classList.remove('dns-flash');
  // Reflow so the animation restarts when the same target is picked twice.
  void target.offsetWidth;
  target.classList.add('dns-flash');
  target.addEventListener('animationend', () => target.classList.remove('dns-flash'), { once: true });
}

export function CheckSummary({ report }: { report?: DnsCheckReport }) {
  const findings = report ? reportFindings(report) : [];
  const problems = findings.filter((f) => f.severity === 'problem').length;
  const warnings = findings.length - problems;
  const hostnames = report?.apps.reduce((n, a) => n + a.domains.length, 0) ?? 0;
  const ok = report?.apps.reduce((n, a) => n + a.domains.filter((d) => d.severity === 'ok').length, 0) ?? 0;
  const firstFinding = findings[0]?.anchor ?? 'dns-check-title';
  return (
    <nav className="dns-summary" aria-label="DNS summary" data-testid="dns-summary">
      <div className="dns-summary__line">
        {report ? (
          <span className="dns-summary__counts" data-testid="dns-summary-counts">
            <Badge tone={problems > 0 ? 'danger' : 'success'}>{countOf(problems, 'problem')}</Badge>
            <Badge tone={warnings > 0 ? 'warning' : 'muted'}>{countOf(warnings, 'warning')}</Badge>
            <span className="muted">
              {ok} of {countOf(hostnames, 'hostname')} ok
            </span>
          </span>
        ) : (
          <span className="muted">Checking…</span>
        )}
        <span className="dns-summary__jumps">
          <span className="muted">Jump to</span>
          <button
            type="button"
            className="dns-link"
            onClick={() => jumpTo(firstFinding, findings.length > 0 ? 'center' : 'start')}
          >
            Problems
          </button>
          <span aria-hidden="true">·</span>
          <button type="button" className="dns-link" onClick={() => jumpTo('dns-records-title', 'start')}>
            Records
          </button>
          <span aria-hidden="true">·</span>
          <button type="button" className="dns-link" onClick={() => jumpTo('dns-live-title', 'start')}>
            Live check
          </button>
        </span>
      </div>
      {findings.length > 0 ? (
        <ul className="dns-summary__list" data-testid="dns-findings">
          {findings.map((f) => (
            <li key={f.anchor} className="dns-summary__item" data-severity={f.severity} data-testid="dns-finding">
              <Badge tone={f.severity === 'problem' ? 'danger' : 'warning'}>{f.severity}</Badge>
              <button
                type="button"
                className="dns-link dns-summary__host"
                onClick={() => jumpTo(f.anchor)}
                title="Show it in full"
              >
                {f.hostname}
              </button>
              <span className="muted dns-summary__owner">{f.owner}</span>
              <span className="dns-summary__text" title={f.text}>
                {f.text}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

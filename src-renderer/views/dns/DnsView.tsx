// The DNS view: a summary of what the check found (with jump links), the tenant ↔ DNS check
// (every app's custom domains against this account's DNS, with one-click fixes; all-ok apps take
// one line), records pointing where nothing serves them, each zone's records (add, edit, delete),
// and a live check of any hostname from this machine.
import { useEffect } from 'react';
import type { DnsCheckReport, DnsRecord } from '../../../src-preload/contract';
import { EmptyState } from '../../components/EmptyState';
import { InlineWarning } from '../../components/ErrorState';
import { LoadedSection } from '../../components/LoadedSection';
import { RelativeTime } from '../../components/RelativeTime';
import { useDnsStore, type RecordEditor } from '../../stores/dnsStore';
import { useEnvironmentStore } from '../../stores/environmentStore';
import { CheckReport } from './CheckReport';
import { CheckSummary } from './CheckSummary';
import { DeleteRecordDialog, FixDialog, RecordEditorDialog } from './DnsDialogs';
import { LiveCheckPanel } from './LiveCheckPanel';
import { RecordsTable } from './RecordsTable';
import { countOf, recordUsage } from './reportFindings';
import { StrayRecords } from './StrayRecords';
import '../../components/pageHeader.css';
import '../../components/dataTable.css';
import './dns.css';

export function DnsView() {
  const report = useDnsStore((s) => s.report);
  const domains = useDnsStore((s) => s.domains);
  const selected = useDnsStore((s) => s.selectedDomain);
  const records = useDnsStore((s) => (s.selectedDomain ? s.records[s.selectedDomain] : undefined));
  const probes = useDnsStore((s) => s.probes);
  const rechecks = useDnsStore((s) => s.rechecks);
  const liveCheck = useDnsStore((s) => s.liveCheck);
  const highlight = useDnsStore((s) => s.highlight);
  const fix = useDnsStore((s) => s.fix);
  const deletion = useDnsStore((s) => s.deletion);
  const editor = useDnsStore((s) => s.editor);
  const actions = useDnsStore.getState();
  const environment = useEnvironmentStore((s) => s.environment);
  const readOnly = environment?.readOnlyReason;

  useEffect(() => {
    void useDnsStore.getState().load();
  }, []);

  const value = report.value;
  const busy = report.loading || domains.loading;
  return (
    <main className="view view--dns" aria-labelledby="dns-title" aria-busy={busy}>
      <div className="overview-header">
        <div className="overview-header__title">
          <h1 id="dns-title">DNS</h1>
          <Stats report={value} />
        </div>
        <div className="overview-header__tools">
          <button type="button" className="button refresh" onClick={() => void actions.load()} disabled={busy}>
            {busy ? 'Refreshing' : 'Refresh'}
          </button>
        </div>
      </div>
      {readOnly ? <InlineWarning>Changes are off: {readOnly}</InlineWarning> : null}
      <CheckSummary report={value} />

      <section className="section" aria-labelledby="dns-check-title" data-testid="dns-check-section">
        <h2 className="section__title" id="dns-check-title">
          Tenant ↔ DNS check
          <span className="muted section__hint">
            every app’s custom domains against this account’s DNS
            {value ? (
              <>
                {' · checked '}
                <RelativeTime iso={value.checkedAt} />
              </>
            ) : null}
          </span>
        </h2>
        <LoadedSection columns={5} what="the DNS check" state={report} retry={actions.loadReport} rows={6}>
          {(r) =>
            r.apps.length === 0 ? (
              <EmptyState title="No custom domains">
                Every app answers only on its default ingress host; there is nothing to check.
              </EmptyState>
            ) : (
              <CheckReport
                report={r}
                probes={probes}
                rechecks={rechecks}
                onFix={actions.askFix}
                onProbe={(h) => void actions.probe(h)}
                onRecheck={(h) => void actions.recheck(h)}
                readOnly={readOnly}
              />
            )
          }
        </LoadedSection>
      </section>

      <section className="section" aria-labelledby="dns-dangling-title">
        <h2 className="section__title" id="dns-dangling-title">
          Records no app of this account serves
          {value ? <span className="section__count">{value.dangling.length + value.unserved.length}</span> : null}
          <span className="muted section__hint">
            pointing at another account’s app, a deleted one, or an app without that domain
          </span>
        </h2>
        {value ? <StrayRecords report={value} onFix={actions.askFix} readOnly={readOnly} /> : null}
      </section>

      <section className="section" aria-labelledby="dns-records-title" data-testid="dns-records-section">
        <h2 className="section__title" id="dns-records-title">
          Records
          <span className="muted section__hint">DigitalOcean DNS zones of this account</span>
        </h2>
        <LoadedSection columns={5} what="domains" state={domains} retry={actions.loadDomains} rows={3}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title="No domains in this account">
                Add a domain under Networking → Domains in DigitalOcean to manage its records here.
              </EmptyState>
            ) : (
              <>
                <div className="dns-zone-bar">
                  <div className="dns-zone-tabs" role="tablist" aria-label="Zones">
                    {list.map((d) => (
                      <button
                        key={d.name}
                        type="button"
                        role="tab"
                        aria-selected={d.name === selected}
                        className={`dns-zone-tab${d.name === selected ? ' is-selected' : ''}`}
                        onClick={() => void actions.selectDomain(d.name)}
                      >
                        {d.name}
                      </button>
                    ))}
                  </div>
                  {selected ? (
                    <button
                      type="button"
                      className="button button--primary"
                      onClick={() => actions.openEditor(selected)}
                      disabled={!!readOnly}
                      title={readOnly}
                      data-testid="dns-add-record"
                    >
                      Add record
                    </button>
                  ) : null}
                </div>
                {selected && records ? (
                  <LoadedSection
                    columns={5}
                    what={`the records of ${selected}`}
                    state={records}
                    retry={() => actions.loadRecords(selected)}
                    rows={6}
                  >
                    {(rs) => (
                      <RecordsTable
                        zone={selected}
                        records={rs}
                        highlightId={highlight?.domain === selected ? highlight.id : undefined}
                        onEdit={(r) => actions.openEditor(selected, r)}
                        onDelete={(r) => actions.askDelete(selected, r)}
                        readOnly={readOnly}
                        refreshing={records.loading}
                      />
                    )}
                  </LoadedSection>
                ) : null}
              </>
            )
          }
        </LoadedSection>
      </section>

      <section className="section" aria-labelledby="dns-live-title" data-testid="dns-live-section">
        <h2 className="section__title" id="dns-live-title">
          Live check
          <span className="muted section__hint">resolve a hostname from this machine and open HTTPS to it</span>
        </h2>
        <LiveCheckPanel
          check={liveCheck}
          onType={actions.typeLive}
          onCheck={() => void actions.checkLive()}
          demo={environment?.mode === 'demo'}
        />
      </section>

      {fix ? (
        <FixDialog
          fix={fix.target}
          busy={fix.busy}
          error={fix.error}
          onConfirm={() => void actions.confirmFix()}
          onClose={actions.cancelFix}
        />
      ) : null}
      {deletion ? (
        <DeleteRecordDialog
          domain={deletion.target.domain}
          record={deletion.target.record}
          usage={recordUsage(value, deletion.target.domain, deletion.target.record, 'delete')}
          busy={deletion.busy}
          error={deletion.error}
          onConfirm={() => void actions.confirmDelete()}
          onClose={actions.cancelDelete}
        />
      ) : null}
      {editor ? (
        <RecordEditorDialog
          editor={editor}
          usage={editedUsage(value, editor, records?.value)}
          onChange={actions.editDraft}
          onSave={() => void actions.saveEditor()}
          onClose={actions.closeEditor}
        />
      ) : null}
    </main>
  );
}

/** What the record being edited serves, to warn before its value changes. */
function editedUsage(report: DnsCheckReport | undefined, editor: RecordEditor, records: DnsRecord[] | undefined) {
  const record = editor.id === undefined ? undefined : records?.find((r) => r.id === editor.id);
  return record ? recordUsage(report, editor.domain, record, 'edit') : [];
}

function Stats({ report }: { report?: DnsCheckReport }) {
  const placeholder = <span className="stat__placeholder">—</span>;
  const domains = report?.apps.reduce((n, a) => n + a.domains.length, 0);
  return (
    <dl className="stats" data-testid="dns-stats">
      <div className="stat">
        <dt>Problems</dt>
        <dd
          data-testid="dns-problems"
          className={report && report.problems > 0 ? 'dns-stat--bad' : undefined}
          title={report ? countOf(report.problems, 'problem') : undefined}
        >
          {report ? report.problems : placeholder}
        </dd>
      </div>
      <div className="stat">
        <dt>Warnings</dt>
        <dd data-testid="dns-warnings" className={report && report.warnings > 0 ? 'dns-stat--warn' : undefined}>
          {report ? report.warnings : placeholder}
        </dd>
      </div>
      <div className="stat">
        <dt>Hostnames checked</dt>
        <dd>{report ? domains : placeholder}</dd>
      </div>
      <div className="stat">
        <dt>Zones</dt>
        <dd>{report ? report.zones.length : placeholder}</dd>
      </div>
    </dl>
  );
}

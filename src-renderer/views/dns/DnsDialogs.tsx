// The DNS view's confirmations and editor: a fix shows exactly the record it creates, corrects or
// deletes; deleting or editing a record says which live app domains it serves; the editor keeps
// what was typed when the API says no.
import type { FormEvent } from 'react';
import type { DnsFix, DnsRecord, DnsRecordInput, DnsRecordType, FleetError } from '../../../src-preload/contract';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { CAA_TAGS } from '../../../src-preload/contract';
import type { RecordDraft, RecordEditor } from '../../stores/dnsStore';
import { fqdn, recordValue } from './dnsFormat';

const FIX_TEXT = {
  create: { title: 'Create a DNS record', confirm: 'Create record' },
  update: { title: 'Correct a DNS record', confirm: 'Update record' },
  delete: { title: 'Delete a DNS record', confirm: 'Delete record' },
} as const;

function RecordFacts({ zone, record, testId }: { zone: string; record: DnsRecordInput; testId?: string }) {
  return (
    <dl className="dns-record-facts" data-testid={testId}>
      <div>
        <dt>Zone</dt>
        <dd>{zone}</dd>
      </div>
      <div>
        <dt>Type</dt>
        <dd>
          <span className="code-chip">{record.type}</span>
        </dd>
      </div>
      <div>
        <dt>Name</dt>
        <dd>
          <code className="selectable">{record.name}</code> <span className="muted">({fqdn(zone, record.name)})</span>
        </dd>
      </div>
      <div>
        <dt>Value</dt>
        <dd>
          <code className="selectable dns-record-facts__value">{recordValue(record, { exact: true })}</code>
        </dd>
      </div>
      <div>
        <dt>TTL</dt>
        <dd className="tabular">{record.ttl} s</dd>
      </div>
    </dl>
  );
}

function ErrorLine({ error }: { error?: FleetError }) {
  return error ? (
    <p className="field-error" role="alert" data-testid="dns-dialog-error">
      {error.message}
    </p>
  ) : null;
}

/** What the record serves, from the last check, in the warning colour: said before it is changed. */
function UsageWarning({ usage }: { usage: readonly string[] }) {
  if (usage.length === 0) return null;
  return (
    <div className="dns-usage" role="note" data-testid="dns-record-usage">
      {usage.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/** When resolvers see the fix: cached answers for the name live as long as their TTL. */
function propagationNote(fix: DnsFix): string {
  if (fix.kind === 'delete') return 'The name stops resolving once caches expire (the record’s TTL).';
  if (fix.kind === 'update' && fix.before) {
    return `Resolvers see the change once caches expire (the old record’s TTL, ${fix.before.ttl} s); App Platform re-validates the domain on its own.`;
  }
  return 'Resolvers that looked the name up recently see the new record once their cached answer expires (minutes, at most the zone’s negative-caching time); App Platform re-validates the domain on its own.';
}

interface FixDialogProps {
  fix: DnsFix;
  busy: boolean;
  error?: FleetError;
  onConfirm: () => void;
  onClose: () => void;
}

export function FixDialog({ fix, busy, error, onConfirm, onClose }: FixDialogProps) {
  const text = FIX_TEXT[fix.kind];
  return (
    <ConfirmDialog
      title={text.title}
      subtitle={fix.summary}
      confirmLabel={busy ? 'Applying…' : text.confirm}
      tone={fix.kind === 'delete' ? 'danger' : 'primary'}
      onConfirm={onConfirm}
      onClose={onClose}
      busy={busy}
      testId="dns-fix-dialog"
    >
      {fix.kind === 'update' && fix.before ? (
        <div className="dns-fix-compare">
          <div>
            <h3 className="dns-fix-compare__label">Now</h3>
            <RecordFacts zone={fix.domain} record={fix.before} />
          </div>
          <div>
            <h3 className="dns-fix-compare__label">After</h3>
            <RecordFacts zone={fix.domain} record={fix.record} testId="dns-fix-record" />
          </div>
        </div>
      ) : (
        <RecordFacts zone={fix.domain} record={fix.record} testId="dns-fix-record" />
      )}
      <p className="muted dns-dialog-note">{propagationNote(fix)}</p>
      <ErrorLine error={error} />
    </ConfirmDialog>
  );
}

export function DeleteRecordDialog({
  domain,
  record,
  usage,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  domain: string;
  record: DnsRecord;
  /** What the record serves now, in words; empty when nothing. */
  usage: readonly string[];
  busy: boolean;
  error?: FleetError;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      title="Delete this record?"
      subtitle={`${record.type} ${fqdn(domain, record.name)}`}
      confirmLabel={busy ? 'Deleting…' : 'Delete record'}
      tone="danger"
      onConfirm={onConfirm}
      onClose={onClose}
      busy={busy}
      testId="dns-delete-dialog"
    >
      <RecordFacts zone={domain} record={record} />
      <UsageWarning usage={usage} />
      <p className="muted dns-dialog-note">There is no undo: to get it back, add it again by hand.</p>
      <ErrorLine error={error} />
    </ConfirmDialog>
  );
}

const EDITABLE_TYPES: DnsRecordType[] = ['A', 'AAAA', 'CNAME', 'TXT', 'MX', 'NS', 'SRV', 'CAA'];
const VALUE_HINT: Partial<Record<DnsRecordType, string>> = {
  A: 'An IPv4 address, e.g. 203.0.113.10',
  AAAA: 'An IPv6 address, e.g. 2001:db8::1',
  CNAME: 'A hostname, e.g. my-app-xxxxx.ondigitalocean.app',
  TXT: 'Any text, e.g. v=spf1 include:_spf.google.com ~all',
  MX: 'A mail server’s hostname',
  NS: 'A name server’s hostname',
  SRV: 'The target’s hostname, e.g. sip.example.com; the name is _service._proto, e.g. _sip._tls',
  CAA: 'The certificate authority’s domain, e.g. letsencrypt.org (for iodef: a mailto: or https: URL)',
};
const TAG_HINT: Record<(typeof CAA_TAGS)[number], string> = {
  issue: 'issue: may issue certificates',
  issuewild: 'issuewild: may issue wildcard certificates',
  iodef: 'iodef: where to report refused requests',
};

/** A number field of the editor, kept as typed. */
function NumberField({
  label,
  value,
  field,
  onChange,
}: {
  label: string;
  value: string;
  field: 'priority' | 'weight' | 'port' | 'flags';
  onChange: (patch: Partial<RecordDraft>) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="input input--number"
        inputMode="numeric"
        value={value}
        onChange={(e) => onChange({ [field]: e.target.value })}
        data-testid={`record-${field}`}
      />
    </label>
  );
}

interface RecordEditorDialogProps {
  editor: RecordEditor;
  /** What the edited record serves now, in words; empty when nothing (or a new record). */
  usage: readonly string[];
  onChange: (patch: Partial<RecordDraft>) => void;
  onSave: () => void;
  onClose: () => void;
}

export function RecordEditorDialog({ editor, usage, onChange, onSave, onClose }: RecordEditorDialogProps) {
  const { draft, domain, saving, error } = editor;
  const editing = editor.id !== undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  const types = EDITABLE_TYPES.includes(draft.type) ? EDITABLE_TYPES : [draft.type, ...EDITABLE_TYPES];
  return (
    <Dialog
      title={editing ? 'Edit record' : 'Add a record'}
      subtitle={`in ${domain}`}
      onClose={onClose}
      busy={saving}
      testId="record-editor"
      footer={
        <>
          <span className="dialog__aside" />
          <button type="button" className="button" onClick={onClose} disabled={saving}>
            Cancel
          </button>
          <button
            type="submit"
            form="dns-record-form"
            className="button button--primary"
            disabled={saving}
            data-testid="record-save"
          >
            {saving ? 'Saving…' : editing ? 'Save record' : 'Add record'}
          </button>
        </>
      }
    >
      <form id="dns-record-form" className="dns-record-form" onSubmit={submit} noValidate>
        <UsageWarning usage={usage} />
        <label className="field">
          <span className="field__label">Type</span>
          <select
            className="input"
            value={draft.type}
            disabled={editing}
            title={editing ? 'A record’s type can’t change: delete it and add a new one' : undefined}
            onChange={(e) => onChange({ type: e.target.value as DnsRecordType })}
            data-testid="record-type"
          >
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Name</span>
          <span className="dns-name-input">
            <input
              className="input"
              value={draft.name}
              onChange={(e) => onChange({ name: e.target.value })}
              placeholder="app"
              autoFocus
              data-testid="record-name"
            />
            <span className="muted">.{domain}</span>
          </span>
          <span className="field__hint">
            “@” is {domain} itself; “*” is every sub-domain without a record of its own.
          </span>
        </label>
        <label className="field">
          <span className="field__label">Value</span>
          <input
            className="input"
            value={draft.data}
            onChange={(e) => onChange({ data: e.target.value })}
            data-testid="record-data"
          />
          <span className="field__hint">{VALUE_HINT[draft.type] ?? ''}</span>
        </label>
        <div className="dns-record-form__numbers">
          <label className="field">
            <span className="field__label">TTL (seconds)</span>
            <input
              className="input input--number"
              inputMode="numeric"
              value={draft.ttl}
              onChange={(e) => onChange({ ttl: e.target.value })}
              data-testid="record-ttl"
            />
          </label>
          {draft.type === 'MX' || draft.type === 'SRV' ? (
            <NumberField label="Priority" value={draft.priority} field="priority" onChange={onChange} />
          ) : null}
          {draft.type === 'SRV' ? (
            <>
              <NumberField label="Weight" value={draft.weight} field="weight" onChange={onChange} />
              <NumberField label="Port" value={draft.port} field="port" onChange={onChange} />
            </>
          ) : null}
          {draft.type === 'CAA' ? (
            <>
              <NumberField label="Flags" value={draft.flags} field="flags" onChange={onChange} />
              <label className="field">
                <span className="field__label">Tag</span>
                <select
                  className="input"
                  value={draft.tag}
                  onChange={(e) => onChange({ tag: e.target.value })}
                  data-testid="record-tag"
                >
                  {draft.tag && !(CAA_TAGS as readonly string[]).includes(draft.tag) ? (
                    <option value={draft.tag}>{draft.tag}</option>
                  ) : null}
                  {CAA_TAGS.map((t) => (
                    <option key={t} value={t} title={TAG_HINT[t]}>
                      {t}
                    </option>
                  ))}
                </select>
              </label>
            </>
          ) : null}
        </div>
        {draft.type === 'CAA' && draft.tag in TAG_HINT ? (
          <p className="field__hint">{TAG_HINT[draft.tag as keyof typeof TAG_HINT]}; flags 128 marks it critical.</p>
        ) : null}
        <ErrorLine error={error} />
      </form>
    </Dialog>
  );
}

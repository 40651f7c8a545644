// "Check live" for any hostname: resolve it from this machine and open HTTPS to it. Its result
// shows right here, under the input, even for a hostname the check above also lists.
import type { FormEvent } from 'react';
import type { LiveCheck } from '../../stores/dnsStore';
import { LiveProbeResult } from './LiveProbeResult';

interface LiveCheckPanelProps {
  check: LiveCheck;
  onType: (typed: string) => void;
  onCheck: () => void;
  /** Where names resolve: the sandbox's DNS in the demo, the system resolver otherwise. */
  demo: boolean;
}

export function LiveCheckPanel({ check, onType, onCheck, demo }: LiveCheckPanelProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCheck();
  };
  const loading = !!check.result?.loading;
  return (
    <div className="dns-live">
      <form className="dns-live__form" onSubmit={submit} data-testid="dns-live-form" noValidate>
        <label className="visually-hidden" htmlFor="dns-live-host">
          Hostname to check
        </label>
        <input
          id="dns-live-host"
          className={`input dns-live__input${check.inputError ? ' input--invalid' : ''}`}
          value={check.typed}
          onChange={(e) => onType(e.target.value)}
          placeholder="demo.taskifai.com"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={!!check.inputError}
          aria-describedby={check.inputError ? 'dns-live-error' : undefined}
        />
        <button type="submit" className="button button--primary" disabled={!check.typed.trim() || loading}>
          {loading ? 'Checking…' : 'Check live'}
        </button>
        <span className="muted dns-live__hint">
          {demo
            ? 'Resolved by the demo sandbox’s DNS server; HTTPS goes to its loopback edge (self-signed certificates, read without trust).'
            : 'Resolved by this machine’s resolver; HTTPS must present a trusted certificate.'}
        </span>
      </form>
      {check.inputError ? (
        <p className="field-error" id="dns-live-error" role="alert" data-testid="dns-live-error">
          {check.inputError}
        </p>
      ) : null}
      {check.result ? <LiveProbeResult state={check.result} /> : null}
    </div>
  );
}

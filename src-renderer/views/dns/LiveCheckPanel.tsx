// "Check live" for any hostname: resolve it from this machine and open HTTPS to it.
import { useState, type FormEvent } from 'react';
import type { LiveProbe } from '../../../src-preload/contract';
import type { Loadable } from '../../stores/dnsStore';
import { LiveProbeResult } from './LiveProbeResult';

interface LiveCheckPanelProps {
  probes: Record<string, Loadable<LiveProbe>>;
  onProbe: (hostname: string) => void;
  /** Where names resolve: the sandbox's DNS in the demo, the system resolver otherwise. */
  demo: boolean;
}

export function LiveCheckPanel({ probes, onProbe, demo }: LiveCheckPanelProps) {
  const [hostname, setHostname] = useState('');
  const [checked, setChecked] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = hostname.trim().toLowerCase();
    if (!name) return;
    setChecked(name);
    onProbe(name);
  };
  const state = checked ? probes[checked] : undefined;
  return (
    <div className="dns-live">
      <form className="dns-live__form" onSubmit={submit} data-testid="dns-live-form">
        <label className="visually-hidden" htmlFor="dns-live-host">
          Hostname to check
        </label>
        <input
          id="dns-live-host"
          className="input dns-live__input"
          value={hostname}
          onChange={(e) => setHostname(e.target.value)}
          placeholder="demo.taskifai.com"
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" className="button button--primary" disabled={!hostname.trim() || !!state?.loading}>
          {state?.loading ? 'Checking…' : 'Check live'}
        </button>
        <span className="muted dns-live__hint">
          {demo
            ? 'Resolved by the demo sandbox’s DNS server; HTTPS goes to its loopback edge (self-signed certificates, read without trust).'
            : 'Resolved by this machine’s resolver; HTTPS must present a trusted certificate.'}
        </span>
      </form>
      {state ? <LiveProbeResult state={state} /> : null}
    </div>
  );
}

// Adding an account. The token field is uncontrolled on purpose: its value is read once on
// submit and handed to the store action, so it never lives in React state, in a store, or in the
// input's `value` attribute that React would otherwise mirror. It is wiped once the account is
// added; after a failed check it stays in the password field, so a typo can be fixed in place.
import { useRef, useState, type FormEvent } from 'react';
import type { AccountProvider } from '../../../src-preload/contract';
import { useAccountsStore } from '../../stores/accountsStore';
import { PROVIDER_NAMES, PROVIDERS } from './providers';
import '../../components/states.css';

const SUGGESTED_CONTEXTS = ['production', 'staging'];

export function AddAccountForm() {
  const overview = useAccountsStore((s) => s.overview);
  const adding = useAccountsStore((s) => s.adding);
  const { add, resetAdd } = useAccountsStore.getState();
  const [provider, setProvider] = useState<AccountProvider>('digitalocean');
  const [context, setContext] = useState('production');
  const [label, setLabel] = useState('');
  const [memoryOnly, setMemoryOnly] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);

  const keychain = overview?.keychain;
  const noKeychain = keychain ? !keychain.available : false;
  const checking = adding.status === 'checking';
  const existing = (overview?.contexts ?? []).filter((c) => !c.demo).map((c) => c.name);
  const suggestions = [...new Set([...existing, ...SUGGESTED_CONTEXTS])];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const field = tokenRef.current;
    const token = field?.value.trim() ?? '';
    if (!token || !context.trim()) return;
    const ok = await add({ provider, context, label, token, memoryOnly: memoryOnly || noKeychain });
    if (ok) {
      if (field) field.value = '';
      setLabel('');
    } else {
      field?.focus();
    }
  };

  return (
    <section className="settings-section" aria-labelledby="add-account-title" data-testid="add-account">
      <h2 id="add-account-title" className="settings-section__title">
        Add account
      </h2>
      {noKeychain ? (
        <div className="keychain-warning" role="note" data-testid="keychain-warning">
          <strong>The system keychain isn’t available.</strong> {keychain?.problem}
          <span className="keychain-warning__detail">
            Fleetdeck never writes tokens to disk, so a token can only be kept in memory until Fleetdeck quits. You’ll
            paste it again next time.
          </span>
        </div>
      ) : null}
      <form className="add-account" onSubmit={(e) => void onSubmit(e)} autoComplete="off">
        <label className="field">
          <span className="field__label">Provider</span>
          <select
            className="input"
            value={provider}
            disabled={checking}
            onChange={(e) => {
              setProvider(e.target.value as AccountProvider);
              resetAdd();
            }}
          >
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Context</span>
          <input
            className="input"
            list="account-context-suggestions"
            value={context}
            required
            maxLength={60}
            disabled={checking}
            onChange={(e) => setContext(e.target.value)}
          />
          <datalist id="account-context-suggestions">
            {suggestions.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span className="field__label">Label (optional)</span>
          <input
            className="input"
            value={label}
            maxLength={80}
            placeholder="e.g. TaskifAI team"
            disabled={checking}
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
        <label className="field add-account__token">
          <span className="field__label">Token</span>
          <input
            ref={tokenRef}
            className="input"
            type="password"
            name="fleetdeck-token"
            autoComplete="off"
            spellCheck={false}
            required
            disabled={checking}
            placeholder={provider === 'digitalocean' ? 'dop_v1_…' : provider === 'github' ? 'github_pat_…' : 'sbp_…'}
          />
        </label>
        <label className="add-account__memory">
          {/* Without a keychain there is no choice to make: shown ticked, so no form bubble asks for it. */}
          <input
            type="checkbox"
            checked={memoryOnly || noKeychain}
            disabled={checking || noKeychain}
            onChange={(e) => setMemoryOnly(e.target.checked)}
          />
          <span>
            Keep only until Fleetdeck quits
            <span className="field__hint">
              {noKeychain
                ? ' — without a keychain, memory is the only place Fleetdeck keeps a token.'
                : ' — otherwise the token is stored in the system keychain.'}
            </span>
          </span>
        </label>
        <div className="add-account__submit">
          <button type="submit" className="button button--primary" disabled={checking}>
            {checking ? 'Checking…' : 'Add account'}
          </button>
        </div>
      </form>
      <AddResult />
    </section>
  );
}

function AddResult() {
  const adding = useAccountsStore((s) => s.adding);
  if (adding.status === 'checking') {
    return (
      <p className="add-result add-result--checking" role="status" data-testid="add-result">
        <span className="spinner" aria-hidden="true" />
        Checking the token with {PROVIDER_NAMES[adding.provider]}…
      </p>
    );
  }
  if (adding.status === 'failed') {
    return (
      <p className="add-result add-result--error" role="alert" data-testid="add-result">
        <span className="inline-warning__icon" aria-hidden="true">
          !
        </span>
        {adding.error.message}
      </p>
    );
  }
  if (adding.status === 'added') {
    const { account } = adding;
    return (
      <div className="add-result add-result--ok" role="status" data-testid="add-result">
        <p>
          Added <strong>{account.label}</strong> to <strong>{account.context}</strong>
          {account.owner ? (
            <>
              {' '}
              — it belongs to <strong>{account.owner}</strong>
            </>
          ) : null}
          . Token <code>…{account.lastFour}</code>, kept{' '}
          {account.storage === 'keychain' ? 'in the keychain' : 'until Fleetdeck quits'}.
        </p>
        {account.limitations.length ? (
          <ul className="account-card__limitations">
            {account.limitations.map((text) => (
              <li key={text}>
                <span className="inline-warning__icon" aria-hidden="true">
                  !
                </span>
                {text}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return null;
}

// One connected account: who it belongs to, what it can and cannot do, where its token is kept,
// and the actions on it. Only the token's last four characters ever reach this component.
import { useState } from 'react';
import type { AccountSummary } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { RelativeTime } from '../../components/RelativeTime';
import { accountKey, useAccountsStore } from '../../stores/accountsStore';
import { PROVIDER_INITIALS, PROVIDER_NAMES } from './providers';
import '../../components/states.css';

export function AccountCard({ account }: { account: AccountSummary }) {
  const key = accountKey(account);
  const busy = useAccountsStore((s) => s.busy[key]);
  const error = useAccountsStore((s) => s.accountErrors[key]);
  const { revalidate, rename, remove } = useAccountsStore.getState();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(account.label);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const attention = account.status === 'needs_attention';
  const providerName = PROVIDER_NAMES[account.provider];

  const submitRename = async () => {
    const label = draft.trim();
    if (!label || label === account.label) {
      setEditing(false);
      return;
    }
    if (await rename(account, label)) setEditing(false);
  };

  return (
    <li
      className={`account-card${attention ? ' account-card--attention' : ''}`}
      data-testid="account-card"
      data-provider={account.provider}
      data-context={account.context}
    >
      <span className={`provider-logo provider-logo--${account.provider}`} aria-hidden="true">
        {PROVIDER_INITIALS[account.provider]}
      </span>
      <div className="account-card__body">
        <div className="account-card__title">
          {editing ? (
            <form
              className="account-card__rename"
              onSubmit={(e) => {
                e.preventDefault();
                void submitRename();
              }}
            >
              <input
                className="input"
                aria-label={`New label for the ${providerName} account in ${account.context}`}
                value={draft}
                maxLength={80}
                autoFocus
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') setEditing(false);
                }}
              />
              <button type="submit" className="button button--small button--primary" disabled={busy === 'renaming'}>
                {busy === 'renaming' ? 'Saving…' : 'Save'}
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </form>
          ) : (
            <h3 className="account-card__label">{account.label}</h3>
          )}
          <span className="account-card__provider">{providerName}</span>
          {attention ? <Badge tone="danger">Needs attention</Badge> : <Badge tone="success">Connected</Badge>}
          <span
            className={`storage-badge storage-badge--${account.storage}`}
            title={
              account.storage === 'keychain'
                ? 'The token is kept in the operating system’s keychain.'
                : 'The token is kept in memory only and forgotten when Fleetdeck quits.'
            }
          >
            {account.storage === 'keychain' ? 'Keychain' : 'Until quit'}
          </span>
        </div>
        {attention ? (
          <p className="account-card__problem" role="alert">
            {account.problem ?? 'This account needs attention.'} Re-validate it, or remove it and add a new token.
          </p>
        ) : null}
        <dl className="account-card__facts">
          <div>
            <dt>Owner</dt>
            <dd data-testid="account-owner">{account.owner ?? <span className="muted">unknown</span>}</dd>
          </div>
          <div>
            <dt>Token</dt>
            <dd>
              <code className="account-card__token" data-testid="account-last-four">
                …{account.lastFour}
              </code>
            </dd>
          </div>
          <div>
            <dt>Scopes</dt>
            <dd>{account.scopes.length ? account.scopes.join(', ') : <span className="muted">—</span>}</dd>
          </div>
          <div>
            <dt>Validated</dt>
            <dd>
              <RelativeTime iso={account.validatedAt} />
            </dd>
          </div>
        </dl>
        {account.limitations.length ? (
          <ul className="account-card__limitations" data-testid="account-limitations">
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
        {error ? (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        ) : null}
      </div>
      <div className="account-card__actions">
        {confirmingRemove ? (
          <div className="account-card__confirm" role="group" aria-label="Confirm removal">
            <span>
              Remove this account?{' '}
              {account.storage === 'keychain' ? 'Its token is deleted from the keychain.' : 'Its token is forgotten.'}
            </span>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={busy === 'removing'}
              onClick={() => void remove(account).then((ok) => ok || setConfirmingRemove(false))}
            >
              {busy === 'removing' ? 'Removing…' : 'Remove'}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setConfirmingRemove(false)}
            >
              Keep
            </button>
          </div>
        ) : (
          <>
            <button
              type="button"
              className="button button--small"
              disabled={!!busy}
              onClick={() => void revalidate(account)}
            >
              {busy === 'revalidating' ? 'Checking…' : 'Re-validate'}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              disabled={!!busy || editing}
              onClick={() => {
                setDraft(account.label);
                setEditing(true);
              }}
            >
              Rename
            </button>
            <button
              type="button"
              className="button button--small button--danger-quiet"
              disabled={!!busy}
              onClick={() => setConfirmingRemove(true)}
            >
              Remove…
            </button>
          </>
        )}
      </div>
    </li>
  );
}

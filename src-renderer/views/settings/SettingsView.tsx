// Settings → Accounts: the accounts Fleetdeck holds, grouped by context, and the form that adds
// one. The overview arrives through the accounts store's stream, started with the app.
import { DEMO_CONTEXT, DEMO_STAGING_CONTEXT, type AccountSummary } from '../../../src-preload/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useAccountsStore } from '../../stores/accountsStore';
import { useEnvironmentStore } from '../../stores/environmentStore';
import { AccountCard } from './AccountCard';
import { AddAccountForm } from './AddAccountForm';
import { ThemeSection } from './ThemeSection';
import { AlertPoliciesSection } from './AlertPoliciesSection';
import './settings.css';

function groupByContext(accounts: AccountSummary[]): Array<[string, AccountSummary[]]> {
  const groups = new Map<string, AccountSummary[]>();
  for (const account of accounts) groups.set(account.context, [...(groups.get(account.context) ?? []), account]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([context, list]) => [context, list.sort((x, y) => x.provider.localeCompare(y.provider))]);
}

export function SettingsView() {
  const overview = useAccountsStore((s) => s.overview);
  const loading = useAccountsStore((s) => s.loading);
  const error = useAccountsStore((s) => s.error);
  const reload = useAccountsStore((s) => s.reload);

  let accounts;
  if (!overview && error) {
    accounts = (
      <ErrorState title="Couldn’t read the accounts" error={error} onRetry={() => void reload()} retrying={loading} />
    );
  } else if (!overview) {
    accounts = <LoadingState label="Loading accounts…" />;
  } else if (overview.accounts.length === 0) {
    accounts = (
      <EmptyState title="No accounts yet">
        You’re looking at the {overview.activeContext === DEMO_STAGING_CONTEXT ? DEMO_STAGING_CONTEXT : DEMO_CONTEXT}, a
        sandbox cloud. Add a DigitalOcean token below to see your real apps; Supabase and GitHub accounts join the same
        context.
      </EmptyState>
    );
  } else {
    accounts = (
      <>
        {error ? (
          <InlineWarning error={error}>Lost the accounts stream; showing the last overview.</InlineWarning>
        ) : null}
        {groupByContext(overview.accounts).map(([context, list]) => (
          <section
            key={context}
            className="context-group"
            aria-label={`Context ${context}`}
            data-testid="context-group"
          >
            <h3 className="context-group__title">
              {context}
              {context === overview.activeContext ? <span className="context-group__active">active</span> : null}
            </h3>
            <ul className="account-list">
              {list.map((account) => (
                <AccountCard key={`${account.provider}:${account.context}`} account={account} />
              ))}
            </ul>
          </section>
        ))}
      </>
    );
  }

  return (
    <main className="view view--settings" aria-labelledby="settings-title" aria-busy={loading}>
      <div className="settings">
        <header className="settings__header">
          <h1 id="settings-title">Settings</h1>
          <span className="muted">
            Accounts are grouped by context; switch contexts from the top bar. Tokens go to the main process once and
            are never shown again.
          </span>
        </header>
        <section className="settings-section" aria-labelledby="accounts-title" data-testid="accounts">
          <h2 id="accounts-title" className="settings-section__title">
            Accounts
          </h2>
          {accounts}
        </section>
        <AddAccountForm />
        <AlertPoliciesSection />
        <ThemeSection />
        <ApiEndpointsNote />
      </div>
    </main>
  );
}

const PROVIDER_NAMES = { digitalocean: 'DigitalOcean', supabase: 'Supabase', github: 'GitHub' } as const;

/** Where tokens go when an API's address was changed at start (environment variables or flags). */
function ApiEndpointsNote() {
  const overrides = useEnvironmentStore((s) => s.environment?.apiOverrides);
  const set = Object.entries(overrides ?? {}).filter(
    (entry): entry is [keyof typeof PROVIDER_NAMES, string] => !!entry[1],
  );
  if (set.length === 0) return null;
  return (
    <section className="settings-section" aria-labelledby="endpoints-title" data-testid="api-endpoints">
      <h2 id="endpoints-title" className="settings-section__title">
        API endpoints
      </h2>
      <p className="muted">
        Set when Fleetdeck started; accounts in every context but the demo fleet use these instead of the public APIs.
      </p>
      <dl className="settings-endpoints">
        {set.map(([provider, url]) => (
          <div key={provider}>
            <dt>{PROVIDER_NAMES[provider]}</dt>
            <dd>
              <code>{url}</code>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

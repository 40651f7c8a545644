// The Infrastructure view's confirmations, one open at a time: each says what will happen and
// what it costs before the one button does it, refuses bad input before anything is sent, and
// shows the API's own words when it says no.
import type { ReactNode } from 'react';
import type {
  DatabaseClusterView,
  DropletView,
  FleetError,
  InfrastructureInventory,
} from '../../../src-preload/contract';
import { databaseNameProblem } from '../../../src-preload/contract/infrastructure';
import { ConfirmDialog } from '../../components/Dialog';
import { SizeSelect } from '../../components/SizeSelect';
import { formatUsd } from '../../format';
import { useInfrastructureStore, type InfraDialog } from '../../stores/infrastructureStore';

export function InfraDialogs() {
  const dialog = useInfrastructureStore((s) => s.dialog);
  const inventory = useInfrastructureStore((s) => s.inventory.value);
  const busy = useInfrastructureStore((s) => s.busy);
  const error = useInfrastructureStore((s) => s.error);
  if (!dialog || !inventory) return null;
  return <DialogFor dialog={dialog} inventory={inventory} busy={busy} error={error} />;
}

function DialogFor({
  dialog,
  inventory,
  busy,
  error,
}: {
  dialog: InfraDialog;
  inventory: InfrastructureInventory;
  busy: boolean;
  error?: FleetError;
}) {
  const { close, confirm, edit } = useInfrastructureStore.getState();
  const common = { onClose: close, onConfirm: () => void confirm(), busy, testId: 'infra-dialog' };
  const errorLine = error ? (
    <p className="field-error" role="alert" data-testid="infra-dialog-error">
      {error.message}
    </p>
  ) : null;

  switch (dialog.kind) {
    case 'create-database': {
      const problem = dialog.name ? databaseNameProblem(dialog.name.trim()) : undefined;
      return (
        <ConfirmDialog
          {...common}
          title="New tenant database"
          subtitle={`In ${dialog.cluster}, beside the other tenants’ databases`}
          confirmLabel="Create database"
          confirmDisabled={!dialog.name.trim() || !!problem}
        >
          <label className="field">
            <span className="field__label">Name</span>
            <input
              className={problem ? 'input input--invalid' : 'input'}
              value={dialog.name}
              autoFocus
              spellCheck={false}
              onChange={(e) => edit({ name: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !problem && dialog.name.trim()) void confirm();
              }}
              data-testid="database-name"
              aria-invalid={!!problem}
            />
          </label>
          {problem ? (
            <p className="field-error" role="alert" data-testid="database-name-problem">
              {problem}
            </p>
          ) : (
            <p className="muted small">
              Tenant databases are named tenant_&lt;slug&gt;. Only the database is created: its own user and pool are
              separate steps. The cluster’s price does not change; each database’s share of it does.
            </p>
          )}
          {errorLine}
        </ConfirmDialog>
      );
    }
    case 'delete-database': {
      const pools =
        inventory.clusters.find((c) => c.id === dialog.clusterId)?.databases.find((d) => d.name === dialog.name)
          ?.pools ?? [];
      return (
        <ConfirmDialog
          {...common}
          tone="danger"
          title={`Delete ${dialog.name}?`}
          subtitle={`From ${dialog.cluster}`}
          confirmLabel="Delete database"
          confirmDisabled={dialog.typed !== dialog.name || pools.length > 0}
        >
          {pools.length ? (
            <p className="field-error" data-testid="database-in-use">
              Connection pool {pools.join(', ')} uses it: delete the pool first, then the database.
            </p>
          ) : null}
          <p>
            The database and every table in it are deleted at once; the cluster and its other databases stay. Getting it
            back means restoring a backup of the whole cluster into a new one.
          </p>
          <label className="field">
            <span className="field__label">Type {dialog.name} to confirm</span>
            <input
              className="input"
              value={dialog.typed}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => edit({ typed: e.target.value })}
              data-testid="delete-confirm-name"
            />
          </label>
          {errorLine}
        </ConfirmDialog>
      );
    }
    case 'droplet-action':
      return (
        <ConfirmDialog
          {...common}
          tone={dialog.action === 'power_cycle' ? 'danger' : 'primary'}
          title={dialog.action === 'reboot' ? `Reboot ${dialog.droplet}?` : `Power cycle ${dialog.droplet}?`}
          confirmLabel={dialog.action === 'reboot' ? 'Reboot' : 'Power cycle'}
        >
          <p>
            {dialog.action === 'reboot'
              ? 'The operating system restarts gracefully; what runs on the droplet is down for about a minute.'
              : 'Power is cut and the droplet starts again, like a reset button: what was in memory and not written is lost. Use it when a reboot does not answer.'}{' '}
            A load balancer in front takes it out of rotation while its health check fails. The price does not change.
          </p>
          {errorLine}
        </ConfirmDialog>
      );
    case 'resize-droplet': {
      const droplet = inventory.droplets.find((d) => d.id === dialog.dropletId);
      if (!droplet) return null;
      const target = inventory.sizes.find((s) => s.slug === dialog.size);
      return (
        <ConfirmDialog
          {...common}
          title={`Resize ${droplet.name}`}
          subtitle={`Now ${droplet.sizeSlug} in ${droplet.region}, ${priceOf(droplet.monthlyPrice)}`}
          confirmLabel="Power off and resize"
          confirmDisabled={!target}
        >
          <SizeSelect
            label="New size"
            placeholder="Choose a size…"
            value={dialog.size}
            onChange={(size) => edit({ size })}
            choices={inventory.sizes.map((s) => {
              const why = unavailable(droplet, s);
              return {
                value: s.slug,
                label: `${s.slug} — ${s.vcpus} vCPU, ${s.memoryMb / 1024} GB, ${formatUsd(s.monthlyPrice)}/mo${why ? ` (${why})` : ''}`,
                disabled: !!why,
              };
            })}
            testId="droplet-size"
          />
          <p>
            Fleetdeck powers the droplet off, resizes its CPU and memory, and powers it on: it is offline for a few
            minutes. Its {droplet.diskGb} GB disk stays as it is, so it can be resized back down later.
          </p>
          {target ? <Delta before={droplet.monthlyPrice} after={target.monthlyPrice} /> : null}
          {errorLine}
        </ConfirmDialog>
      );
    }
    case 'resize-cluster': {
      const cluster = inventory.clusters.find((c) => c.id === dialog.clusterId);
      if (!cluster) return null;
      const [size, nodes] = dialog.choice.split('|');
      const option = cluster.resizeOptions.find((o) => o.size === size && String(o.nodes) === nodes);
      return (
        <ConfirmDialog
          {...common}
          title={`Resize ${cluster.name}`}
          subtitle={`Now ${cluster.size} × ${cluster.nodes}, ${priceOf(cluster.monthlyPrice)}`}
          confirmLabel="Resize cluster"
          confirmDisabled={!option}
        >
          <SizeSelect
            label="New size"
            placeholder="Choose a size…"
            value={dialog.choice}
            onChange={(choice) => edit({ choice })}
            choices={cluster.resizeOptions.map((o) => ({
              value: `${o.size}|${o.nodes}`,
              label: `${o.size} × ${o.nodes} node${o.nodes === 1 ? '' : 's'} — ${o.monthlyPrice === undefined ? 'no published price' : `${formatUsd(o.monthlyPrice)}/mo`}`,
              disabled: o.size === cluster.size && o.nodes === cluster.nodes,
            }))}
            testId="cluster-size"
          />
          <p>{resizeWords(cluster)}</p>
          {option ? <Delta before={cluster.monthlyPrice} after={option.monthlyPrice} estimate /> : null}
          {errorLine}
        </ConfirmDialog>
      );
    }
    case 'pool-size': {
      const cluster = inventory.clusters.find((c) => c.id === dialog.clusterId);
      const pool = cluster?.pools.find((p) => p.name === dialog.pool);
      if (!cluster || !pool) return null;
      const others = cluster.pools.filter((p) => p.name !== pool.name).reduce((t, p) => t + p.size, 0);
      const room = cluster.connectionLimit === undefined ? undefined : cluster.connectionLimit - others;
      const size = Number(dialog.size);
      const problem =
        !Number.isInteger(size) || size < 1
          ? 'A whole number of connections, at least 1.'
          : room !== undefined && size > room
            ? `At most ${room}: the other pools hold ${others} of the cluster’s ${cluster.connectionLimit} connections.`
            : undefined;
      return (
        <ConfirmDialog
          {...common}
          title={`Size of pool ${pool.name}`}
          subtitle={`${pool.db} · ${pool.mode} mode · now ${pool.size} connections`}
          confirmLabel="Set size"
          confirmDisabled={!!problem || size === pool.size}
        >
          <label className="field">
            <span className="field__label">Connections</span>
            <input
              className={problem ? 'input input--number input--invalid' : 'input input--number'}
              inputMode="numeric"
              value={dialog.size}
              onChange={(e) => edit({ size: e.target.value })}
              data-testid="pool-size-input"
            />
          </label>
          {problem ? <p className="field-error">{problem}</p> : null}
          <p className="muted small">
            Clients already connected through the pool keep their connections; new ones see the new size. The cluster’s
            price does not change.
          </p>
          {errorLine}
        </ConfirmDialog>
      );
    }
  }
}

function unavailable(droplet: DropletView, size: InfrastructureInventory['sizes'][number]): string | undefined {
  if (size.slug === droplet.sizeSlug) return 'current';
  if (!size.regions.includes(droplet.region)) return `not offered in ${droplet.region}`;
  if (size.diskGb < droplet.diskGb) return 'smaller disk';
  return undefined;
}

function resizeWords(cluster: DatabaseClusterView): string {
  return `The cluster stays online while DigitalOcean moves it to the new size (it reads “resizing” until it is done; connections may drop briefly at the switch). ${
    cluster.databases.some((d) => d.tenant)
      ? 'Every tenant database in it moves together, and each one’s share of the price changes with it.'
      : ''
  }`;
}

const priceOf = (n: number | undefined) => (n === undefined ? 'not priced' : `${formatUsd(n)}/mo`);

function Delta({ before, after, estimate }: { before?: number; after?: number; estimate?: boolean }): ReactNode {
  if (before === undefined || after === undefined) {
    return <p className="muted">The change in price is unknown: one of the sizes has no published price.</p>;
  }
  const delta = Math.round((after - before) * 100) / 100;
  return (
    <p className="infra-delta" data-testid="infra-delta">
      {formatUsd(before)}/mo → <strong>{formatUsd(after)}/mo</strong> ({delta >= 0 ? '+' : '−'}
      {formatUsd(Math.abs(delta))} a month{estimate ? ', estimate from published prices' : ''})
    </p>
  );
}

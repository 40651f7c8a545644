// A product environment's droplets: size and price, region, status (and the action under way),
// tags and addresses, with reboot, power cycle and resize.
import type { DropletView } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { DataTable, RowName, type TableColumn } from '../../components/DataTable';
import { formatUsd, type Tone } from '../../format';
import { useInfrastructureStore } from '../../stores/infrastructureStore';

const STATUS_TONE: Record<DropletView['status'], Tone> = {
  active: 'success',
  new: 'progress',
  off: 'warning',
  archive: 'muted',
};

const DROPLET_COLUMNS: TableColumn[] = [
  { label: 'Droplet' },
  { label: 'Size' },
  { label: 'Region' },
  { label: 'Status' },
  { label: 'Tags' },
  { label: 'Addresses' },
  { label: 'Month', alignEnd: true },
  { label: 'Actions', hidden: true },
];

export function DropletsTable({ droplets, readOnly }: { droplets: DropletView[]; readOnly: boolean }) {
  const open = useInfrastructureStore((s) => s.open);
  return (
    <DataTable
      columns={DROPLET_COLUMNS}
      caption="Droplets"
      className="infra-table"
      captionClassName="infra-caption"
      testId="droplets-table"
    >
      {droplets.map((d) => {
        const running = d.action?.state === 'running';
        return (
          <tr key={d.id} data-testid="droplet-row" data-name={d.name}>
            <RowName name={d.name} detail={d.role} />
            <td>
              <code>{d.sizeSlug}</code>
              <div className="muted small">
                {d.vcpus} vCPU · {d.memoryMb / 1024} GB · {d.diskGb} GB disk
              </div>
            </td>
            <td>{d.region}</td>
            <td data-testid="droplet-status">
              <Badge tone={running ? 'progress' : STATUS_TONE[d.status]}>{running ? d.action!.step : d.status}</Badge>
              {d.action?.state === 'failed' ? (
                <div className="field-error" role="alert">
                  {d.action.message}
                </div>
              ) : null}
              {!d.monitoring ? <div className="muted small">no monitoring agent</div> : null}
            </td>
            <td className="infra-tags">
              {d.tags.map((t) => (
                <span key={t} className="infra-tag">
                  {t}
                </span>
              ))}
            </td>
            <td className="small tabular">
              {d.publicIpv4 ? <div>{d.publicIpv4}</div> : null}
              {d.privateIpv4 ? <div className="muted">{d.privateIpv4} (private)</div> : null}
            </td>
            <td className="align-end tabular" data-testid="droplet-price">
              {d.monthlyPrice === undefined ? '—' : formatUsd(d.monthlyPrice)}
            </td>
            <td className="infra-actions">
              {(['reboot', 'power_cycle'] as const).map((action) => (
                <button
                  key={action}
                  type="button"
                  className="button button--small"
                  disabled={readOnly || running || d.locked}
                  onClick={() => open({ kind: 'droplet-action', dropletId: d.id, droplet: d.name, action })}
                >
                  {action === 'reboot' ? 'Reboot' : 'Power cycle'}
                </button>
              ))}
              <button
                type="button"
                className="button button--small"
                disabled={readOnly || running || d.locked}
                onClick={() => open({ kind: 'resize-droplet', dropletId: d.id, droplet: d.name, size: '' })}
              >
                Resize…
              </button>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

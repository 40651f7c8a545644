// A product environment's block storage volumes: size, region, the droplet each is attached to —
// or that it is attached to none and still billed — filesystem and price (published, an estimate).
import type { VolumeView } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { DataTable, RowName, type TableColumn } from '../../components/DataTable';
import { formatUsd } from '../../format';

const VOLUME_COLUMNS: TableColumn[] = [
  { label: 'Volume' },
  { label: 'Size' },
  { label: 'Region' },
  { label: 'Attached to' },
  { label: 'Filesystem' },
  { label: 'Month', alignEnd: true },
];

export function VolumesTable({ volumes }: { volumes: VolumeView[] }) {
  return (
    <DataTable
      columns={VOLUME_COLUMNS}
      caption="Volumes"
      className="infra-table"
      captionClassName="infra-caption"
      testId="volumes-table"
    >
      {volumes.map((v) => (
        <tr key={v.id} data-testid="volume-row" data-name={v.name}>
          <RowName name={v.name} detail={v.description} />
          <td className="tabular">{v.sizeGib} GiB</td>
          <td>{v.region}</td>
          <td data-testid="volume-attached">
            {v.attachedTo ? (
              (v.attachedTo.name ?? `droplet ${v.attachedTo.dropletId}`)
            ) : (
              <Badge tone="warning">not attached — still billed</Badge>
            )}
          </td>
          <td>
            {v.filesystem ?? <span className="muted">unformatted</span>}
            {v.filesystemLabel ? <div className="muted small">label {v.filesystemLabel}</div> : null}
          </td>
          <td className="align-end tabular" data-testid="volume-price" title={v.priceNote}>
            {formatUsd(v.monthlyPrice)} *
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

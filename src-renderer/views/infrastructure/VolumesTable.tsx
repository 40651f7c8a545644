// A product environment's block storage volumes: size, region, the droplet each is attached to —
// or that it is attached to none and still billed — filesystem and price (published, an estimate).
import type { VolumeView } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { formatUsd } from '../../format';

export function VolumesTable({ volumes }: { volumes: VolumeView[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table infra-table" data-testid="volumes-table">
        <caption className="infra-caption">Volumes</caption>
        <thead>
          <tr>
            <th scope="col">Volume</th>
            <th scope="col">Size</th>
            <th scope="col">Region</th>
            <th scope="col">Attached to</th>
            <th scope="col">Filesystem</th>
            <th scope="col" className="align-end">
              Month
            </th>
          </tr>
        </thead>
        <tbody>
          {volumes.map((v) => (
            <tr key={v.id} data-testid="volume-row" data-name={v.name}>
              <th scope="row">
                <strong>{v.name}</strong>
                {v.description ? <div className="muted small">{v.description}</div> : null}
              </th>
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
        </tbody>
      </table>
    </div>
  );
}

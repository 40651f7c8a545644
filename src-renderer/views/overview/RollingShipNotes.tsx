// In the rolling-deploy dialog: beside each app, what its deploy would ship ("ships 6 commits",
// "nothing new") and its head's CI; under the list, one more confirmation when a head is red.
import type { CiState } from '../../../src-preload/contract';
import { appsWithRedHeads, commitsToShip, type AppShipPreview } from '../../stores/rollingSourcesStore';
import './rolling.css';
import '../actions/deploySource.css';

const CI_WORDS: Record<CiState, string> = { success: 'CI green', failure: 'CI red', pending: 'CI pending', none: '' };

export function ShipNote({ preview }: { preview: AppShipPreview | undefined }) {
  if (!preview || preview.loading) return <span className="muted ship-note">reading commits…</span>;
  if (preview.error || preview.value?.github.state !== 'connected') return null;
  const count = commitsToShip(preview.value);
  const worst = (preview.value?.sources ?? []).map((s) => s.ci);
  const ci: CiState = worst.includes('failure')
    ? 'failure'
    : worst.includes('pending')
      ? 'pending'
      : worst.includes('success')
        ? 'success'
        : 'none';
  return (
    <span className={`ship-note ship-note--${ci}`} data-testid="rolling-ship-note" data-ci={ci}>
      {count === undefined ? '' : count === 0 ? 'nothing new' : `ships ${count} commit${count === 1 ? '' : 's'}`}
      {CI_WORDS[ci] ? ` · ${CI_WORDS[ci]}` : ''}
    </span>
  );
}

export function RedHeadsAck({
  byAppId,
  names,
  acknowledged,
  onAcknowledge,
}: {
  byAppId: Record<string, AppShipPreview>;
  names: ReadonlyMap<string, string>;
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
}) {
  const red = appsWithRedHeads(byAppId).filter((id) => names.has(id));
  if (!red.length) return null;
  return (
    <div className="ship-red" role="alert" data-testid="rolling-ci-red">
      <p className="ship-red__line">
        The branch head of {red.map((id) => names.get(id)).join(', ')} failed CI: deploying ships that head.
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={acknowledged}
          onChange={(e) => onAcknowledge(e.target.checked)}
          data-testid="rolling-ci-ack"
        />
        <span>
          <span className="strong">I know CI failed</span>
          <span className="check__hint">
            Deploy them anyway; each stays on its running version if its deploy fails.
          </span>
        </span>
      </label>
    </div>
  );
}

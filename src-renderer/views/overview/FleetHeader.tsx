import type { ReactNode, RefObject } from 'react';
import type { FleetSnapshot } from '../../../src-preload/contract';
import { Money } from '../../components/Money';
import { formatAbsoluteTime, formatClockTime, formatRelativeTime } from '../../format';
import { useClockStore } from '../../stores/clockStore';
import { useFleetStore, WATCH_INTERVAL_SECONDS } from '../../stores/fleetStore';
import { FleetViewToggle } from '../tenants/FleetViewToggle';
import { countGroups } from './fleetModel';
import '../../components/pageHeader.css';

interface FleetHeaderProps {
  snapshot?: FleetSnapshot;
  loading: boolean;
  visibleCount: number;
  filter: string;
  onFilterChange: (text: string) => void;
  onRefresh: () => void;
  filterRef: RefObject<HTMLInputElement | null>;
  /** Actions on the selected apps, placed after Refresh. */
  actions?: ReactNode;
  /** The oldest health reading of the apps (ISO), and how many were never read yet. */
  healthAsOf?: string;
  healthPending?: number;
}

/** The API's page size: a fleet of one page is re-read on every watch interval. */
const APPS_PER_PAGE = 200;

const HEALTH_AGE_TITLE =
  "The oldest health reading on screen. Health is re-read in the background, longest-unread first, within DigitalOcean's rate limits; each badge shows its own age on hover.";

export function FleetHeader({
  snapshot,
  loading,
  visibleCount,
  filter,
  onFilterChange,
  onRefresh,
  filterRef,
  actions,
  healthAsOf,
  healthPending = 0,
}: FleetHeaderProps) {
  const total = snapshot?.apps.length ?? 0;
  const filtered = snapshot && filter.trim() && visibleCount !== total;
  return (
    <div className="overview-header">
      <div className="overview-header__title">
        <h1 id="overview-title">Fleet</h1>
        <FleetViewToggle current="apps" />
        <dl className="stats" aria-label="Fleet summary">
          <div className="stat stat--apps">
            <dt>Apps</dt>
            <dd data-testid="fleet-app-count">
              {snapshot ? (
                <>
                  {filtered ? (
                    <>
                      {visibleCount}
                      <span className="stat__sub"> of {total} shown</span>
                    </>
                  ) : (
                    <>
                      {total}
                      <span className="stat__sub"> in {countGroups(snapshot.apps)} products</span>
                    </>
                  )}
                </>
              ) : (
                <span className="stat__placeholder">—</span>
              )}
            </dd>
          </div>
          <div className="stat stat--cost">
            <dt>Monthly cost</dt>
            <dd data-testid="fleet-total-cost">
              {snapshot ? (
                <Money cost={snapshot.monthlyCost} suffix="/mo" />
              ) : (
                <span className="stat__placeholder">—</span>
              )}
            </dd>
          </div>
          <div className="stat">
            <dt>Last refreshed</dt>
            <RefreshedAt snapshot={snapshot} total={total} />
          </div>
          <div className="stat">
            <dt>Health as of</dt>
            <dd title={HEALTH_AGE_TITLE} data-testid="fleet-health-age">
              {healthAsOf ? <span className="tabular">{formatClockTime(healthAsOf)}</span> : null}
              {healthAsOf || healthPending > 0 ? (
                <span className="stat__sub">
                  {healthAsOf ? ' · ' : ''}
                  {healthPending > 0 ? `${healthPending} not read yet` : 'oldest reading'}
                </span>
              ) : (
                <span className="stat__placeholder">—</span>
              )}
            </dd>
          </div>
        </dl>
      </div>
      <div className="overview-header__tools">
        <label className="filter">
          <span className="visually-hidden">Filter apps</span>
          <svg className="filter__icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M7 2a5 5 0 1 0 3.1 8.9l3 3 1-1-3-3A5 5 0 0 0 7 2Zm0 1.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7Z" />
          </svg>
          <input
            ref={filterRef}
            type="search"
            className="filter__input"
            placeholder="Filter apps…"
            value={filter}
            onChange={(e) => onFilterChange(e.target.value)}
            data-testid="fleet-filter"
            aria-keyshortcuts="/"
            aria-describedby="filter-hint"
            spellCheck={false}
            autoComplete="off"
          />
          <kbd className="filter__kbd" id="filter-hint" aria-label="Press slash to filter">
            /
          </kbd>
        </label>
        <button
          type="button"
          className="button refresh"
          onClick={onRefresh}
          disabled={loading}
          data-testid="fleet-refresh"
        >
          <svg
            className={loading ? 'refresh__icon refresh__icon--spin' : 'refresh__icon'}
            viewBox="0 0 16 16"
            aria-hidden="true"
          >
            <path d="M13.6 2.4v3.8H9.8l1.5-1.5A4.5 4.5 0 1 0 12.4 9h1.5A6 6 0 1 1 12.4 3.6l1.2-1.2Z" />
          </svg>
          {loading ? 'Refreshing' : 'Refresh'}
        </button>
        {actions}
      </div>
    </div>
  );
}

/**
 * When the fleet was last read. It reads the store itself: a watch tick that changed nothing moves
 * only this time, and must not render the table. While the fleet on screen is the copy kept from
 * the last run, it says so and how old it is.
 */
function RefreshedAt({ snapshot, total }: { snapshot?: FleetSnapshot; total: number }) {
  const refreshedAt = useFleetStore((s) => s.refreshedAt) ?? snapshot?.fetchedAt;
  const cachedAt = useFleetStore((s) => s.cachedAt);
  const nowMs = useClockStore((s) => s.nowMs);
  if (!snapshot || !refreshedAt) {
    return (
      <dd data-testid="fleet-refreshed-at">
        <span className="stat__placeholder">—</span>
      </dd>
    );
  }
  if (cachedAt) {
    return (
      <dd
        title={`Kept from the last run, read ${formatAbsoluteTime(cachedAt)}; refreshing now.`}
        data-testid="fleet-refreshed-at"
      >
        <span className="cached-age" data-testid="fleet-cached-age">
          cached {formatRelativeTime(cachedAt, nowMs)}
        </span>
      </dd>
    );
  }
  return (
    <dd title={formatAbsoluteTime(refreshedAt)} data-testid="fleet-refreshed-at">
      <span className="tabular">{formatClockTime(refreshedAt)}</span>
      <span className="stat__sub">
        {/* Main spaces the watch's reads of a many-page list to keep within the rate limits. */}
        {total > APPS_PER_PAGE ? ' · auto, spaced for a large fleet' : ` · auto every ${WATCH_INTERVAL_SECONDS}s`}
      </span>
    </dd>
  );
}

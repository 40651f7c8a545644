// Filter (hides lines), search (marks them), jumps, pause, download and the buffer size.
import { useRef } from 'react';
import { CAPACITY_CHOICES, useLogsStore } from '../../stores/logsStore';
import { LEVEL_CHOICES, type LevelChoice } from '../../stores/logs/logFilter';

const LEVEL_NAMES: Record<LevelChoice, string> = {
  error: 'Error',
  warn: 'Warn',
  info: 'Info',
  debug: 'Debug',
  none: 'Other',
};

function Toggle({
  on,
  onClick,
  label,
  title,
  testId,
}: {
  on: boolean;
  onClick: () => void;
  label: string;
  title: string;
  testId: string;
}) {
  return (
    <button
      type="button"
      className={`toggle${on ? ' toggle--on' : ''}`}
      aria-pressed={on}
      onClick={onClick}
      title={title}
      data-testid={testId}
    >
      {label}
    </button>
  );
}

export function LogToolbar() {
  const filter = useLogsStore((s) => s.filter);
  const filterError = useLogsStore((s) => s.filterError);
  const search = useLogsStore((s) => s.search);
  const searchError = useLogsStore((s) => s.searchError);
  const searchCount = useLogsStore((s) => s.searchCount);
  const paused = useLogsStore((s) => s.paused);
  const newWhilePaused = useLogsStore((s) => s.newWhilePaused);
  const capacity = useLogsStore((s) => s.capacity);
  const a = useLogsStore.getState();
  const menu = useRef<HTMLDetailsElement>(null);
  const levels = new Set(filter.levels);
  const toggleLevel = (level: LevelChoice) =>
    a.setFilter({ levels: levels.has(level) ? filter.levels.filter((l) => l !== level) : [...filter.levels, level] });
  const download = (scope: 'filtered' | 'all') => {
    a.download(scope);
    menu.current?.removeAttribute('open');
  };

  return (
    <div className="logs-toolbar">
      <div className="logs-toolbar__row" role="group" aria-label="Filter">
        <input
          className={`input input--compact logs-input${filterError ? ' input--invalid' : ''}`}
          type="search"
          placeholder={filter.regex ? 'Filter (regular expression)' : 'Filter lines'}
          aria-label="Filter lines"
          value={filter.text}
          onChange={(e) => a.setFilter({ text: e.target.value })}
          data-testid="log-filter"
        />
        <Toggle
          on={filter.regex}
          onClick={() => a.setFilter({ regex: !filter.regex })}
          label=".*"
          title="Regular expression"
          testId="filter-regex"
        />
        <Toggle
          on={filter.caseSensitive}
          onClick={() => a.setFilter({ caseSensitive: !filter.caseSensitive })}
          label="Aa"
          title="Match case"
          testId="filter-case"
        />
        <Toggle
          on={filter.exclude}
          onClick={() => a.setFilter({ exclude: !filter.exclude })}
          label="Exclude"
          title="Hide matching lines instead of keeping them"
          testId="filter-exclude"
        />
        {filterError ? (
          <span className="logs-error" role="alert">
            {filterError}
          </span>
        ) : null}
        <span className="logs-toolbar__sep" aria-hidden="true" />
        <span className="logs-toolbar__label">Levels</span>
        {LEVEL_CHOICES.map((level) => (
          <Toggle
            key={level}
            on={levels.has(level)}
            onClick={() => toggleLevel(level)}
            label={LEVEL_NAMES[level]}
            title={`Show ${LEVEL_NAMES[level].toLowerCase()} lines`}
            testId={`level-${level}`}
          />
        ))}
      </div>
      <div className="logs-toolbar__row" role="group" aria-label="Search and actions">
        <input
          className={`input input--compact logs-input${searchError ? ' input--invalid' : ''}`}
          type="search"
          placeholder="Search (highlights)"
          aria-label="Search"
          value={search.text}
          onChange={(e) => a.setSearch({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') a.jumpToMatch(e.shiftKey ? -1 : 1);
          }}
          data-testid="log-search"
        />
        <Toggle
          on={search.regex}
          onClick={() => a.setSearch({ regex: !search.regex })}
          label=".*"
          title="Regular expression"
          testId="search-regex"
        />
        <button
          type="button"
          className="button"
          onClick={() => a.jumpToMatch(-1)}
          disabled={searchCount === 0}
          aria-label="Previous match"
          data-testid="search-prev"
        >
          ↑
        </button>
        <button
          type="button"
          className="button"
          onClick={() => a.jumpToMatch(1)}
          disabled={searchCount === 0}
          aria-label="Next match"
          data-testid="search-next"
        >
          ↓
        </button>
        <span className="muted tabular logs-toolbar__count" data-testid="search-count">
          {search.text ? `${searchCount.toLocaleString('en-US')} ${searchCount === 1 ? 'match' : 'matches'}` : ''}
        </span>
        {searchError ? (
          <span className="logs-error" role="alert">
            {searchError}
          </span>
        ) : null}
        <span className="logs-toolbar__sep" aria-hidden="true" />
        <button type="button" className="button" onClick={() => a.jumpToError(-1)} data-testid="prev-error">
          ↑ Error
        </button>
        <button type="button" className="button" onClick={() => a.jumpToError(1)} data-testid="next-error">
          ↓ Error
        </button>
        <span className="topbar__spacer" />
        <button
          type="button"
          className={`button${paused ? ' button--primary' : ''}`}
          onClick={a.togglePause}
          aria-pressed={paused}
          data-testid="pause-button"
        >
          {paused ? 'Resume' : 'Pause'}
          {paused ? (
            <span className="pause-count tabular" data-testid="paused-count">
              +{newWhilePaused.toLocaleString('en-US')} new
            </span>
          ) : null}
        </button>
        <details className="menu" ref={menu}>
          <summary className="button" data-testid="download-menu">
            Download
          </summary>
          <div className="menu__panel">
            <button type="button" onClick={() => download('filtered')} data-testid="download-filtered">
              Lines shown (filtered)
            </button>
            <button type="button" onClick={() => download('all')} data-testid="download-all">
              Whole buffer
            </button>
          </div>
        </details>
        <label className="logs-toolbar__label">
          Buffer
          <select
            className="logs-select"
            value={capacity}
            onChange={(e) => a.setCapacity(Number(e.target.value))}
            data-testid="buffer-size"
          >
            {CAPACITY_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en-US')} lines
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={a.clear} data-testid="clear-buffer">
          Clear
        </button>
      </div>
    </div>
  );
}

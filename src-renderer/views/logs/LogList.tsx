// The merged tail. Every row is one line high, so the rows on screen follow from the scroll
// position alone: an update costs the rows shown, not the 100,000 in the buffer (a measuring
// virtualizer recomputed every row's offset on each batch and blocked the page for 100+ ms at
// 10,000 lines/s). The full text of a line, JSON pretty-printed, opens in a pane below.
// The list follows new lines while the reader is at the bottom and not paused. Only the reader's
// own scrolling up (wheel, touch, keys, the scrollbar) stops following. A shorter window, the
// legend wrapping to a second line or the line detail opening move the bottom without the reader
// moving, the browser clamps a scroll past the end, and an element scrolled into view moves the
// list with no input of the reader's; so "the reader went up" means their input just before, and
// the list above both where it was last left and the bottom as laid out now. Anything else off
// the bottom while following puts the list back on the bottom, read from the element, never from
// an earlier measure. A reader who scrolled up gets
// a "N new lines ↓" button back to the tail; when old lines leave the buffer above them, the view
// moves by as many rows so the lines under their eyes stay put.
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import type { BufferedLine } from '../../stores/logs/logBuffer';
import { compileMatcher, matchRanges, prettyJson } from '../../stores/logs/logFilter';
import { colourOf } from '../../stores/logs/logSources';
import { logModel, useLogsStore } from '../../stores/logsStore';
import { ListScroller, type ListView } from './listScroller';
import './logList.css';

export const ROW_HEIGHT = 20;
const OVERSCAN = 12;
/** Closer than this to the end counts as "at the bottom". */
const BOTTOM_SLACK = ROW_HEIGHT * 2;
const LEVEL_LABEL = { error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG' } as const;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local time to the millisecond; the date too when it is not today (archived logs). */
function timeOf(ts: string): string {
  const date = new Date(ts.slice(0, 23) + 'Z');
  if (Number.isNaN(date.getTime())) return ts;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
  return date.toDateString() === new Date().toDateString()
    ? time
    : `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

function Highlighted({ text, pattern }: { text: string; pattern: RegExp | undefined }) {
  const ranges = matchRanges(pattern, text);
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

interface RowProps {
  line: BufferedLine;
  /** The tag shown: without the app's name when every line is of one app. */
  tag: string;
  top: number;
  current: boolean;
  open: boolean;
  pattern: RegExp | undefined;
  /** The reader pressed on this line: a click that follows opens it (see onClick on the list). */
  onPress: (line: BufferedLine, event: ReactPointerEvent) => void;
}

const LogRow = memo(function LogRow({ line, tag, top, current, open, pattern, onPress }: RowProps) {
  const style = { transform: `translateY(${top}px)` };
  const colour = `src-c${colourOf(line.source)}`;
  if (line.marker) {
    return (
      <div
        className={`log-marker log-marker--${line.marker} ${colour}`}
        style={style}
        data-testid="log-marker"
        data-marker={line.marker}
        role="note"
        title={line.message}
      >
        <span className="log-marker__icon" aria-hidden="true">
          {line.marker === 'gap' ? '!' : line.marker === 'redeploy' ? '↻' : '✓'}
        </span>
        <span className="log-row__source">{tag}</span>
        <span className="log-marker__text">{line.message}</span>
        <span className="log-marker__time">{timeOf(line.ts)}</span>
      </div>
    );
  }
  return (
    <div
      className={`log-row ${colour}${line.level ? ` log-row--${line.level}` : ''}${current ? ' log-row--current' : ''}${open ? ' log-row--open' : ''}`}
      style={style}
      data-testid="log-row"
      data-source={line.source}
      data-level={line.level ?? ''}
      onPointerDown={(event) => onPress(line, event)}
    >
      <time className="log-row__time" dateTime={line.ts} title={line.ts}>
        {timeOf(line.ts)}
      </time>
      <span className="log-row__level">{line.level ? LEVEL_LABEL[line.level] : ''}</span>
      <span className="log-row__source" title={line.source}>
        {tag}
      </span>
      {line.json ? (
        <span className="log-row__json" title="JSON: click to pretty-print">
          {'{}'}
        </span>
      ) : null}
      <span className="log-row__message">
        <Highlighted text={line.message} pattern={pattern} />
      </span>
    </div>
  );
});

export function LogList() {
  const version = useLogsStore((s) => s.version);
  const paused = useLogsStore((s) => s.paused);
  const following = useLogsStore((s) => s.following);
  const cursorId = useLogsStore((s) => s.cursorId);
  const jumpTo = useLogsStore((s) => s.scrollTo);
  const droppedFromView = useLogsStore((s) => s.droppedFromView);
  const search = useLogsStore((s) => s.search);
  const detail = useLogsStore((s) => s.detail);
  const toggleDetail = useLogsStore((s) => s.toggleDetail);
  const oneApp = useLogsStore((s) => s.deployment?.appName);
  const pattern = useMemo(() => compileMatcher(search).value, [search]);
  const parentRef = useRef<HTMLDivElement>(null);
  /** The line under the pointer when it went down, and where. */
  const press = useRef<{ line: BufferedLine; x: number; y: number } | undefined>(undefined);
  const onPress = useCallback((line: BufferedLine, event: ReactPointerEvent) => {
    press.current = event.button === 0 ? { line, x: event.clientX, y: event.clientY } : undefined;
  }, []);
  /**
   * Opens the line pressed on. While lines arrive the rows move under a still pointer between
   * press and release, so the click may come from the list rather than a row, with text selected
   * that the reader never dragged over; it is the line under the press that they meant. A pointer
   * that moved is selecting text to copy, and a double click a word: neither opens the pane.
   */
  const onClick = (event: ReactMouseEvent) => {
    const pressed = press.current;
    press.current = undefined;
    if (!pressed || event.detail > 1) return;
    if (Math.abs(event.clientX - pressed.x) > 4 || Math.abs(event.clientY - pressed.y) > 4) return;
    toggleDetail(pressed.line);
  };
  const lastDropped = useRef(droppedFromView);
  /** The line at the top of a paused view: where the view stays when it resumes away from the bottom. */
  const anchor = useRef<BufferedLine | undefined>(undefined);
  const wasPaused = useRef(paused);
  /** Only which rows to render: every scrolling decision reads the element itself. */
  const [view, setView] = useState<ListView>({ top: 0, height: 600 });
  // `version` changes whenever the model's rows do; the array itself is changed in place.
  const rows = logModel.rows();
  void version;

  const [scroller] = useState(() => new ListScroller(setView));
  const { measure, scrollTo, readerWentUp, follow, byHand, pressed } = scroller;

  const onScroll = () => {
    const el = parentRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK;
    const logs = useLogsStore.getState();
    if (atBottom && !logs.following) logs.setFollowing(true);
    // Off the bottom while following: the reader's doing, or a layout change that moved the
    // bottom away, which must not stop following.
    if (!atBottom && logs.following && !logs.paused) return follow(el);
    if (!atBottom && logs.following && readerWentUp(el)) logs.setFollowing(false);
    measure(el);
  };

  useEffect(() => {
    const el = parentRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const logs = useLogsStore.getState();
      if (logs.following && !logs.paused) follow(el);
      else measure(el);
    });
    observer.observe(el);
    return () => observer.disconnect();
    // The observer reads the store and the element when it fires; it is set up once.
  }, [measure, follow]);

  useLayoutEffect(() => {
    if (paused) anchor.current = logModel.rows()[Math.floor(view.top / ROW_HEIGHT)];
  }, [paused, view.top, version]);

  useLayoutEffect(() => {
    const el = parentRef.current;
    if (!el) return;
    const dropped = droppedFromView - lastDropped.current;
    lastDropped.current = droppedFromView;
    const resumed = wasPaused.current && !paused;
    wasPaused.current = paused;
    if (paused) return;
    if (resumed && !following && anchor.current) {
      // The live rows differ from the frozen ones (lines came and went): find the same line again.
      const index = logModel.rows().indexOf(anchor.current);
      scrollTo(el, Math.max(0, index) * ROW_HEIGHT + (el.scrollTop % ROW_HEIGHT));
      return;
    }
    if (following) follow(el);
    else if (dropped > 0) scrollTo(el, Math.max(0, el.scrollTop - dropped * ROW_HEIGHT));
    // New rows, dropped lines, going back to following and the detail pane (a shorter list) move
    // the view; the element says where from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, paused, droppedFromView, following, detail]);

  useLayoutEffect(() => {
    const el = parentRef.current;
    if (!jumpTo || !el) return;
    // A jump to a match or an error takes the reader away from the tail, as scrolling up would.
    useLogsStore.getState().setFollowing(false);
    scrollTo(el, Math.max(0, jumpTo.index * ROW_HEIGHT - el.clientHeight / 2));
  }, [jumpTo, scrollTo]);

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const tagOf = (line: BufferedLine) =>
    oneApp && line.source.startsWith(`${oneApp}/`) ? line.source.slice(oneApp.length + 1) : line.source;
  const shown: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const line = rows[i]!;
    // Keyed by slot, not by line: while the tail scrolls, the same elements take new text
    // instead of being removed and created again.
    shown.push(
      <LogRow
        key={i % 256}
        line={line}
        tag={tagOf(line)}
        top={i * ROW_HEIGHT}
        current={line.id === cursorId}
        open={line.id === detail?.id}
        pattern={pattern}
        onPress={onPress}
      />,
    );
  }

  return (
    <>
      <div className="logs-list-frame">
        <div
          className="logs-list"
          ref={parentRef}
          onScroll={onScroll}
          onWheel={byHand}
          onTouchMove={byHand}
          onKeyDown={byHand}
          // Before the rows hear it: a press anywhere but on a row forgets an earlier one.
          onPointerDownCapture={() => (press.current = undefined)}
          onPointerDown={pressed}
          onClick={onClick}
          data-testid="log-list"
          data-rows={rows.length}
          data-following={following}
          tabIndex={0}
          aria-label="Log lines"
        >
          <div className="logs-list__inner" style={{ height: rows.length * ROW_HEIGHT }}>
            {shown}
          </div>
        </div>
        {following || paused ? null : <NewLinesButton />}
      </div>
      {detail ? (
        <LineDetail line={detail} tag={tagOf(detail)} pattern={pattern} onClose={() => toggleDetail(detail)} />
      ) : null}
    </>
  );
}

/** Shown while the reader is scrolled up: how much arrived below, and the way back to the tail. */
function NewLinesButton() {
  const count = useLogsStore((s) => s.newBelow);
  const setFollowing = useLogsStore((s) => s.setFollowing);
  return (
    <button
      type="button"
      className="new-lines"
      onClick={() => setFollowing(true)}
      data-testid="new-lines-button"
      data-count={count}
    >
      {count === 0 ? 'Back to the latest' : `${count.toLocaleString('en-US')} new ${count === 1 ? 'line' : 'lines'}`}{' '}
      <span aria-hidden="true">↓</span>
    </button>
  );
}

function LineDetail({
  line,
  tag,
  pattern,
  onClose,
}: {
  line: BufferedLine;
  tag: string;
  pattern: RegExp | undefined;
  onClose: () => void;
}) {
  const text = line.json ? prettyJson(line.message) : line.message;
  return (
    <section className={`line-detail src-c${colourOf(line.source)}`} aria-label="Line detail" data-testid="line-detail">
      <header className="line-detail__head">
        <span className="log-row__source">{tag}</span>
        <code className="line-detail__time">{line.ts}</code>
        {line.level ? (
          <span className={`line-detail__level line-detail__level--${line.level}`}>{LEVEL_LABEL[line.level]}</span>
        ) : null}
        {line.json ? <span className="muted">JSON, pretty-printed</span> : null}
        <span className="topbar__spacer" />
        <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(line.message)}>
          Copy
        </button>
        <button
          type="button"
          className="button"
          onClick={onClose}
          aria-label="Close the line detail"
          data-testid="close-detail"
        >
          Close
        </button>
      </header>
      <pre className="line-detail__body" data-testid={line.json ? 'log-json' : 'log-text'}>
        <Highlighted text={text} pattern={pattern} />
      </pre>
    </section>
  );
}

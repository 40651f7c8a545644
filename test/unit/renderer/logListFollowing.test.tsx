// @vitest-environment jsdom
// The founder follows the newest log lines and opens one to read it in full while more arrive: the
// list must stay on the newest line. Only their own scrolling up stops following. jsdom lays
// nothing out, so the list's geometry is played here as a browser plays it: scrollTop is clamped to
// the content, and a scroll event and then the resize observers come at the next frame, not when
// the list is scrolled — a click or a batch of lines can come in between on a busy machine.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetApi, LogLine, LogStreamEvent, Result } from '../../../src-preload/contract';
import { useLogsStore } from '../../../src-renderer/stores/logsStore';
import { LogList, ROW_HEIGHT } from '../../../src-renderer/views/logs/LogList';

/** The list's height with the detail pane closed, and what the pane takes from it. */
let frameHeight = 400;
const DETAIL_HEIGHT = 200;
const tops = new WeakMap<Element, number>();
let scrolled = false;
let observers: Array<{ callback: ResizeObserverCallback; reported?: number }> = [];

const isList = (el: Element) => el instanceof HTMLElement && el.dataset.testid === 'log-list';
const clientHeightOf = () => frameHeight - (document.querySelector('[data-testid="line-detail"]') ? DETAIL_HEIGHT : 0);
const scrollHeightOf = (el: Element) =>
  Math.max(parseFloat((el.firstElementChild as HTMLElement).style.height) || 0, clientHeightOf());

function clamp(el: Element, top: number): number {
  const next = Math.max(0, Math.min(top, scrollHeightOf(el) - clientHeightOf()));
  if (next !== (tops.get(el) ?? 0)) scrolled = true;
  tops.set(el, next);
  return next;
}

beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isList(this) ? clientHeightOf() : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isList(this) ? scrollHeightOf(this) : 0;
    },
  });
  // A layout that shortens the content or lengthens the list pulls the position up, as Chromium does.
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return isList(this) ? clamp(this, tops.get(this) ?? 0) : 0;
    },
    set(this: HTMLElement, top: number) {
      if (isList(this)) clamp(this, top);
    },
  });
  observers = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe() {
        observers.push({ callback: this.callback });
      }
      disconnect() {
        observers = observers.filter((o) => o.callback !== this.callback);
      }
    },
  );
  vi.useFakeTimers();
  frameHeight = 400;
  scrolled = false;
  emitLines = () => undefined;
  window.fleet = {
    tailLogs: (_request: unknown, listener: (event: Result<LogStreamEvent>) => void) => {
      emitLines = (lines) => listener({ ok: true, value: { kind: 'lines', lines } });
      return () => undefined;
    },
  } as unknown as FleetApi;
  const logs = useLogsStore.getState();
  logs.stop();
  logs.setSelection([]);
  logs.clear();
  logs.setSelection([
    {
      key: 'app-1:bibbi-api',
      appId: 'app-1',
      appName: 'taskifai-bibbi',
      group: 'TaskifAI',
      component: 'bibbi-api',
      kind: 'service',
      label: 'taskifai-bibbi/bibbi-api',
    },
  ]);
});

afterEach(() => {
  cleanup();
  useLogsStore.getState().stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  // jsdom's own (always 0) are on Element.prototype, under these.
  for (const name of ['clientHeight', 'scrollHeight', 'scrollTop'])
    delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
});

let emitLines: (lines: LogLine[]) => void = () => undefined;
let sent = 0;

/** `count` new lines, applied as the store applies them (a batch every 80 ms). */
function linesArrive(count: number) {
  const lines = Array.from({ length: count }, () => {
    sent++;
    return {
      component: 'bibbi-api',
      ts: new Date(Date.UTC(2026, 11, 3, 12, 0, 0, sent)).toISOString(),
      message: `line ${sent}`,
    };
  });
  act(() => {
    emitLines(lines);
    vi.advanceTimersByTime(100);
  });
}

/** The browser's next frame: the scroll event of any scroll since the last one, then resizes. */
function nextFrame() {
  const list = screen.getByTestId('log-list');
  void list.scrollTop;
  if (scrolled) {
    scrolled = false;
    fireEvent.scroll(list);
  }
  const height = clientHeightOf();
  for (const observer of observers) {
    if (observer.reported === height) continue;
    observer.reported = height;
    act(() => observer.callback([], {} as ResizeObserver));
  }
}

const list = () => screen.getByTestId('log-list');

function clickRow(row: HTMLElement) {
  fireEvent.pointerDown(row, { button: 0, clientX: 300, clientY: 200 });
  fireEvent.click(row, { clientX: 300, clientY: 200 });
}
const gapBelow = () => list().scrollHeight - list().scrollTop - list().clientHeight;

function followingTheTail() {
  render(<LogList />);
  nextFrame();
  linesArrive(100);
  nextFrame();
  expect(list().scrollHeight).toBe(100 * ROW_HEIGHT);
  expect(gapBelow()).toBe(0);
}

describe('the log list following the newest line', () => {
  it('keeps following when a line’s detail opens between a clamped scroll and its scroll event', () => {
    followingTheTail();
    // The list grows (the status line below takes one line less) as lines arrive, before the
    // resize is observed: the list is scrolled past its end and the browser clamps it.
    frameHeight = 420;
    linesArrive(5);
    // The founder opens the newest line before the next frame: the list is 200 px shorter.
    clickRow(screen.getAllByTestId('log-row').at(-1)!);
    expect(screen.getByTestId('line-detail')).toBeTruthy();
    nextFrame();
    expect(list().dataset.following).toBe('true');
    linesArrive(5);
    nextFrame();
    expect(list().dataset.following).toBe('true');
    expect(gapBelow()).toBe(0);
    expect(screen.queryByTestId('new-lines-button')).toBeNull();
  });

  it('stays on the newest line as the detail pane opens and closes while lines arrive', () => {
    followingTheTail();
    clickRow(screen.getAllByTestId('log-row').at(-1)!);
    linesArrive(3);
    expect(gapBelow()).toBe(0);
    nextFrame();
    fireEvent.click(screen.getByTestId('close-detail'));
    linesArrive(3);
    nextFrame();
    expect(list().dataset.following).toBe('true');
    expect(gapBelow()).toBe(0);
  });

  it('opens the line pressed on when lines arrive before the button is released', () => {
    followingTheTail();
    const row = screen.getAllByTestId('log-row').at(-1)!;
    const pressed = row.textContent;
    fireEvent.pointerDown(row, { button: 0, clientX: 300, clientY: 390 });
    // The rows move up under the still pointer: the release is over another row, so the click
    // goes to the list they share, and the text between is selected.
    linesArrive(3);
    fireEvent.click(list(), { clientX: 300, clientY: 390 });
    expect(screen.getByTestId('line-detail').textContent).toContain(pressed.slice(-8));
    expect(list().dataset.following).toBe('true');
    expect(gapBelow()).toBe(0);
  });

  it('opens nothing when the pointer moved between press and release: that is selecting text', () => {
    followingTheTail();
    const row = screen.getAllByTestId('log-row').at(-1)!;
    fireEvent.pointerDown(row, { button: 0, clientX: 300, clientY: 390 });
    fireEvent.click(list(), { clientX: 120, clientY: 330 });
    expect(screen.queryByTestId('line-detail')).toBeNull();
  });

  it('stops following when the founder scrolls up, even if lines arrive before the scroll event', () => {
    followingTheTail();
    fireEvent.wheel(list(), { deltaY: -1100 });
    list().scrollTop = 500;
    linesArrive(5);
    nextFrame();
    expect(list().dataset.following).toBe('false');
    expect(list().scrollTop).toBe(500);
    linesArrive(5);
    nextFrame();
    expect(list().scrollTop).toBe(500);
    // The five that came with the scroll were there when the founder left the bottom.
    expect(screen.getByTestId('new-lines-button').dataset.count).toBe('5');

    fireEvent.click(screen.getByTestId('new-lines-button'));
    nextFrame();
    expect(list().dataset.following).toBe('true');
    expect(gapBelow()).toBe(0);
  });

  it('stops following when the founder drags the scrollbar up', () => {
    followingTheTail();
    fireEvent.pointerDown(list());
    list().scrollTop = 300;
    nextFrame();
    fireEvent.pointerUp(window);
    expect(list().dataset.following).toBe('false');
  });

  it('keeps following when the list is moved up with no wheel, key, touch or scrollbar', () => {
    followingTheTail();
    // A row scrolled into view, say, or a tool driving the page; and a click on a row is no scroll.
    fireEvent.pointerDown(screen.getAllByTestId('log-row')[0]!);
    list().scrollTop = 500;
    nextFrame();
    expect(list().dataset.following).toBe('true');
    expect(gapBelow()).toBe(0);
    list().scrollTop = 700;
    linesArrive(5);
    expect(list().dataset.following).toBe('true');
    expect(gapBelow()).toBe(0);
  });
});

// Where the window was: its normal (unmaximized) bounds and whether it was maximized, kept in the
// data folder. Pure parse and clamp here, so they are tested without Electron; window.ts reads the
// displays and writes the file (whole or not at all, base/atomicFile.ts).
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS place the window (first start, or it was on a display that is gone). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';

/** How much of the window must be on a display for it to stay there: enough to grab its title bar. */
const VISIBLE_WIDTH = 120;
const VISIBLE_HEIGHT = 40;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The saved state, or undefined for a missing, damaged or foreign file (the window then opens as new). */
export function parseWindowState(text: string | undefined): WindowState | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { x, y, width, height, maximized } = data as Record<string, unknown>;
  if (!finite(width) || !finite(height) || width <= 0 || height <= 0) return undefined;
  const placed = finite(x) && finite(y);
  return {
    ...(placed ? { x: Math.round(x), y: Math.round(y) } : {}),
    width: Math.round(width),
    height: Math.round(height),
    maximized: maximized === true,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The saved state made to fit today's displays (their work areas): no larger than the largest,
 * no smaller than the window's minimum, and moved fully onto the display it is mostly on. A window
 * left on a display that is no longer connected (too little of it visible) loses its position.
 */
export function clampWindowState(
  state: WindowState,
  workAreas: readonly Rect[],
  minimum: { width: number; height: number },
): WindowState {
  if (workAreas.length === 0) return state;
  const widest = Math.max(...workAreas.map((a) => a.width));
  const tallest = Math.max(...workAreas.map((a) => a.height));
  const width = Math.max(Math.min(state.width, widest), Math.min(minimum.width, widest));
  const height = Math.max(Math.min(state.height, tallest), Math.min(minimum.height, tallest));
  const sized: WindowState = { ...state, width, height };
  if (state.x === undefined || state.y === undefined) return sized;
  const rect = { x: state.x, y: state.y, width, height };
  const visible = workAreas
    .map((area) => ({ area, seen: overlap(rect, area) }))
    .filter(
      ({ seen }) => seen.width >= Math.min(VISIBLE_WIDTH, width) && seen.height >= Math.min(VISIBLE_HEIGHT, height),
    )
    .sort((a, b) => b.seen.width * b.seen.height - a.seen.width * a.seen.height)[0];
  if (!visible) return { width, height, maximized: state.maximized };
  const { area } = visible;
  const fit = (start: number, size: number, areaStart: number, areaSize: number) =>
    Math.min(Math.max(start, areaStart), areaStart + Math.max(areaSize - size, 0));
  return {
    ...sized,
    x: fit(rect.x, Math.min(width, area.width), area.x, area.width),
    y: fit(rect.y, Math.min(height, area.height), area.y, area.height),
    width: Math.min(width, area.width),
    height: Math.min(height, area.height),
  };
}

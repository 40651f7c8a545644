// Which table columns fit the width there is. Each foldable column has a level; the table shows
// every column whose level is above the smallest level at which the rest fits, so a narrow window
// loses the least-scanned columns first instead of scrolling sideways. A column that folds says
// where its content goes instead (the cell that takes it in reads the folded set).
import { createContext, useContext, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export interface PriorityColumn {
  id: string;
  /** Fixed width in px; a column without one takes what is left, at least minWidth. */
  width?: number;
  minWidth?: number;
  /** 1 folds first; columns without a level always show. */
  fold?: number;
}

/** The ids to fold so the columns fit `available` px; nothing before the width is known. */
export function foldedFor(columns: readonly PriorityColumn[], available: number | undefined): ReadonlySet<string> {
  if (!available) return NONE;
  const levels = [...new Set(columns.flatMap((c) => (c.fold ? [c.fold] : [])))].sort((a, b) => a - b);
  const need = (level: number) =>
    columns.reduce((sum, c) => (c.fold && c.fold <= level ? sum : sum + (c.width ?? c.minWidth ?? 0)), 0);
  const level = [0, ...levels].find((l) => need(l) <= available) ?? levels.at(-1) ?? 0;
  const folded = columns.filter((c) => c.fold && c.fold <= level).map((c) => c.id);
  return folded.length ? new Set(folded) : NONE;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The element's inner width, measured before paint so the first frame already fits: the
 * ResizeObserver reports it after the frame's layout and before its paint, and the render it
 * causes is committed there and then. Read in the layout effect instead (clientWidth), it forced
 * the page's first layout in the middle of React's commit, and the frame laid it all out again.
 */
export function useInnerWidth(ref: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Some test DOMs have no ResizeObserver: one measurement stands.
    if (typeof ResizeObserver === 'undefined') {
      setWidth(element.clientWidth);
      return;
    }
    const observer = new ResizeObserver(() => flushSync(() => setWidth(element.clientWidth)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The columns folded away in the table around a cell, for the cells that take their content in. */
export const FoldedColumns = createContext<ReadonlySet<string>>(NONE);
export const useFolded = () => useContext(FoldedColumns);

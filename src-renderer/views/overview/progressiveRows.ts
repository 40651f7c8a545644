// Which of the rows a scrolled frame wants are drawn in it, and which wait a frame as a blank row
// of the same height. Every row drawn in a frame costs that frame its render, style, layout and
// paint (some 3 ms each at 2,000 apps on two cores): a fling that brings fifteen new rows a frame
// made every frame one long task. Rows already on screen stay; of the new ones, those nearest the
// middle of the frame come first, and the rest follow in the next frames.

/** A virtualizer key (see @tanstack/virtual-core's Key). */
export type RowKey = string | number | bigint;

export interface WantedRow {
  key: RowKey;
  index: number;
}

/**
 * The keys to draw whole this frame: every wanted row already drawn, every row in `always` (the
 * keyboard's highlight), and up to `budget` new ones, nearest `focusIndex` first.
 */
export function rowsToDraw(
  wanted: readonly WantedRow[],
  drawn: ReadonlySet<RowKey>,
  budget: number,
  focusIndex: number,
  always: ReadonlySet<RowKey> = new Set(),
): Set<RowKey> {
  const draw = new Set<RowKey>();
  const fresh: WantedRow[] = [];
  for (const row of wanted) {
    if (drawn.has(row.key) || always.has(row.key)) draw.add(row.key);
    else fresh.push(row);
  }
  fresh.sort((a, b) => Math.abs(a.index - focusIndex) - Math.abs(b.index - focusIndex));
  for (const row of fresh.slice(0, Math.max(0, budget))) draw.add(row.key);
  return draw;
}

// A founder flings the overview of 2,000 apps: each frame draws the rows it already shows and a
// few new ones, the middle of the frame first; the rest follow in the next frames.
import { describe, expect, it } from 'vitest';
import { rowsToDraw, type RowKey, type WantedRow } from '../../../src-renderer/views/overview/progressiveRows';

const rows = (from: number, to: number): WantedRow[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ key: `app-${from + i}`, index: from + i }));

describe('rows drawn in a scrolled frame', () => {
  it('keeps every row already on screen and adds only the budget of new ones', () => {
    const onScreen = new Set(rows(0, 19).map((r) => r.key));
    // Scrolled by ten rows: 10 of the 20 wanted are on screen, 10 are new.
    const draw = rowsToDraw(rows(10, 29), onScreen, 4, 20);
    expect(draw.size).toBe(14);
    for (const row of rows(10, 19)) expect(draw.has(row.key)).toBe(true);
    expect([...draw].filter((k) => !onScreen.has(k))).toHaveLength(4);
  });

  it('draws the new rows nearest the middle of the frame first', () => {
    // A jump to the top: nothing wanted is on screen.
    const draw = rowsToDraw(rows(0, 20), new Set(['app-1990']), 3, 10);
    expect([...draw].sort()).toEqual(['app-10', 'app-11', 'app-9']);
  });

  it('always draws the row the keyboard highlights, whatever the budget', () => {
    const draw = rowsToDraw(rows(0, 20), new Set(), 0, 10, new Set(['app-20']));
    expect([...draw]).toEqual(['app-20']);
  });

  it('fills the frame in a few steps once the scroll stops', () => {
    const wanted = rows(100, 123);
    let drawn = new Set<RowKey>();
    let frames = 0;
    while (drawn.size < wanted.length) {
      drawn = rowsToDraw(wanted, drawn, 6, 111.5);
      frames++;
    }
    expect(frames).toBe(4);
  });
});

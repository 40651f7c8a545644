// The window comes back where the user left it, sized for today's displays, and a window left on
// a display that is gone comes back on one that is there.
import { describe, expect, it } from 'vitest';
import { clampWindowState, parseWindowState } from '../../../src-main/shell/windowState';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };
const minimum = { width: 960, height: 600 };

describe('reading the remembered window', () => {
  it('reads size, place and maximized, rounded to whole pixels', () => {
    expect(parseWindowState('{"x":100.4,"y":80,"width":1200,"height":800.6,"maximized":true}')).toEqual({
      x: 100,
      y: 80,
      width: 1200,
      height: 801,
      maximized: true,
    });
  });

  it('opens as new from a missing, damaged or foreign file', () => {
    expect(parseWindowState(undefined)).toBeUndefined();
    expect(parseWindowState('{"width":1200,')).toBeUndefined();
    expect(parseWindowState('[1,2,3]')).toBeUndefined();
    expect(parseWindowState('{"width":-5,"height":800}')).toBeUndefined();
    expect(parseWindowState('{"width":"wide","height":800}')).toBeUndefined();
  });

  it('keeps the size of a file without a place, and lets the OS place it', () => {
    expect(parseWindowState('{"width":1200,"height":800}')).toEqual({ width: 1200, height: 800, maximized: false });
  });
});

describe('fitting it to the displays there are now', () => {
  it('leaves a window that fits where it was', () => {
    const state = { x: 1600, y: 100, width: 1400, height: 900, maximized: false };
    expect(clampWindowState(state, [laptop, external], minimum)).toEqual(state);
  });

  it('moves a window that hangs over an edge fully onto the display it is mostly on', () => {
    const state = { x: 3500, y: 1000, width: 1200, height: 800, maximized: false };
    expect(clampWindowState(state, [laptop, external], minimum)).toEqual({ ...state, x: 2800, y: 615 });
  });

  it('puts a window left on an unplugged external display back for the OS to place, keeping its size if it fits', () => {
    const state = { x: 1600, y: 100, width: 1400, height: 850, maximized: true };
    expect(clampWindowState(state, [laptop], minimum)).toEqual({ width: 1400, height: 850, maximized: true });
  });

  it('shrinks a window larger than any display, and never below the window minimum', () => {
    expect(clampWindowState({ x: 0, y: 25, width: 3000, height: 2000, maximized: false }, [laptop], minimum)).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
      maximized: false,
    });
    expect(clampWindowState({ width: 300, height: 200, maximized: false }, [laptop], minimum)).toEqual({
      width: 960,
      height: 600,
      maximized: false,
    });
  });

  it('forgets the place of a window of which only a sliver shows: too little to grab', () => {
    const state = { x: 1400, y: 500, width: 1000, height: 700, maximized: false };
    expect(clampWindowState(state, [laptop], minimum)).toEqual({ width: 1000, height: 700, maximized: false });
  });
});
